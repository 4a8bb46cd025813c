/**
 * The engine contract. An engine translates a batch of segment texts (XML with inline tags, see
 * segments/types.ts) for one language pair; it must return exactly one text per input, in order.
 */
import type { Lang } from '../languages.js';
import type { EngineName } from '../config/types.js';

export interface TranslateBatchRequest {
  texts: string[];
  sourceLang: Lang;
  targetLang: Lang;
  /** DeepL glossary id (from `storyloc glossary sync`) */
  glossaryId?: string;
  /** surrounding text that helps translation and is not billed (DeepL `context`) */
  context?: string;
  /** aborting stops the request (Ctrl-C, quota) */
  signal?: AbortSignal;
}

export interface TranslateBatchResult {
  texts: string[];
  /** characters the engine billed for this batch (0 for local engines) */
  billedCharacters: number;
}

export interface Engine {
  readonly name: EngineName;
  /** true when the engine applies a glossary itself for this pair (DeepL); else placeholders are used */
  enforcesGlossary(sourceLang: Lang, targetLang: Lang): boolean;
  /** throws EngineError (below) for known failures, StorylocError for unsupported pairs */
  translateBatch(request: TranslateBatchRequest): Promise<TranslateBatchResult>;
  /** releases resources (child processes, sockets) */
  close?(): Promise<void>;
  /**
   * true for an engine that translates nothing (`none`): the queue sends nothing and every segment stays
   * untranslated for a translator. `translateBatch` of such an engine must not be called.
   */
  readonly leavesUntranslated?: boolean;
  /**
   * Checks before any work starts that the engine can translate these pairs (data installed, pair
   * supported); throws StorylocError (exit 2) otherwise.
   */
  checkPairs?(pairs: ReadonlyArray<{ source: Lang; target: Lang }>): Promise<void>;
}

/** What the queue needs to know to recover from an engine failure. */
export type EngineFailureKind =
  | 'rate-limited' // 429: back off the whole queue
  | 'server' // 5xx: back off and retry
  | 'network' // connection reset / refused / timeout: retry
  | 'quota' // 456: stop sending, keep finished work
  | 'auth' // 403: stop
  | 'fatal'; // anything else: stop

export class EngineError extends Error {
  readonly kind: EngineFailureKind;
  /** server-provided Retry-After, in ms */
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(
    kind: EngineFailureKind,
    message: string,
    options: { retryAfterMs?: number; status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }

  get shouldRetry(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'server' || this.kind === 'network';
  }
}
