/**
 * Facts about the installed storyloc package: its folder, its version (from package.json, read once),
 * and the published JSON Schema files (`schemas/`, shipped through package.json `files`).
 * Cheap on purpose: `storyloc --version` loads only this module.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;
let cachedVersion: string | undefined;

/** The folder holding storyloc's package.json: found upwards from this module (src/ in tests, dist/src/ installed). */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'storyloc') break;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('storyloc: package.json not found above the installed files');
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

/** The `version` of storyloc's package.json. */
export function storylocVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
  return cachedVersion;
}

/** The glossary JSON Schema as installed with the package. */
export function glossarySchemaFile(): string {
  return path.join(packageRoot(), 'schemas', 'glossary.schema.json');
}
