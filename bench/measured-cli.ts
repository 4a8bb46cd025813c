/**
 * Runs the built CLI (`bin/storyloc.js`) in this process and, at exit, writes what only the child can
 * measure to the file named by `STORYLOC_BENCH_REPORT`: its peak resident set (`maxRSS`, in KB) and the
 * files the atomic writer wrote. `bench/cli.ts` spawns `node dist/bench/measured-cli.js <args>`.
 * The write counter is read, once the command is done, from the module instance the CLI ran: the bundle's
 * (dist/cli/io/atomic-file.js) or the unbundled one (dist/src/io/atomic-file.js), whichever bin/ chose;
 * nothing else is loaded before the CLI, so its start-up is timed as a user sees it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './workspace.js';

const reportFile = process.env.STORYLOC_BENCH_REPORT;
/** Files written, known once the CLI has returned (a CLI that calls process.exit leaves it unknown). */
let filesWritten = Number.NaN;
process.on('exit', () => {
  if (!reportFile) return;
  const usage = process.resourceUsage();
  // cpuMs: the child's own CPU (user + system, all threads), for the api figure's log
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  const report = { maxRssKb: usage.maxRSS, filesWritten, cpuMs };
  writeFileSync(reportFile, JSON.stringify(report));
});
const bin = (await import(pathToFileURL(path.join(repoRoot, 'bin', 'storyloc.js')).href)) as { cliRoot: URL };
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // the start-up probe writes nothing, and loading the writer would add to its time
  filesWritten = 0;
} else {
  const writer = new URL('io/atomic-file.js', bin.cliRoot).href;
  filesWritten = ((await import(writer)) as typeof import('../src/io/atomic-file.js')).atomicWriteCount();
}
