/**
 * The DeepL engine, through deepl-node.
 *
 * What it sends, and why:
 * - `tag_handling=xml` with `non_splitting_tags=g,x`: segment text is XML with inline tags standing for
 *   Markdown; the tags must come back, and inline markup never ends a sentence.
 * - `tag_handling_version=v2`, always (not the account's default, which differs between accounts): v2
 *   places tags by meaning and parses XML strictly, so one ill-formed text fails its whole request with
 *   400 "Tag handling parsing failed". Segment XML is well formed by construction (tests send every
 *   segment of the example workspace and the bench corpus); a text that is not anyway goes in a request
 *   of its own with v1, so it can never cost the other texts of the batch their translation.
 * - `source_lang` always: DeepL silently drops a glossary without it, and auto-detection misfires on
 *   short segments (a title made of names).
 * - `split_sentences=nonewlines`: segments are already sentences (our splitter cut them); DeepL may still
 *   split at punctuation (harmless for one sentence, useful for a heading holding two), but a newline
 *   inside a segment is a Markdown soft break inside the sentence and must not split it.
 * - `preserve_formatting=1`: a segment can be a fragment (list item, caption, table cell); DeepL must not
 *   add a final period or change the case of the first letter.
 * - `glossary_id` when one is known for the pair, `context` (the enclosing block, free of charge) when
 *   enabled, `formality` only for targets that support it (sending more/less elsewhere is a 400).
 *
 * Retries belong to the queue, which backs off the whole queue on 429/5xx: deepl-node's own retry loop is
 * off (`maxRetries: 0`, one attempt; in 1.28 `maxRetries: 1` also means one attempt). deepl-node's
 * per-attempt timeout is max(`minTimeout`, about 1 s), so the engine enforces `timeoutMs` itself.
 * deepl-node drops response headers, so `Retry-After` cannot be read: `retryAfterMs` stays undefined.
 * deepl-node reports status codes only inside error messages; the 5xx status is read from them (pinned
 * deepl-node 1.28.0; the tests cover 500, 502 and 503 so an upgrade that changes them fails loudly).
 *
 * The auth key is never in what this module throws: messages and stacks are redacted and the library
 * error (whose axios config holds the key) is replaced by a `RedactedError`.
 */
import { createRequire } from 'node:module';
import type * as DeepLNode from 'deepl-node';
import type {
  DeepLClient,
  ProxyConfig,
  SourceLanguageCode,
  TargetLanguageCode,
  TextResult,
  TranslateTextOptions,
} from 'deepl-node';
import type { ResolvedConfig } from '../config/types.js';
import { StorylocError } from '../errors.js';
import { t } from '../i18n/index.js';
import { pairKey, type Lang } from '../languages.js';
import { isWellFormedXml } from '../segments/xml.js';
import { RedactedError } from './redact.js';
import { EngineError, type Engine, type TranslateBatchRequest, type TranslateBatchResult } from './types.js';

/**
 * deepl-node (and its HTTP stack), loaded on first use: it takes longer to load than the rest of a
 * command's start-up, and most runs (reruns, pseudo, Apertium, status, check) never talk to DeepL.
 */
let deeplNodeModule: typeof DeepLNode | null = null;
export function deeplNode(): typeof DeepLNode {
  deeplNodeModule ??= createRequire(import.meta.url)('deepl-node') as typeof DeepLNode;
  return deeplNodeModule;
}

export type DeepLFormality = ResolvedConfig['engine']['deepl']['formality'];

/** What it takes to talk to DeepL (shared by the engine and `storyloc glossary sync`). */
export interface DeepLConnectionOptions {
  authKey: string;
  /** null/undefined: deepl-node picks api-free.deepl.com for keys ending in `:fx`, else api.deepl.com */
  serverUrl?: string | null;
  /** per-request deadline in ms */
  timeoutMs: number;
  /** an HTTP proxy (corporate networks; tests use it to see which host a key selects) */
  proxy?: ProxyConfig;
  /** the environment variable the key came from, named in messages (default DEEPL_AUTH_KEY) */
  authKeyEnv?: string;
}

export interface DeepLEngineOptions extends DeepLConnectionOptions {
  formality: DeepLFormality;
  /** send the segment's enclosing block as `context` */
  sendContext: boolean;
  /** DeepL glossary id per pair key (`en-it`), from `storyloc glossary sync` */
  glossaryIds?: Record<string, string>;
}

/** The DeepL engine, plus the DeepL-specific facts the queue and the summary may want. */
export interface DeepLEngine extends Engine {
  readonly name: 'deepl';
  /** the DeepL target code sent for a storyloc target (`en` → `en-US`) */
  targetCode(targetLang: Lang): TargetLanguageCode;
}

/** Targets where DeepL accepts `formality` (DeepL's language list, `supports_formality`). */
const FORMALITY_TARGETS = new Set<string>(['de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt-BR', 'pt-PT', 'ru']);

/** Targets DeepL only accepts with a regional variant. */
const REGIONAL_TARGETS: Partial<Record<Lang, TargetLanguageCode>> = { en: 'en-US', pt: 'pt-PT', zh: 'zh-HANS' };

/** DeepL's target code for a storyloc language: a regional variant where DeepL requires one. */
export function deeplTargetLanguage(lang: Lang): TargetLanguageCode {
  return REGIONAL_TARGETS[lang] ?? (lang as TargetLanguageCode);
}

export function supportsFormality(target: TargetLanguageCode): boolean {
  return FORMALITY_TARGETS.has(target);
}

/**
 * Characters DeepL bills for one segment text sent with `tag_handling=xml`: Unicode code points of the
 * text without tags, an entity (`&amp;`) counting as the one character it stands for.
 */
export function countBilledCharacters(xmlText: string): number {
  const text = xmlText.replace(/<[^>]*>/g, '').replace(/&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g, '&');
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function missingKeyError(env: string): StorylocError {
  return new StorylocError('engine.deepl.missingKey', 'engines:deepl.missingKey', { env });
}

/**
 * A deepl-node client configured for storyloc: one attempt per call (the queue owns retries) and the
 * given server URL or proxy. Use `toEngineError` on whatever it throws.
 */
export function createDeepLClient(options: DeepLConnectionOptions): DeepLClient {
  if (!options.authKey) throw missingKeyError(options.authKeyEnv ?? 'DEEPL_AUTH_KEY');
  return new (deeplNode().DeepLClient)(options.authKey, {
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    ...(options.proxy ? { proxy: options.proxy } : {}),
    maxRetries: 0,
    minTimeout: options.timeoutMs,
    appInfo: { appName: 'storyloc', appVersion: '0.1.0' },
  });
}

const STATUS_IN_MESSAGE: Array<[RegExp, number]> = [
  [/^Unexpected status code: (\d{3})/, 0],
  [/^Service unavailable/, 503],
  [/^Bad request/, 400],
  [/^Not found/, 404],
];

/** The HTTP status behind a deepl-node error, when it can be told. */
function statusOf(error: unknown): number | undefined {
  const {
    AuthorizationError,
    ConnectionError,
    DeepLError,
    GlossaryNotFoundError,
    QuotaExceededError,
    TooManyRequestsError,
  } = deeplNode();
  if (error instanceof TooManyRequestsError) return 429;
  if (error instanceof QuotaExceededError) return 456;
  if (error instanceof AuthorizationError) return 403;
  if (error instanceof GlossaryNotFoundError) return 404;
  if (!(error instanceof DeepLError) || error instanceof ConnectionError) return undefined;
  for (const [pattern, status] of STATUS_IN_MESSAGE) {
    const match = pattern.exec(error.message);
    if (match) return status === 0 ? Number(match[1]) : status;
  }
  return undefined;
}

/**
 * Maps anything deepl-node throws to an EngineError whose message, stack and cause are free of the
 * secrets. Already-mapped EngineErrors pass through.
 */
export function toEngineError(error: unknown, secrets: readonly string[], authKeyEnv = 'DEEPL_AUTH_KEY'): EngineError {
  if (error instanceof EngineError) return error;
  const cause = new RedactedError(error, secrets);
  const detail = cause.message;
  const status = statusOf(error);
  const { AuthorizationError, ConnectionError, QuotaExceededError, TooManyRequestsError } = deeplNode();
  if (error instanceof TooManyRequestsError)
    return new EngineError('rate-limited', t('engines:deepl.rateLimited', { detail }), { status, cause });
  if (error instanceof QuotaExceededError)
    return new EngineError('quota', t('engines:deepl.quota', { detail }), { status, cause });
  if (error instanceof AuthorizationError)
    return new EngineError('auth', t('engines:deepl.auth', { detail, env: authKeyEnv }), { status, cause });
  if (error instanceof ConnectionError)
    return new EngineError('network', t('engines:deepl.network', { detail }), { cause });
  if (status !== undefined && status >= 500)
    return new EngineError('server', t('engines:deepl.server', { status, detail }), { status, cause });
  return new EngineError(
    'fatal',
    t('engines:deepl.failed', { detail }),
    status === undefined ? { cause } : { status, cause },
  );
}

/**
 * Settles with `work`, or rejects with a timeout EngineError after `timeoutMs`, or with the signal's
 * reason when aborted. The losing request keeps running inside deepl-node until its own timeout; its
 * outcome is ignored.
 */
function withDeadline<T>(work: Promise<T>, timeoutMs: number, signal: AbortSignal | undefined): Promise<T> {
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => finish(() => reject(signal!.reason));
    const timer = setTimeout(
      () => finish(() => reject(new EngineError('network', t('engines:deepl.timeout', { ms: timeoutMs })))),
      timeoutMs,
    );
    let done = false;
    function finish(settle: () => void): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/**
 * Sends the well-formed texts with tag handling v2 and any others in a request of their own with v1 (not
 * strictly parsed), and returns the results in the order of `texts`.
 */
async function translateWellFormedApart(
  texts: string[],
  translate: (texts: string[], version: 'v1' | 'v2') => Promise<TextResult[]>,
): Promise<TextResult[]> {
  const lenient = texts.flatMap((text, index) => (isWellFormedXml(text) ? [] : [index]));
  if (lenient.length === 0) return translate(texts, 'v2');
  const strict = texts.flatMap((_, index) => (lenient.includes(index) ? [] : [index]));
  const [strictResults, lenientResults] = await Promise.all([
    strict.length > 0
      ? translate(
          strict.map((index) => texts[index]!),
          'v2',
        )
      : Promise.resolve([]),
    translate(
      lenient.map((index) => texts[index]!),
      'v1',
    ),
  ]);
  const results: TextResult[] = new Array<TextResult>(texts.length);
  strict.forEach((index, position) => {
    results[index] = strictResults[position]!;
  });
  lenient.forEach((index, position) => {
    results[index] = lenientResults[position]!;
  });
  return results;
}

export function createDeepLEngine(options: DeepLEngineOptions): DeepLEngine {
  const authKeyEnv = options.authKeyEnv ?? 'DEEPL_AUTH_KEY';
  const client = createDeepLClient(options);
  const secrets = [options.authKey];
  const glossaryIds = options.glossaryIds ?? {};

  function textOptions(request: TranslateBatchRequest, target: TargetLanguageCode): TranslateTextOptions {
    const glossaryId =
      request.glossaryId ?? glossaryIds[pairKey({ source: request.sourceLang, target: request.targetLang })];
    return {
      tagHandling: 'xml',
      tagHandlingVersion: 'v2',
      nonSplittingTags: ['g', 'x'],
      splitSentences: 'nonewlines',
      preserveFormatting: true,
      ...(glossaryId ? { glossary: glossaryId } : {}),
      ...(options.sendContext && request.context ? { context: request.context } : {}),
      ...(options.formality !== 'default' && supportsFormality(target) ? { formality: options.formality } : {}),
    };
  }

  async function send(texts: string[], request: TranslateBatchRequest): Promise<TextResult[]> {
    const target = deeplTargetLanguage(request.targetLang);
    const call = translateWellFormedApart(texts, (group, version) =>
      client.translateText(group, request.sourceLang as SourceLanguageCode, target, {
        ...textOptions(request, target),
        tagHandlingVersion: version,
      }),
    );
    try {
      return await withDeadline(call, options.timeoutMs, request.signal);
    } catch (error) {
      if (request.signal?.aborted && error === request.signal.reason) throw error;
      throw toEngineError(error, secrets, authKeyEnv);
    }
  }

  return {
    name: 'deepl',
    targetCode: deeplTargetLanguage,
    enforcesGlossary(sourceLang, targetLang) {
      return glossaryIds[pairKey({ source: sourceLang, target: targetLang })] !== undefined;
    },
    async translateBatch(request): Promise<TranslateBatchResult> {
      // DeepL rejects empty texts; they translate to themselves and are never sent.
      const sentIndexes = request.texts.flatMap((text, index) => (text.trim() === '' ? [] : [index]));
      const texts = request.texts.slice();
      if (sentIndexes.length === 0) return { texts, billedCharacters: 0 };
      const sentTexts = sentIndexes.map((index) => request.texts[index]!);
      const results = await send(sentTexts, request);
      if (results.length !== sentTexts.length) {
        throw new EngineError(
          'fatal',
          t('engines:deepl.resultCount', { received: results.length, sent: sentTexts.length }),
        );
      }
      let billedCharacters = 0;
      results.forEach((result, position) => {
        texts[sentIndexes[position]!] = result.text;
        // deepl-node always asks for billed characters; count locally only if a server leaves them out
        billedCharacters += result.billedCharacters ?? countBilledCharacters(sentTexts[position]!);
      });
      return { texts, billedCharacters };
    },
  };
}
