#!/usr/bin/env node
/**
 * One-off codemod for after the branches are merged: `new StorylocError('code', 'key', …)` and
 * `inputError('code', 'key', …)` where 'key' is the code's own message in src/error-codes.ts become
 * `new StorylocError('code', …)` / `inputError('code', …)` (the catalogue supplies the key). Calls with
 * another key (one code, several wordings) are left alone. `--dry-run` lists what would change.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dryRun = process.argv.includes('--dry-run');
const catalogue = new Map();
for (const match of readFileSync('src/error-codes.ts', 'utf8').matchAll(/'([^']+)': \{ message: '([^']+)'/g))
  catalogue.set(match[1], match[2]);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

const call = /((?:new StorylocError|inputError|super)\(\s*'([^']+)',)(\s*)'([^']+)',\s*/g;
let changed = 0;
for (const file of files('src')) {
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(call, (whole, head, code, space, key) => {
    if (catalogue.get(code) !== key) return whole;
    changed++;
    return `${head}${space}`;
  });
  if (rewritten !== text) {
    if (dryRun) process.stdout.write(`${file}\n`);
    else writeFileSync(file, rewritten);
  }
}
process.stdout.write(`${changed} calls ${dryRun ? 'would drop' : 'dropped'} the catalogue's own message key\n`);
