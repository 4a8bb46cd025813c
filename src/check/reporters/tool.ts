/** Name and version of the tool, for machine-readable reports (read once from package.json). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOL_NAME = 'storyloc';

let version: string | undefined;

/** The package version: package.json is the first one found above this module (src/ or dist/src/). */
export function toolVersion(): string {
  if (version !== undefined) return version;
  version = '0.0.0';
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === TOOL_NAME && typeof pkg.version === 'string') {
        version = pkg.version;
        break;
      }
    } catch {
      // not here: keep walking up
    }
    dir = path.dirname(dir);
  }
  return version;
}
