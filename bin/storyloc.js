#!/usr/bin/env node
// Thin launcher. `npm run build` (run by `prepare` on `npm ci`) compiles the CLI to dist/src/ with tsc and
// bundles it into dist/cli/ (scripts/bundle-cli.mjs): a command then loads a few files instead of ~150
// modules. Without a bundle, or with one older than the tsc output (someone ran only tsc since), the CLI
// runs from dist/src/: the same program, only slower to start, and never a stale one.
import { statSync } from 'node:fs';

// A closed pipe (`storyloc segment … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** Modified time of a file of the build, or -1 when it is missing. */
function builtAt(url) {
  return statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

const bundle = new URL('../dist/cli/', import.meta.url);
const compiled = new URL('../dist/src/', import.meta.url);

/** dist/cli/ when it is there and at least as new as the tsc output, else dist/src/. */
function chooseCliRoot() {
  const bundledAt = builtAt(new URL('main.js', bundle));
  return bundledAt >= 0 && bundledAt >= builtAt(new URL('cli/main.js', compiled)) ? bundle : compiled;
}

const args = process.argv.slice(2);
const versionOnly = args.length === 1 && (args[0] === '--version' || args[0] === '-V');
/** The folder the CLI runs from (dist/cli/ or dist/src/); the bench reads the write counter there. */
export const cliRoot = versionOnly ? compiled : chooseCliRoot();
if (versionOnly) {
  // Start-up stays cheap: only package.json is read, none of the pipeline is loaded.
  const { storylocVersion } = await import(new URL('package-info.js', compiled).href);
  process.stdout.write(`${storylocVersion()}\n`);
} else {
  const entry = cliRoot === bundle ? 'main.js' : 'cli/main.js';
  const { main } = await import(new URL(entry, cliRoot).href);
  process.exitCode = await main(args);
}
