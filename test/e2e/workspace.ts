/** Temp copies of the fixture workspace for end-to-end tests, and helpers to read what a run wrote. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticleState } from '../../src/memory/state-store.js';
import type { ArticleState } from '../../src/memory/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspaces', 'newsroom');

export interface TempWorkspace {
  dir: string;
  read(relative: string): string;
  state(relative: string): ArticleState;
  /** every file under the workspace (relative, sorted), for "nothing else was written" checks */
  files(): string[];
  remove(): void;
}

/**
 * A temp copy of the example workspace at the repository root as a fresh clone has it: articles,
 * glossary, committed outputs and states, the config; no `.storyloc/` (it is not version-controlled).
 */
export function copyExampleWorkspace(): TempWorkspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-example-'));
  for (const name of ['articles', 'glossary', 'output', 'storyloc.config.yaml']) {
    cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  }
  return tempWorkspace(dir);
}

export function copyWorkspace(): TempWorkspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-e2e-'));
  cpSync(fixtureWorkspace, dir, { recursive: true });
  return tempWorkspace(dir);
}

/** Switches the workspace's engine from pseudo to DeepL at `serverUrl` (the test server). */
export function useDeepLEngine(ws: TempWorkspace, serverUrl: string, timeoutMs: number): void {
  const file = path.join(ws.dir, 'storyloc.config.yaml');
  writeFileSync(
    file,
    ws
      .read('storyloc.config.yaml')
      .replace(
        '  default: pseudo\n',
        `  default: deepl\n  deepl:\n    serverUrl: ${serverUrl}\n    timeoutMs: ${timeoutMs}\n`,
      ),
  );
}

function tempWorkspace(dir: string): TempWorkspace {
  const read = (relative: string): string => readFileSync(path.join(dir, relative), 'utf8');
  return {
    dir,
    read,
    state: (relative) => parseArticleState(read(relative), relative),
    files() {
      const out: string[] = [];
      const walk = (sub: string): void => {
        for (const name of readdirSync(path.join(dir, sub))) {
          const rel = sub ? `${sub}/${name}` : name;
          if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
          else out.push(rel);
        }
      };
      walk('');
      return out.sort();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
