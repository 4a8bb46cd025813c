#!/usr/bin/env node
/**
 * Lists functions in src/ longer than a limit (default 80 lines), longest first, as
 * `lines  file:line  name`. The house rule is ~80 lines; `--max=N` changes the limit.
 */
import path from 'node:path';
import { longFunctions } from './code-shape.mjs';

const limit = Number(process.argv.find((arg) => arg.startsWith('--max='))?.slice(6) ?? 80);
const root = path.resolve(
  process.argv.find((arg) => !arg.startsWith('-') && arg !== process.argv[0] && arg !== process.argv[1]) ?? 'src',
);

for (const { lines, file, line, name } of longFunctions(root, limit))
  process.stdout.write(`${String(lines).padStart(4)}  ${path.relative(process.cwd(), file)}:${line}  ${name}\n`);
