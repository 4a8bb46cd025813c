/**
 * `storyloc check` over many translations on several threads (`--jobs N`): each translation is
 * independent work (read the article, its state and output, run the rules), shared between this thread
 * and worker threads by io/shared-work.ts, which also puts results back in selection order (the report is
 * the one a single thread writes, finding for finding) and raises a translation's error at its turn.
 * This module only says what a translation's check is, here and in a worker.
 */
import type { ResolvedConfig } from '../config/types.js';
import { currentUiLanguage, initI18n, type UiLanguage } from '../i18n/index.js';
import { doSharedWork, type SharedWork, type SharedWorkKind } from '../io/shared-work.js';
import type { CheckReport } from './types.js';
import {
  loadCheckGlossary,
  prepareWorkspaceCheck,
  selectionChecker,
  workspaceReport,
  type CheckedTranslation,
  type Selected,
  type WorkspaceCheckOptions,
} from './workspace.js';

/** What a worker is given to check any translation of the selection. */
export interface CheckWorkerData {
  /** the UI language messages are written in */
  uiLanguage: UiLanguage;
  config: ResolvedConfig;
  cwd: string;
  selected: Selected[];
}

/**
 * Checks on the compiled worker, 16 translations at a time (few enough to balance the threads, enough to
 * keep messages rare); workers by default from 200 translations on (below, a worker's start-up, modules and
 * glossary automaton, costs more than it saves).
 */
const checkOnWorkers: SharedWorkKind = {
  workerUrl: new URL('./worker.js', import.meta.url),
  chunkSize: 16,
  minItemsForWorkers: 200,
};

/** The check of the selection in `data`, to share. */
export function checkWork(data: CheckWorkerData): SharedWork<CheckWorkerData> {
  return { ...checkOnWorkers, count: data.selected.length, workerData: data };
}

/** The worker thread's side (worker.ts): a translation's check by index. */
export function prepareCheckWorker(data: CheckWorkerData): (index: number) => CheckedTranslation {
  initI18n(data.uiLanguage);
  const check = selectionChecker(data.config, data.cwd, loadCheckGlossary(data.config));
  return (index) => check(data.selected[index]!);
}

/** `checkWorkspace` on up to `threads` threads (this one included; 'auto': the idle cores): the same report. */
export async function checkWorkspaceOnThreads(
  options: WorkspaceCheckOptions,
  threads: number | 'auto',
): Promise<CheckReport> {
  const prepared = prepareWorkspaceCheck(options);
  const { config, cwd, selected, glossary } = prepared;
  const check = selectionChecker(config, cwd, glossary);
  const work = checkWork({ uiLanguage: currentUiLanguage(), config, cwd, selected });
  const checked = await doSharedWork(work, threads, (index) => check(selected[index]!));
  return workspaceReport(prepared, [...checked]);
}
