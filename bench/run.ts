/**
 * `npm run bench`: every performance figure the issues ask for, printed as `name: value` lines, or as
 * one JSON object with `--json`. Figures are ratios where the machine is noisy (2 shared cores).
 * `--only=segment,cli` runs some benches; `--skip-cli` leaves out the CLI process figures (cli.ts, the
 * longest part), whose own options are `--cli=…`, `--runs=N` and `--cli-timeout=S`.
 */
import { benchSegment } from './segment.js';
import { benchQueue } from './queue.js';
import { benchGlossary } from './glossary.js';
import { benchMemory } from './memory.js';
import { benchCheck } from './check.js';
import { benchCli } from './cli.js';
import { secondsSince } from './timing.js';
import { deleteDiscarded } from './discard.js';

type Bench = { name: string; run: () => Promise<Record<string, number>> };

const benches: Bench[] = [
  { name: 'segment', run: benchSegment },
  { name: 'queue', run: benchQueue },
  { name: 'glossary', run: benchGlossary },
  { name: 'memory', run: () => benchMemory() },
  { name: 'check', run: benchCheck },
  { name: 'cli', run: benchCli },
];

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const figures: Record<string, number | string> = {};
  try {
    for (const bench of benches) {
      if (only && !only.includes(bench.name)) continue;
      if (process.argv.includes('--skip-cli') && bench.name === 'cli') continue;
      const started = performance.now();
      const result = await bench.run();
      Object.assign(figures, result);
      if (!json) {
        for (const [key, value] of Object.entries(result)) process.stdout.write(`${key}: ${value}\n`);
        process.stderr.write(`(${bench.name} took ${secondsSince(started).toFixed(1)} s)\n`);
      }
    }
  } finally {
    deleteDiscarded();
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
