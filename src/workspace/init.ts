/**
 * `storyloc init`: a new workspace in a folder, from nothing. It writes the config, one glossary file,
 * the folders and the `.gitignore` lines (and with `ci: 'github'` a workflow), and never overwrites: when
 * any file it would write exists, it writes nothing and says which (the caller exits 2).
 * `.gitignore` is the one exception: an existing one gets the missing lines appended, nothing removed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../config/load.js';
import type { Lang } from '../languages.js';
import { glossarySchemaFile, packageRoot } from '../package-info.js';
import { configTemplate, githubWorkflowTemplate, gitignoreLines, glossaryTemplate } from './templates.js';

export type CiKind = 'github';

export interface InitOptions {
  /** absolute folder of the new workspace (created when missing) */
  dir: string;
  from: readonly Lang[];
  to: readonly Lang[];
  ci?: CiKind | undefined;
  /** where the glossary schema is, for the editor comment; default: see `schemaReference` */
  schemaFile?: string;
}

/** One file init writes: absolute path and text. */
export interface PlannedFile {
  file: string;
  text: string;
}

export interface InitPlan {
  files: PlannedFile[];
  /** folders created (when missing), absolute */
  folders: string[];
  gitignore: string;
}

export type InitResult =
  | { ok: true; created: string[]; folders: string[]; gitignore: 'created' | 'updated' | 'unchanged' }
  /** files that already exist: nothing was written */
  | { ok: false; existing: string[] };

export const GLOSSARY_FILE = path.join('glossary', 'terms.yaml');
export const GITHUB_WORKFLOW_FILE = path.join('.github', 'workflows', 'storyloc.yml');

/**
 * The schema reference the glossary file carries, relative to the glossary folder: the installed
 * package's own copy when storyloc is installed inside the workspace (`npm install storyloc` there, the
 * usual case), else where that install will put it, never an absolute path of this machine (the file is
 * committed and read on other machines).
 */
export function schemaReference(glossaryDir: string, workspaceDir: string, schemaFile = glossarySchemaFile()): string {
  const fromWorkspace = path.relative(workspaceDir, schemaFile);
  const inside = !fromWorkspace.startsWith('..') && !path.isAbsolute(fromWorkspace);
  const target = inside
    ? schemaFile
    : path.join(workspaceDir, 'node_modules', 'storyloc', path.relative(packageRoot(), schemaFile));
  return path.relative(glossaryDir, target).split(path.sep).join('/');
}

export function planWorkspace(options: InitOptions): InitPlan {
  const at = (...parts: string[]): string => path.join(options.dir, ...parts);
  const glossaryDir = at('glossary');
  const schemaRef = schemaReference(glossaryDir, options.dir, options.schemaFile);
  const files: PlannedFile[] = [
    { file: at(CONFIG_FILE_NAME), text: configTemplate(options.from, options.to) },
    { file: at(GLOSSARY_FILE), text: glossaryTemplate(schemaRef, options.from) },
  ];
  if (options.ci === 'github') files.push({ file: at(GITHUB_WORKFLOW_FILE), text: githubWorkflowTemplate() });
  const folders = [...options.from.map((lang) => at('articles', lang)), glossaryDir, at('output')];
  return { files, folders, gitignore: at('.gitignore') };
}

/** The `.gitignore` text with storyloc's lines added (null when it has them all already). */
function withGitignoreLines(current: string | null): string | null {
  const have = new Set((current ?? '').split(/\r?\n/).map((line) => line.trim()));
  const missing = gitignoreLines.filter((line) => !line.startsWith('#') && !have.has(line));
  if (missing.length === 0) return null;
  if (current === null || current === '') return `${gitignoreLines.join('\n')}\n`;
  const separator = current.endsWith('\n') ? '\n' : '\n\n';
  return `${current}${separator}${gitignoreLines.join('\n')}\n`;
}

/** Writes the workspace; refuses (writing nothing) when one of its files exists. */
export function initWorkspace(options: InitOptions): InitResult {
  const plan = planWorkspace(options);
  const existing = plan.files.map((planned) => planned.file).filter((file) => existsSync(file));
  if (existing.length > 0) return { ok: false, existing };
  const folders = plan.folders.filter((folder) => !existsSync(folder));
  for (const folder of plan.folders) mkdirSync(folder, { recursive: true });
  for (const planned of plan.files) {
    mkdirSync(path.dirname(planned.file), { recursive: true });
    // 'wx': even a file created since the check above is never overwritten
    writeFileSync(planned.file, planned.text, { flag: 'wx' });
  }
  const current = existsSync(plan.gitignore) ? readFileSync(plan.gitignore, 'utf8') : null;
  const next = withGitignoreLines(current);
  if (next !== null) writeFileSync(plan.gitignore, next);
  const gitignore = next === null ? 'unchanged' : current === null ? 'created' : 'updated';
  return { ok: true, created: plan.files.map((planned) => planned.file), folders, gitignore };
}
