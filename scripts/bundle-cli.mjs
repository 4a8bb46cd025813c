#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/src, written by tsc) into dist/cli/ with esbuild, so that a command loads a
 * handful of files instead of resolving and compiling some 150 small modules one by one (issue 13, fast
 * start). `npm run build` and `prepare` run it after tsc; bin/storyloc.js loads dist/cli/main.js when it is
 * there and not older than the tsc output, else dist/src (the library API, `dist/src/index.js`, stays unbundled).
 *
 * The layout is what the code relies on:
 * - **Code splitting.** The lazy command table (cli/commands/index.ts) stays lazy: each command is a chunk
 *   loaded by its dynamic import, and code shared by several commands sits in shared chunks, so `status`
 *   loads no Markdown parser or glossary automaton, as before.
 * - **One flat folder.** Entries and chunks all sit in dist/cli/, so `new URL('./worker.js', import.meta.url)`
 *   in whichever chunk holds check/parallel.ts names dist/cli/worker.js, the check worker's entry (likewise
 *   roundtrip-worker.js). The build fails when such a URL names no file of the bundle.
 * - **The same folder depth as dist/src/.** Code that walks up from `import.meta.url` to package.json
 *   (package-info.ts, glossary/cache.ts, check/reporters/tool.ts) finds it from either.
 * - `io/atomic-file.js` is an entry too, so the bench's child (bench/measured-cli.ts) reads the write counter
 *   of the very module instance the bundled CLI uses.
 *
 * Packages: bundled, except those loaded on first use through `createRequire` that stay out of most runs,
 * or that cannot be bundled: deepl-node (and axios; only when talking to DeepL), ajv (its compiled validators
 * `require` its runtime files; only when a glossary file is parsed) and cli-progress (only on a terminal).
 * yaml is bundled: the config and front matter need it in nearly every command, and its ~60 CommonJS files
 * were a third of a short command's start. Its lazy `createRequire(import.meta.url)('yaml')` in
 * front-matter.ts becomes a plain `require('yaml')` here, which esbuild turns into a call of the bundled
 * copy (initialised on first call, as before), so the process holds one yaml, not two.
 *
 *   node scripts/bundle-cli.mjs        writes dist/cli/ (replacing the previous bundle in one rename)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Output folder of the bundle, beside dist/src/ (same depth below the package root). */
export const bundleDir = path.join(repoRoot, 'dist', 'cli');

/** Entry name (path in dist/cli without .js) → compiled module under dist/src/. */
export const bundleEntries = {
  main: 'cli/main.js',
  // named as check/parallel.ts, reassembly/roundtrip-files.ts, io/atomic-write-thread.ts name them: `new URL('./<name>.js', …)`
  worker: 'check/worker.js',
  'roundtrip-worker': 'reassembly/roundtrip-worker.js',
  'atomic-write-worker': 'io/atomic-write-worker.js',
  'io/atomic-file': 'io/atomic-file.js',
};

/** Packages left to Node's resolver at run time (see the module comment). */
export const externalPackages = ['deepl-node', 'ajv', 'cli-progress'];

/** Packages loaded lazily with createRequire in src/ that the bundle carries itself. */
const bundledLazyRequires = ['yaml'];

/** `require` for bundled CommonJS code (commander, yaml) and the external packages' createRequire calls. */
const requireBanner =
  "import { createRequire as __storylocCreateRequire } from 'node:module'; " +
  'const require = __storylocCreateRequire(import.meta.url);';

/** Rewrites `createRequire(import.meta.url)('yaml')` into `require('yaml')`, which esbuild bundles lazily. */
const lazyRequireOfBundledPackages = {
  name: 'storyloc-lazy-require',
  setup(build) {
    const call = /createRequire\(import\.meta\.url\)\((['"])([^'"]+)\1\)/g;
    build.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('createRequire(import.meta.url)')) return undefined;
      const contents = text.replace(call, (whole, _quote, name) =>
        bundledLazyRequires.includes(name) ? `require(${JSON.stringify(name)})` : whole,
      );
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/** esbuild's options for the bundle written to `outdir`. */
export function bundleOptions(outdir = bundleDir) {
  const entryPoints = Object.fromEntries(
    Object.entries(bundleEntries).map(([name, file]) => [name, path.join(repoRoot, 'dist', 'src', file)]),
  );
  return {
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages,
    banner: { js: requireBanner },
    chunkNames: 'chunk-[hash]',
    // maps back to src/*.ts through tsc's maps: `node --enable-source-maps bin/storyloc.js … --debug`
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [lazyRequireOfBundledPackages],
  };
}

/** Every `new URL('./x.js', import.meta.url)` of the bundle names a file of the bundle (the worker entries). */
function checkWorkerUrls(outdir) {
  for (const name of readdirSync(outdir)) {
    if (!name.endsWith('.js')) continue;
    const text = readFileSync(path.join(outdir, name), 'utf8');
    for (const [, target] of text.matchAll(/new URL\(["'](\.\/[^"']+)["'], import\.meta\.url\)/g)) {
      if (!existsSync(path.join(outdir, target))) {
        throw new Error(`dist/cli/${name} starts ${target}, which the bundle does not have (see bundleEntries)`);
      }
    }
  }
}

/**
 * Builds the bundle into a fresh folder and swaps it in by renaming, so a CLI already running from
 * dist/cli/ never sees it half written. Returns esbuild's metafile.
 */
export async function bundleCli() {
  const dist = path.dirname(bundleDir);
  const fresh = mkdtempSync(path.join(dist, '.cli-'));
  try {
    const result = await esbuild.build(bundleOptions(fresh));
    checkWorkerUrls(fresh);
    const old = `${fresh}-old`;
    // two builds at once (test files each making sure of the build): whoever renames last wins, both whole
    for (let attempt = 0; ; attempt++) {
      try {
        if (existsSync(bundleDir)) renameSync(bundleDir, `${old}${attempt}`);
        renameSync(fresh, bundleDir);
        break;
      } catch (error) {
        if (attempt >= 5 || !['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(error.code)) throw error;
      }
    }
    for (let attempt = 0; attempt <= 5; attempt++) rmSync(`${old}${attempt}`, { recursive: true, force: true });
    return result.metafile;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli();
}
