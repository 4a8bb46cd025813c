/**
 * The termbase of a workspace as other stages want it: loaded, linted, and refused when it has errors
 * (translating with a broken glossary would bake the error into every segment).
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { inputError } from '../errors.js';
import { t } from '../i18n/index.js';
import { displayPath } from '../display-path.js';
import { hasErrors, lintTermbase } from './lint.js';
import { loadWorkspaceTermbase, type EntryPositions, type WorkspaceLoadOptions } from './load.js';
import type { GlossaryProblem, Termbase } from './types.js';

export interface CheckedTermbase {
  termbase: Termbase;
  /** YAML, schema and lint problems, errors and warnings */
  problems: GlossaryProblem[];
  positions: EntryPositions;
}

/**
 * Loads `glossary/*.yaml` (or `files`) and lints it against the configured languages. Problems come in
 * file, line, column order (YAML/schema and lint problems together); `relativeTo` is the folder the
 * "other place" of a message is written relative to (default: the workspace); `writeCache`/`cache` as
 * for loadWorkspaceTermbase.
 */
export function lintWorkspaceTermbase(
  config: ResolvedConfig,
  files?: readonly string[],
  options: { relativeTo?: string } & WorkspaceLoadOptions = {},
): CheckedTermbase {
  const loaded = loadWorkspaceTermbase(config, files, options);
  const lint = lintTermbase(loaded.termbase, {
    sourceLanguages: config.sourceLanguages,
    targetLanguages: config.targetLanguages,
    positions: loaded.positions,
    relativeTo: options.relativeTo ?? config.workspaceDir,
  });
  const fileOrder = new Map(loaded.termbase.files.map((file, index) => [file, index]));
  const order = (file: string): number => fileOrder.get(file) ?? fileOrder.size;
  const problems = [...loaded.problems, ...lint].sort(
    (a, b) => order(a.file) - order(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
  return { termbase: loaded.termbase, problems, positions: loaded.positions };
}

/** The workspace termbase; throws `glossary.invalid` (exit 2) naming the first error when there is one. */
export function loadTermbase(config: ResolvedConfig): Termbase {
  const checked = lintWorkspaceTermbase(config);
  if (hasErrors(checked.problems)) {
    const errors = checked.problems.filter((problem) => problem.severity === 'error');
    const first = errors[0]!;
    const position = { file: first.file, line: first.line, column: first.column };
    throw inputError(
      'glossary.invalid',
      'glossary:error.invalid',
      {
        count: errors.length,
        first: `${path.relative(config.workspaceDir, first.file) || first.file}:${first.line}:${first.column}`,
        message: t(first.messageKey, first.params),
      },
      position,
    );
  }
  return checked.termbase;
}

/**
 * One problem as a line for people: `glossary/people.yaml:4:7: error: … [glossary.duplicateId]`, the file
 * relative to `relativeTo` (the current folder) when it is in the workspace, else as an absolute path.
 */
export function formatProblem(problem: GlossaryProblem, relativeTo: string, workspaceDir?: string): string {
  const file = displayPath(problem.file, { cwd: relativeTo, workspaceDir });
  return t('glossary:problem.line', {
    position: `${file}:${problem.line}:${problem.column}`,
    severity: t(`glossary:severity.${problem.severity}`),
    message: t(problem.messageKey, problem.params),
    code: problem.code,
  });
}
