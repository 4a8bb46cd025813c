import { test } from '@jest/globals';
import { main } from '../../src/cli/main.js';
test('scratch', async () => {
  for (const argv of [['glossary', 'lint'], ['glossary', 'list'], ['glossary', 'show', 'kim-soo-hyun'], ['glossary', 'match', 'articles/en/queen-of-tears.md', 'articles/ko/queen-of-tears.md'], ['glossary', 'sync', '--dry-run']]) {
    let out = '';
    const code = await main(argv, { cwd: '/work/main', env: {}, stdout: { write: (t) => void (out += t), isTTY: false }, stderr: { write: (t) => void (out += t), isTTY: false } });
    console.log(argv.join(' ') + ' → ' + code + '\n' + out);
  }
});
