/**
 * Runs the built CLI (`bin/storyloc.js`) in this process and, at exit, writes what only the child can
 * measure to the file named by `STORYLOC_BENCH_REPORT`: its peak resident set (`maxRSS`, in KB) and the
 * files the atomic writer wrote. `bench/cli.ts` spawns `node dist/bench/measured-cli.js <args>`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { atomicWriteCount } from '../src/io/atomic-file.js';
import { repoRoot } from './workspace.js';

const reportFile = process.env.STORYLOC_BENCH_REPORT;
process.on('exit', () => {
  if (!reportFile) return;
  const usage = process.resourceUsage();
  // cpuMs: the child's own CPU (user + system, all threads), for the api figure's log
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  const report = { maxRssKb: usage.maxRSS, filesWritten: atomicWriteCount(), cpuMs };
  writeFileSync(reportFile, JSON.stringify(report));
});
await import(pathToFileURL(path.join(repoRoot, 'bin', 'storyloc.js')).href);
