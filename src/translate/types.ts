/**
 * The contracts of the translate stages: what the caller gives (`TranslateOptions`), what it gets back
 * (`TranslateSummary`), and the one value that travels from stage to stage (`ArticleWork`, an article in
 * one target language with its records).
 */
import type { MessageKey } from '../i18n/catalogs.js';
import type { ParsedArticle } from '../articles/read.js';
import type { EngineName, ResolvedConfig } from '../config/types.js';
import type { EngineChoice } from '../engines/select.js';
import type { Engine } from '../engines/types.js';
import type { TermPlaceholder } from '../glossary/placeholders.js';
import type { Lang } from '../languages.js';
import type { ArticleResult } from '../memory/persist.js';
import type { StateSummary } from '../memory/state-index.js';
import type { QueueOutcome, QueuePlan, QueueProgress, QueueStop } from '../queue/types.js';
import type { SourcePosition, StorylocError } from '../errors.js';

export interface TranslateOptions {
  config: ResolvedConfig;
  /** folder relative paths on the command line are resolved from */
  cwd: string;
  /** environment: the DeepL key is read from here, never from files */
  env: NodeJS.ProcessEnv;
  /** articles or folders as given (all articles under `articles/` when empty) */
  articles?: readonly string[];
  /** `--to`: target languages (default: the config's) */
  targetLangs?: readonly string[];
  /** `--engine` as typed */
  engine?: string | undefined;
  /** an engine built by the caller (bench, tests that count calls); `engine` is then only the label */
  engineInstance?: Engine;
  dryRun?: boolean;
  /** `--max-chars`: budget of billed characters */
  maxChars?: number | null;
  /** `--concurrency`: batches in flight */
  concurrency?: number;
  /** Ctrl-C: stop taking work, keep what finished */
  signal?: AbortSignal;
  /** `--by`: name recorded on human edits found in the output (default: git user, else the OS user) */
  editor?: string;
  /** clock for `changedAt` (tests) */
  now?: () => Date;
  /** queue progress, for the display */
  onProgress?: (event: QueueProgress) => void;
  /** called with the plan before the first request (the display shows its size) */
  onPlan?: (plan: QueuePlan) => void;
}

export interface TranslateSummary {
  engine: EngineName;
  /** i18n key and params explaining why this engine ran */
  engineReason: EngineChoice['reason'];
  dryRun: boolean;
  articles: number;
  targets: Lang[];
  /** segments in scope (every article × target language) */
  segments: number;
  /** segments whose translation was already known (state or memory): no engine call */
  reused: number;
  /** of `reused`: found in the project-wide memory in this run */
  fromMemory: number;
  /** unique texts sent to the engine (planned, with --dry-run) */
  sent: number;
  /** segments served by the request of an identical text */
  duplicates: number;
  /** segments still without a translation at the end */
  untranslated: number;
  /** segments a translator edited in the output, recorded as `edited` */
  humanEdits: number;
  /** segments that became stale in this run (source or glossary changed) */
  stale: number;
  /** characters the engine bills: 0 for engines that do not bill (Apertium, pseudo), planned in a dry run */
  billedCharacters: number;
  /** characters of the texts sent (planned in a dry run), whether or not the engine bills them */
  sentCharacters: number;
  requests: number;
  retries: number;
  seconds: number;
  /** why sending stopped early (quota, interrupted, budget, auth, failed), null when it did not */
  stopped: QueueStop | null;
  /** the queue outcome (for the stop message); null for dry runs and runs with nothing to send */
  outcome: QueueOutcome | null;
  /** the plan (dry runs; also real runs) */
  plan: QueuePlan | null;
  /** output files written (relative to the workspace) */
  written: string[];
  /** of `written`: files in which some segment still shows its source text (it never had a translation) */
  writtenUntranslated: string[];
  /** blocks left in the source language because their offsets could not be recovered (never silent) */
  untranslatableBlocks: UntranslatableBlock[];
  /** articles (or article × target language) left for a translator, with the reason; the others ran */
  skipped: SkippedArticle[];
}

/** An article the run could not read, segment or translate: named with its reason, nothing of it written. */
export interface SkippedArticle {
  /** where the problem is (the article; line and column when known) */
  position: SourcePosition;
  /** the target language left out, null when the whole article was (it could not be read) */
  targetLang: Lang | null;
  /** `en→it` when the engine cannot translate the pair, else null */
  pair: string | null;
  /** i18n key and params of the reason */
  messageKey: MessageKey;
  params: Record<string, unknown>;
}

/** Thrown by `SourceFile.parsed()`: the article cannot be segmented; the run skips it and goes on. */
export class UnreadableArticleError extends Error {
  constructor(readonly error: StorylocError) {
    super(error.message, { cause: error });
    this.name = 'UnreadableArticleError';
  }
}

/** The skip record of an input error met while reading or segmenting one article. */
export function skippedFor(file: string, error: StorylocError, targetLang: Lang | null = null): SkippedArticle {
  return {
    position: error.position ?? { file },
    targetLang,
    pair: null,
    messageKey: error.messageKey,
    params: error.params,
  };
}

export interface UntranslatableBlock {
  file: string;
  line: number;
  column: number;
  reason: string;
}

/** An article's source file, read and hashed; parsed only when a stage needs its segments. */
export interface SourceFile {
  path: string;
  relativePath: string;
  lang: Lang;
  text: string;
  sourceHash: string;
  parsed(): ParsedArticle;
  /** blocks of the parsed article left untranslated (none when it was not parsed in this run) */
  untranslatableBlocks(): UntranslatableBlock[];
}

/** One article in one target language: its records change stage by stage until they are written. */
export interface ArticleWork extends ArticleResult {
  source: SourceFile;
  readonly article: ParsedArticle;
  statePath: string;
  outputPath: string;
  /** records changed since the article was last written */
  dirty: boolean;
  /** written in this run (its review diff is refreshed at the end) */
  touched: boolean;
  /** glossary-check cache key of the state as last written in this run */
  checkedKey?: string;
  /** segments still waiting for an answer from the engine (the article is written when none is left) */
  waitingFor?: number;
  /**
   * Set when nothing about the article changed and none of its records wants work (segment.ts): its
   * records are then never read; stages take what they need from this summary of them.
   */
  unchanged?: StateSummary;
}

/** A job's segment waiting for its translation. */
export interface Waiter {
  work: ArticleWork;
  recordId: string;
  placeholders: TermPlaceholder[];
}

/** One segment whose translation is known (answered now, answered earlier in the run, or replayed). */
export interface KnownAnswer {
  waiter: Waiter;
  text: string;
}
