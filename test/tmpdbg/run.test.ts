import { test } from '@jest/globals';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace } from '../e2e/workspace.js';
test('run', async () => {
  const ws = copyWorkspace();
  const r = await runCli(['translate', '--workspace', ws.dir]);
  console.log(r.code, r.stdout, r.stderr);
  console.log(ws.files().join('\n'));
  console.log(ws.read('output/it/en/finale.md'));
  console.log(ws.read('output/it/en/finale.md.state.json').slice(0, 1500));
  const r2 = await runCli(['translate', '--workspace', ws.dir, '--json']);
  console.log(r2.code, r2.stdout, r2.stderr);
  ws.remove();
});
