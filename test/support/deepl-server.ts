/**
 * A DeepL-compatible HTTP server for tests, the bench and manual runs. deepl-node talks to it through
 * its real HTTP code: point `serverUrl` at `server.url` (always `http://localhost:PORT`).
 *
 * ```ts
 * const server = await startDeepLServer({ latencyMs: 100, requestsPerSecond: 20, rateLimitedRatio: 0.2 });
 * const translator = new DeepLClient(server.authKey, { serverUrl: server.url, maxRetries: 0 });
 * server.injectFault({ kind: 'status', status: 503, count: 2 });
 * …
 * expect(server.requests({ path: '/v2/translate' }).map((r) => r.status)).toEqual([503, 503, 200]);
 * await server.close();
 * ```
 *
 * Endpoints (bodies form-encoded, as deepl-node 1.28 sends them, or JSON; GET/DELETE read the query):
 * - `POST /v2/translate`: repeated `text`, `source_lang`, `target_lang`, `tag_handling` (xml|html),
 *   `tag_handling_version` (v1|v2), `ignore_tags`, `glossary_id`, `context` (accepted, not billed),
 *   `formality`, `split_sentences` (0|1|nonewlines), `model_type` (quality_optimized|
 *   prefer_quality_optimized|latency_optimized), `show_billed_characters` →
 *   `{translations: [{detected_source_language, text, billed_characters, model_type_used?, tag_handling_version?}]}`
 *   (`model_type_used` when `model_type` was sent; `tag_handling_version` with tag handling).
 *   Translations are deterministic: see `deepl-translate.ts` (glossary first, with the case the sentence
 *   needs, a small en/ko→it dictionary, `word-it` for the rest, tags kept with tag_handling, ignored
 *   elements untouched); with `tagMovement` the tags then move as DeepL places them (`deepl-markup.ts`).
 *   Tag handling v2 (the version sent, else `defaultTagHandlingVersion`) parses XML strictly: ill-formed
 *   XML gets 400 "Tag handling parsing failed, please check input."; v1 takes anything.
 *   400 for a missing text or target, an unknown language, an unknown tag_handling_version,
 *   split_sentences or model_type, a glossary without `source_lang`, a glossary with no dictionary for the
 *   request's pair (DeepL answers 400 there too, it does not ignore the glossary), formality more/less
 *   for a target without formality; 404 for an unknown glossary id; 456 when `characterLimit` would be
 *   exceeded. Any request whose body is over `maxBodyBytes` (DeepL: 128 KiB) gets 413.
 * - `GET /v2/usage` → `{character_count, character_limit}`.
 * - `GET /v2/languages[?type=target]` → `[{language, name, supports_formality?}]`.
 * - `GET /v2/glossary-language-pairs` → `{supported_languages: [{source_lang, target_lang}]}`.
 * - v3 glossaries: `POST /v3/glossaries` (name, dictionaries[i].source_lang/target_lang/entries/entries_format)
 *   → 201 info; `GET /v3/glossaries` → `{glossaries: [info]}`; `GET /v3/glossaries/{id}` → info;
 *   `GET /v3/glossaries/{id}/entries?source_lang&target_lang` → `{dictionaries: [{…, entries (TSV)}]}`;
 *   `PATCH /v3/glossaries/{id}` (name and/or dictionaries: entries are merged) → info;
 *   `PUT /v3/glossaries/{id}/dictionaries` (source_lang, target_lang, entries) → dictionary info (200
 *   replaced, 201 added);
 *   `DELETE /v3/glossaries/{id}` → 204; `DELETE /v3/glossaries/{id}/dictionaries?source_lang&target_lang` → 204.
 *   Info is `{glossary_id, name, dictionaries: [{source_lang, target_lang, entry_count}], creation_time}`.
 *   Ids are UUIDs: a malformed id → 400, an unknown one → 404.
 * - v2 (single-pair) glossaries, beside v3 in the same store: `POST /v2/glossaries` (name, source_lang,
 *   target_lang, entries, entries_format) → 201 `{glossary_id, name, ready, source_lang, target_lang,
 *   creation_time, entry_count}`; `GET /v2/glossaries` lists the single-pair glossaries (v3 lists all);
 *   `GET /v2/glossaries/{id}` → info; `GET /v2/glossaries/{id}/entries` → TSV; `DELETE` → 204. A v3
 *   glossary holding several pairs → 400 on the v2 endpoints.
 * Errors are JSON `{"message": …}`. Every request needs `Authorization: DeepL-Auth-Key <key>` with one of
 * `authKeys`, else 403. A proxy CONNECT (deepl-node with a `proxy` and no `serverUrl`) is logged with the
 * target host as `path` and its connection reset: this is how tests see which DeepL host a key selects.
 *
 * Order of checks for each request: injected fault → body size (413) → auth (403) → rate limit (429) → random 429
 * (translate only) → the endpoint. Latency is added to every answer except hangs and resets.
 *
 * Options (all can be changed later with `configure`):
 * - `latencyMs` (default 0): fixed delay before each answer.
 * - `requestsPerSecond` (default null or Infinity: unlimited): token bucket holding `burst` tokens (default
 *   `requestsPerSecond`, at least 1), refilled continuously at `requestsPerSecond`; a request that finds no token gets
 *   429 (and takes none). A client spacing requests evenly, or sending `burst` at once every second, never
 *   sees a 429.
 * - `rateLimitedRatio` (default 0) with `seed` (default 1): that fraction of `/v2/translate` requests gets
 *   429, chosen by a seeded pseudo-random sequence (the same run gives the same 429s).
 * - `retryAfterSeconds` (default null): sent as `Retry-After` on rate-limit 429s.
 * - `characterLimit` (default null: unlimited): a translate request whose billed characters would take the
 *   usage past it gets 456 and counts nothing.
 * - `maxBodyBytes` (default 128 KiB); `defaultTagHandlingVersion` (default 'v2', the default of accounts new
 *   since December 2025); `tagMovement` (default null): `{ seed, kinds }` with kinds from
 *   `wrap-punctuation`, `move`, `renest`, `shift-placeholder` (ALL_TAG_MOVEMENTS): the seeded movement
 *   depends on the seed and the text only, so a rerun or another batching moves tags the same way.
 * - `authKeys` (default `[DEFAULT_TEST_AUTH_KEY]`); `echoAuthKeyInErrors` (default false): put the key the
 *   client sent into 403 messages, like a careless proxy, to test that clients redact it.
 * Faults: `injectFault({ kind: 'status', status: 429|500|503|…, count?, retryAfterSeconds?, path? })`,
 * `{ kind: 'hang', count?, path? }` (never answered until the client gives up or `close()`),
 * `{ kind: 'reset', count?, path? }` (socket destroyed after the body is read). Faults are used first in,
 * first out by the next `count` (default 1) requests whose path starts with `path` (default: any).
 * Log: `server.log` holds every request (method, path, params with all values incl. texts, status,
 * outcome, timings, the JSON answer); `requests({method, path})` filters it. `close()` ends hanging sockets too.
 *
 * CLI for manual runs: `node dist/test/support/deepl-server.js --port 8787 --latency 100 --rps 20
 * --ratio-429 0.2 --char-limit 500000 --auth-key KEY --tag-movement SEED --tag-handling-version v1` (prints the URL and key; Ctrl-C stops).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import {
  BadRequest,
  v2GlossaryInfoJson,
  dictionaryInfoJson,
  entriesToTsv,
  findDictionary,
  GlossaryStore,
  glossaryInfoJson,
  UUID_PATTERN,
  type DictionaryInput,
  type StoredGlossary,
} from './deepl-glossaries.js';
import {
  ALL_TAG_MOVEMENTS,
  isWellFormedXml,
  moveTags,
  TAG_PARSING_FAILED,
  type TagMovementSettings,
} from './deepl-markup.js';
import { baseLanguage, billedCharactersForTest, translateForTest } from './deepl-translate.js';
import { createRandom } from './random.js';

export const DEFAULT_TEST_AUTH_KEY = 'storyloc-test-key-0000';

/** Shown as the limit in `/v2/usage` when `characterLimit` is null (DeepL Pro reports a huge number). */
const UNLIMITED_CHARACTERS = 1_000_000_000_000;

export interface DeepLServerSettings {
  latencyMs: number;
  requestsPerSecond: number | null;
  burst: number | null;
  rateLimitedRatio: number;
  seed: number;
  retryAfterSeconds: number | null;
  characterLimit: number | null;
  authKeys: string[];
  echoAuthKeyInErrors: boolean;
  /** the largest request body accepted; larger gets 413 (DeepL: 128 KiB) */
  maxBodyBytes: number;
  /** the account's tag handling version when a request names none (accounts new since 2025-12-01: v2) */
  defaultTagHandlingVersion: 'v1' | 'v2';
  /** null: tags stay where the source had them; else they move as DeepL's placement moves them */
  tagMovement: TagMovementSettings | null;
}

export interface DeepLServerOptions extends Partial<DeepLServerSettings> {
  /** default 0: a free port */
  port?: number;
}

export type DeepLFault =
  | { kind: 'status'; status: number; count?: number; retryAfterSeconds?: number; path?: string }
  | { kind: 'hang'; count?: number; path?: string }
  | { kind: 'reset'; count?: number; path?: string };

export interface LoggedRequest {
  /** 1-based arrival order */
  seq: number;
  method: string;
  /** path without the query; for CONNECT, the requested `host:port` */
  path: string;
  /** the Host header (the DeepL host when the request came through the proxy interface) */
  host: string | undefined;
  /** query and body parameters, every value kept (repeated `text`, `dictionaries[0].entries`, …) */
  params: Record<string, string[]>;
  bodyFormat: 'form' | 'json' | 'none' | 'other';
  /** the `text` values, for translate requests */
  texts: string[];
  auth: 'ok' | 'missing' | 'wrong';
  /** the status sent; null while pending, for hangs and resets (CONNECTs are reset) */
  status: number | null;
  outcome: 'pending' | 'answered' | 'hang' | 'reset';
  /** why the server answered an error on its own: an injected fault, the rate limit, the random 429s, the quota */
  fault?: 'injected' | 'rate-limit' | 'random-429' | 'quota';
  /** billed characters of a successful translate request */
  billedCharacters?: number;
  /** the JSON body sent back (what deepl-node parses, including fields it drops) */
  answer?: unknown;
  /** ms since the server started */
  receivedAt: number;
  durationMs: number | null;
}

export interface DeepLServer {
  /** `http://localhost:PORT`, for deepl-node's `serverUrl` */
  readonly url: string;
  readonly port: number;
  /** the first accepted key */
  readonly authKey: string;
  /** every request so far, in arrival order (live array) */
  readonly log: LoggedRequest[];
  readonly usage: { characterCount: number; characterLimit: number | null };
  /** direct access to the stored glossaries (seed with `glossaries.add(name, dictionaries)`) */
  readonly glossaries: GlossaryStore;
  requests(filter?: { method?: string; path?: string }): LoggedRequest[];
  injectFault(fault: DeepLFault): void;
  clearFaults(): void;
  clearLog(): void;
  configure(settings: Partial<DeepLServerSettings>): void;
  close(): Promise<void>;
}

interface SourceLanguage {
  code: string;
  name: string;
}

const SOURCE_LANGUAGES: SourceLanguage[] = [
  ['AR', 'Arabic'],
  ['BG', 'Bulgarian'],
  ['CS', 'Czech'],
  ['DA', 'Danish'],
  ['DE', 'German'],
  ['EL', 'Greek'],
  ['EN', 'English'],
  ['ES', 'Spanish'],
  ['ET', 'Estonian'],
  ['FI', 'Finnish'],
  ['FR', 'French'],
  ['HE', 'Hebrew'],
  ['HU', 'Hungarian'],
  ['ID', 'Indonesian'],
  ['IT', 'Italian'],
  ['JA', 'Japanese'],
  ['KO', 'Korean'],
  ['LT', 'Lithuanian'],
  ['LV', 'Latvian'],
  ['NB', 'Norwegian (bokmål)'],
  ['NL', 'Dutch'],
  ['PL', 'Polish'],
  ['PT', 'Portuguese'],
  ['RO', 'Romanian'],
  ['RU', 'Russian'],
  ['SK', 'Slovak'],
  ['SL', 'Slovenian'],
  ['SV', 'Swedish'],
  ['TH', 'Thai'],
  ['TR', 'Turkish'],
  ['UK', 'Ukrainian'],
  ['VI', 'Vietnamese'],
  ['ZH', 'Chinese'],
].map(([code, name]) => ({ code: code!, name: name! }));

/** Targets DeepL documents as supporting `formality`. */
const FORMALITY_TARGETS = new Set(['DE', 'ES', 'FR', 'IT', 'JA', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RU']);

const TARGET_LANGUAGES: Array<SourceLanguage & { supportsFormality: boolean }> = SOURCE_LANGUAGES.flatMap(
  (language) => {
    const variants: Record<string, SourceLanguage[]> = {
      EN: [
        { code: 'EN-GB', name: 'English (British)' },
        { code: 'EN-US', name: 'English (American)' },
      ],
      PT: [
        { code: 'PT-BR', name: 'Portuguese (Brazilian)' },
        { code: 'PT-PT', name: 'Portuguese (European)' },
      ],
      ZH: [
        language,
        { code: 'ZH-HANS', name: 'Chinese (simplified)' },
        { code: 'ZH-HANT', name: 'Chinese (traditional)' },
      ],
    };
    return (variants[language.code] ?? [language]).map((l) => ({
      ...l,
      supportsFormality: FORMALITY_TARGETS.has(l.code),
    }));
  },
);

const SOURCE_CODES = new Set(SOURCE_LANGUAGES.map((l) => l.code));
/** Targets accepted by /v2/translate: the listed ones plus the deprecated bare EN and PT. */
const TARGET_CODES = new Set([...TARGET_LANGUAGES.map((l) => l.code), 'EN', 'PT']);
const GLOSSARY_LANGUAGES = new Set(SOURCE_LANGUAGES.map((l) => l.code.toLowerCase()));
const FORMALITY_VALUES = new Set(['default', 'more', 'less', 'prefer_more', 'prefer_less']);
const SPLIT_SENTENCES_VALUES = new Set(['0', '1', 'nonewlines']);
/** `model_type` values and the kind of model that serves each (`model_type_used`) */
const MODEL_TYPES: Record<string, string> = {
  quality_optimized: 'quality_optimized',
  prefer_quality_optimized: 'quality_optimized',
  latency_optimized: 'latency_optimized',
};
/** DeepL's limit on a request body: 128 KiB */
export const MAX_BODY_BYTES = 128 * 1024;

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  fault?: LoggedRequest['fault'];
  /** for a string body (default text/plain) */
  contentType?: string;
}

interface ParsedRequest {
  entry: LoggedRequest;
  params: Record<string, string[]>;
  get(name: string): string | undefined;
  getAll(name: string): string[];
}

/** Rejects a rate-limit setting that would break the bucket arithmetic, naming it (like p-queue does). */
function validateRateSettings(settings: Pick<DeepLServerOptions, 'requestsPerSecond' | 'burst'>): void {
  const { requestsPerSecond, burst } = settings;
  if (requestsPerSecond !== undefined && requestsPerSecond !== null && !(requestsPerSecond > 0)) {
    throw new TypeError(
      `Expected \`requestsPerSecond\` to be a number > 0 (Infinity or null for no limit), got \`${requestsPerSecond}\``,
    );
  }
  if (burst !== undefined && burst !== null && !(burst >= 1 && Number.isFinite(burst))) {
    throw new TypeError(`Expected \`burst\` to be a finite number >= 1 or null, got \`${burst}\``);
  }
}

/** Tokens the bucket holds: `burst`, else one second's worth and at least one (0.5/s still lets one through). */
function bucketCapacity(settings: DeepLServerSettings): number {
  return settings.burst ?? Math.max(1, settings.requestsPerSecond ?? 0);
}

function defaultSettings(options: DeepLServerOptions): DeepLServerSettings {
  validateRateSettings(options);
  return {
    latencyMs: options.latencyMs ?? 0,
    requestsPerSecond: options.requestsPerSecond ?? null,
    burst: options.burst ?? null,
    rateLimitedRatio: options.rateLimitedRatio ?? 0,
    seed: options.seed ?? 1,
    retryAfterSeconds: options.retryAfterSeconds ?? null,
    characterLimit: options.characterLimit ?? null,
    authKeys: options.authKeys ?? [DEFAULT_TEST_AUTH_KEY],
    echoAuthKeyInErrors: options.echoAuthKeyInErrors ?? false,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    defaultTagHandlingVersion: options.defaultTagHandlingVersion ?? 'v2',
    tagMovement: options.tagMovement ?? null,
  };
}

/** Starts the server on `localhost` (deepl-node's own tests intercept only `localhost:PORT` URLs). */
export async function startDeepLServer(options: DeepLServerOptions = {}): Promise<DeepLServer> {
  const settings = defaultSettings(options);
  if (settings.authKeys.length === 0) throw new Error('startDeepLServer: authKeys must hold at least one key');
  const startedAt = performance.now();
  const log: LoggedRequest[] = [];
  const faults: Array<DeepLFault & { remaining: number }> = [];
  const usage = { characterCount: 0, characterLimit: settings.characterLimit };
  const glossaries = new GlossaryStore((code) => GLOSSARY_LANGUAGES.has(code));
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let random = createRandom(settings.seed);
  let bucket = { tokens: bucketCapacity(settings), at: performance.now() };

  const elapsed = (): number => Math.round((performance.now() - startedAt) * 1000) / 1000;

  function takeFault(path: string): DeepLFault | undefined {
    const index = faults.findIndex((fault) => path.startsWith(fault.path ?? '/'));
    if (index === -1) return undefined;
    const fault = faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.splice(index, 1);
    return fault;
  }

  function takeRateLimitToken(): boolean {
    const rate = settings.requestsPerSecond;
    // Infinity means no limit; it must not reach the refill, where 0 ms × Infinity is NaN.
    if (rate === null || rate === Number.POSITIVE_INFINITY) return true;
    const capacity = bucketCapacity(settings);
    const now = performance.now();
    bucket = { tokens: Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate), at: now };
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  function send(res: ServerResponse, entry: LoggedRequest, answer: Answer): void {
    const reply = (): void => {
      if (res.destroyed) return;
      entry.status = answer.status;
      entry.outcome = 'answered';
      if (answer.fault) entry.fault = answer.fault;
      entry.durationMs = elapsed() - entry.receivedAt;
      if (answer.body !== undefined) entry.answer = answer.body;
      const body =
        answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const contentType =
        typeof answer.body === 'string' ? (answer.contentType ?? 'text/plain; charset=utf-8') : 'application/json';
      res.writeHead(answer.status, { ...(body ? { 'Content-Type': contentType } : {}), ...answer.headers });
      res.end(body);
    };
    if (settings.latencyMs <= 0) {
      reply();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      reply();
    }, settings.latencyMs);
    timers.add(timer);
  }

  function rateLimited(fault: LoggedRequest['fault']): Answer {
    const headers: Record<string, string> =
      settings.retryAfterSeconds === null ? {} : { 'Retry-After': String(settings.retryAfterSeconds) };
    return { status: 429, body: { message: 'Too many requests' }, headers, fault };
  }

  function checkAuth(req: IncomingMessage, entry: LoggedRequest): Answer | undefined {
    const header = req.headers.authorization;
    const match = header ? /^DeepL-Auth-Key (.+)$/.exec(header) : null;
    const key = match?.[1]?.trim();
    entry.auth = key === undefined ? 'missing' : settings.authKeys.includes(key) ? 'ok' : 'wrong';
    if (entry.auth === 'ok') return undefined;
    const message =
      settings.echoAuthKeyInErrors && key !== undefined
        ? `Authorization failed: key ${key} is not valid`
        : 'Authorization failed: missing or wrong DeepL-Auth-Key';
    return { status: 403, body: { message } };
  }

  function route(request: ParsedRequest, method: string, path: string): Answer {
    if (path === '/v2/translate') return method === 'POST' ? translate(request) : methodNotAllowed();
    if (path === '/v2/usage') {
      return method === 'GET'
        ? {
            status: 200,
            body: {
              character_count: usage.characterCount,
              character_limit: usage.characterLimit ?? UNLIMITED_CHARACTERS,
            },
          }
        : methodNotAllowed();
    }
    if (path === '/v2/languages') return method === 'GET' ? languages(request) : methodNotAllowed();
    if (path === '/v2/glossary-language-pairs') return method === 'GET' ? glossaryLanguagePairs() : methodNotAllowed();
    if (path === '/v3/glossaries') {
      if (method === 'POST') {
        const glossary = glossaries.create(request.get('name'), dictionaryInputs(request.params));
        return { status: 201, body: glossaryInfoJson(glossary) };
      }
      return method === 'GET'
        ? { status: 200, body: { glossaries: glossaries.list().map(glossaryInfoJson) } }
        : methodNotAllowed();
    }
    if (path === '/v2/glossaries') return v2GlossariesRoute(request, method);
    const v2Path = /^\/v2\/glossaries\/([^/]+)(\/entries)?$/.exec(path);
    if (v2Path) return v2GlossaryRoute(method, decodeURIComponent(v2Path[1]!), v2Path[2] !== undefined);
    const glossaryPath = /^\/v3\/glossaries\/([^/]+)(\/entries|\/dictionaries)?$/.exec(path);
    if (glossaryPath) return glossaryRoute(request, method, decodeURIComponent(glossaryPath[1]!), glossaryPath[2]);
    return { status: 404, body: { message: 'Not found' } };
  }

  function glossaryRoute(request: ParsedRequest, method: string, id: string, sub: string | undefined): Answer {
    if (!UUID_PATTERN.test(id)) return { status: 400, body: { message: `Invalid glossary id '${id}'` } };
    const glossary = glossaries.get(id);
    if (!glossary) return { status: 404, body: { message: 'Glossary not found' } };
    if (sub === undefined) {
      if (method === 'GET') return { status: 200, body: glossaryInfoJson(glossary) };
      if (method === 'DELETE') {
        glossaries.delete(id);
        return { status: 204 };
      }
      if (method === 'PATCH') {
        glossaries.update(glossary, request.get('name'), dictionaryInputs(request.params));
        return { status: 200, body: glossaryInfoJson(glossary) };
      }
      return methodNotAllowed();
    }
    if (sub === '/entries') return method === 'GET' ? entries(request, glossary) : methodNotAllowed();
    if (method === 'PUT') {
      const { dictionary, created } = glossaries.replace(glossary, {
        sourceLang: request.get('source_lang'),
        targetLang: request.get('target_lang'),
        entries: request.get('entries'),
        entriesFormat: request.get('entries_format'),
      });
      return { status: created ? 201 : 200, body: dictionaryInfoJson(dictionary) };
    }
    if (method === 'DELETE') {
      const source = request.get('source_lang');
      const target = request.get('target_lang');
      if (!source || !target) throw new BadRequest("Missing parameter 'source_lang' or 'target_lang'");
      return glossaries.deleteDictionary(glossary, source, target)
        ? { status: 204 }
        : { status: 404, body: { message: 'Dictionary not found' } };
    }
    return methodNotAllowed();
  }

  /** v2 (single-pair) glossaries: `POST /v2/glossaries` creates one, `GET` lists the single-pair ones. */
  function v2GlossariesRoute(request: ParsedRequest, method: string): Answer {
    if (method === 'POST') {
      const glossary = glossaries.create(request.get('name'), [
        {
          sourceLang: request.get('source_lang'),
          targetLang: request.get('target_lang'),
          entries: request.get('entries'),
          entriesFormat: request.get('entries_format'),
        },
      ]);
      return { status: 201, body: v2GlossaryInfoJson(glossary) };
    }
    if (method !== 'GET') return methodNotAllowed();
    return {
      status: 200,
      body: {
        glossaries: glossaries
          .list()
          .filter((g) => g.dictionaries.length === 1)
          .map(v2GlossaryInfoJson),
      },
    };
  }

  function v2GlossaryRoute(method: string, id: string, entriesPath: boolean): Answer {
    if (!UUID_PATTERN.test(id)) return { status: 400, body: { message: `Invalid glossary id '${id}'` } };
    const glossary = glossaries.get(id);
    if (!glossary) return { status: 404, body: { message: 'Glossary not found' } };
    // a v3 glossary holding several pairs has no v2 (single-pair) form
    if (glossary.dictionaries.length !== 1)
      throw new BadRequest('This glossary has several dictionaries: use the v3 endpoints');
    if (entriesPath) {
      if (method !== 'GET') return methodNotAllowed();
      return {
        status: 200,
        body: entriesToTsv(glossary.dictionaries[0]!.entries),
        contentType: 'text/tab-separated-values; charset=utf-8',
      };
    }
    if (method === 'GET') return { status: 200, body: v2GlossaryInfoJson(glossary) };
    if (method === 'DELETE') {
      glossaries.delete(id);
      return { status: 204 };
    }
    return methodNotAllowed();
  }

  function entries(request: ParsedRequest, glossary: StoredGlossary): Answer {
    const source = request.get('source_lang');
    const target = request.get('target_lang');
    if (!source || !target) throw new BadRequest("Missing parameter 'source_lang' or 'target_lang'");
    const dictionary = findDictionary(glossary, source, target);
    if (!dictionary) return { status: 404, body: { message: 'Dictionary not found' } };
    return {
      status: 200,
      body: {
        dictionaries: [
          {
            source_lang: dictionary.sourceLang,
            target_lang: dictionary.targetLang,
            entries: entriesToTsv(dictionary.entries),
            entries_format: 'tsv',
          },
        ],
      },
    };
  }

  function languages(request: ParsedRequest): Answer {
    const type = request.get('type') ?? 'source';
    if (type === 'source')
      return { status: 200, body: SOURCE_LANGUAGES.map((l) => ({ language: l.code, name: l.name })) };
    if (type === 'target') {
      return {
        status: 200,
        body: TARGET_LANGUAGES.map((l) => ({
          language: l.code,
          name: l.name,
          supports_formality: l.supportsFormality,
        })),
      };
    }
    throw new BadRequest(`Value for 'type' not supported: ${type}`);
  }

  function glossaryLanguagePairs(): Answer {
    const codes = [...GLOSSARY_LANGUAGES];
    const pairs = codes.flatMap((source) =>
      codes.filter((target) => target !== source).map((target) => ({ source_lang: source, target_lang: target })),
    );
    return { status: 200, body: { supported_languages: pairs } };
  }

  /** Checks the options DeepL validates before translating; throws BadRequest with DeepL's message. */
  function translateOptions(
    request: ParsedRequest,
    targetLang: string,
  ): { xml: boolean; version: 'v1' | 'v2' | null; formality?: string; modelType?: string } {
    const tagHandling = request.get('tag_handling');
    if (tagHandling !== undefined && tagHandling !== 'xml' && tagHandling !== 'html')
      throw new BadRequest(`Value for 'tag_handling' not supported: ${tagHandling}`);
    const versionParam = request.get('tag_handling_version');
    if (versionParam !== undefined && versionParam !== 'v1' && versionParam !== 'v2')
      throw new BadRequest(`Value for 'tag_handling_version' not supported: ${versionParam}`);
    const splitSentences = request.get('split_sentences');
    if (splitSentences !== undefined && !SPLIT_SENTENCES_VALUES.has(splitSentences))
      throw new BadRequest(`Value for 'split_sentences' not supported: ${splitSentences}`);
    const modelType = request.get('model_type');
    if (modelType !== undefined && MODEL_TYPES[modelType] === undefined)
      throw new BadRequest(`Value for 'model_type' not supported: ${modelType}`);
    const formality = request.get('formality');
    if (formality !== undefined) {
      if (!FORMALITY_VALUES.has(formality)) throw new BadRequest(`Value for 'formality' not supported: ${formality}`);
      if ((formality === 'more' || formality === 'less') && !FORMALITY_TARGETS.has(targetLang)) {
        throw new BadRequest("'formality' is not supported for given 'target_lang'.");
      }
    }
    const version =
      tagHandling === undefined
        ? null
        : ((versionParam as 'v1' | 'v2' | undefined) ?? settings.defaultTagHandlingVersion);
    return {
      xml: tagHandling !== undefined,
      version,
      ...(formality ? { formality } : {}),
      ...(modelType ? { modelType } : {}),
    };
  }

  function translate(request: ParsedRequest): Answer {
    const texts = request.getAll('text');
    if (texts.length === 0) throw new BadRequest("Parameter 'text' not specified.");
    if (texts.length > 50) throw new BadRequest('Too many texts: at most 50 per request.');
    const targetLang = request.get('target_lang')?.toUpperCase();
    if (!targetLang) throw new BadRequest("Parameter 'target_lang' not specified.");
    if (!TARGET_CODES.has(targetLang)) throw new BadRequest(`Value for 'target_lang' not supported: ${targetLang}`);
    const sourceParam = request.get('source_lang')?.toUpperCase();
    if (sourceParam !== undefined && !SOURCE_CODES.has(sourceParam))
      throw new BadRequest(`Value for 'source_lang' not supported: ${sourceParam}`);
    const { xml, version, formality, modelType } = translateOptions(request, targetLang);
    // v2 parses XML strictly (HTML is not strictly parsed)
    if (version === 'v2' && request.get('tag_handling') === 'xml' && !texts.every(isWellFormedXml))
      throw new BadRequest(TAG_PARSING_FAILED);
    const ignoreTags = new Set(
      (request.get('ignore_tags') ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    );
    const detected = sourceParam ?? (texts.some((text) => /\p{Script=Hangul}/u.test(text)) ? 'KO' : 'EN');
    let glossary: ReadonlyMap<string, string> | undefined;
    const glossaryId = request.get('glossary_id');
    if (glossaryId !== undefined) {
      if (sourceParam === undefined)
        throw new BadRequest('Use of a glossary requires the source_lang parameter to be set.');
      if (!UUID_PATTERN.test(glossaryId)) throw new BadRequest(`Invalid glossary id '${glossaryId}'`);
      const stored = glossaries.get(glossaryId);
      if (!stored) return { status: 404, body: { message: 'Glossary not found' } };
      const dictionary = findDictionary(stored, baseLanguage(sourceParam), baseLanguage(targetLang));
      // DeepL refuses a glossary that lacks the request's language pair (it is not silently ignored)
      if (!dictionary) throw new BadRequest(`Glossary has no dictionary for ${sourceParam}->${targetLang}`);
      glossary = dictionary.entries;
    }
    const billed = texts.map((text) => billedCharactersForTest(text, xml));
    const total = billed.reduce((sum, count) => sum + count, 0);
    if (usage.characterLimit !== null && usage.characterCount + total > usage.characterLimit) {
      return {
        status: 456,
        body: { message: 'Quota exceeded. The character limit has been reached.' },
        fault: 'quota',
      };
    }
    usage.characterCount += total;
    request.entry.billedCharacters = total;
    const showBilled = ['1', 'true'].includes(request.get('show_billed_characters') ?? '');
    const options = {
      sourceLang: baseLanguage(detected),
      targetLang,
      xml,
      ignoreTags,
      ...(glossary ? { glossary } : {}),
      ...(formality ? { formality } : {}),
    };
    const movement = xml ? settings.tagMovement : null;
    const translations = texts.map((text, index) => {
      const translated = translateForTest(text, options);
      return {
        detected_source_language: detected,
        text: movement ? moveTags(translated, movement, ignoreTags) : translated,
        ...(showBilled ? { billed_characters: billed[index]! } : {}),
        ...(modelType ? { model_type_used: MODEL_TYPES[modelType]! } : {}),
        ...(version ? { tag_handling_version: version } : {}),
      };
    });
    return { status: 200, body: { translations } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = elapsed();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    const entry: LoggedRequest = {
      seq: log.length + 1,
      method,
      path: url.pathname,
      host: req.headers.host,
      params: {},
      bodyFormat: 'none',
      texts: [],
      auth: 'missing',
      status: null,
      outcome: 'pending',
      receivedAt,
      durationMs: null,
    };
    log.push(entry);
    const raw = await readBody(req);
    const tooLarge = raw.length > settings.maxBodyBytes;
    const body = raw.toString('utf8');
    let params: Record<string, string[]> = {};
    let malformed: string | undefined;
    try {
      const parsed = parseParams(url, body, req.headers['content-type']);
      params = parsed.params;
      entry.bodyFormat = parsed.format;
    } catch (error) {
      malformed = error instanceof Error ? error.message : String(error);
    }
    entry.params = params;
    entry.texts = params.text ?? [];
    const request: ParsedRequest = {
      entry,
      params,
      get: (name) => params[name]?.[0],
      getAll: (name) => params[name] ?? [],
    };

    const fault = takeFault(url.pathname);
    if (fault?.kind === 'hang') {
      entry.outcome = 'hang';
      return;
    }
    if (fault?.kind === 'reset') {
      entry.outcome = 'reset';
      entry.durationMs = elapsed() - receivedAt;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      return send(res, entry, {
        status: fault.status,
        body: { message: `Injected fault ${fault.status}` },
        headers,
        fault: 'injected',
      });
    }
    // the front end refuses an oversized body before looking at the key
    if (tooLarge) return send(res, entry, { status: 413, body: { message: 'Request Entity Too Large' } });
    const denied = checkAuth(req, entry);
    if (denied) return send(res, entry, denied);
    if (!takeRateLimitToken()) return send(res, entry, rateLimited('rate-limit'));
    if (url.pathname === '/v2/translate' && settings.rateLimitedRatio > 0 && random() < settings.rateLimitedRatio) {
      return send(res, entry, rateLimited('random-429'));
    }
    if (malformed !== undefined) return send(res, entry, { status: 400, body: { message: malformed } });
    let answer: Answer;
    try {
      answer = route(request, method, url.pathname);
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      answer = { status: 400, body: { message: error.message } };
    }
    send(res, entry, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `Test server error: ${String(error)}` }));
      }
    });
  });
  // deepl-node keeps connections alive; a server closing idle sockets first makes clients see resets.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    log.push({
      seq: log.length + 1,
      method: 'CONNECT',
      path: req.url ?? '',
      host: req.headers.host,
      params: {},
      bodyFormat: 'none',
      texts: [],
      auth: 'missing',
      status: null,
      outcome: 'reset',
      receivedAt: elapsed(),
      durationMs: 0,
    });
    // No tunnel to the real DeepL from tests: reset (RST) the connection. A plain close (FIN) would leave
    // https-proxy-agent 5 waiting forever for the CONNECT answer.
    socket.resetAndDestroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, 'localhost', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    get authKey() {
      return settings.authKeys[0]!;
    },
    log,
    usage: {
      get characterCount() {
        return usage.characterCount;
      },
      get characterLimit() {
        return usage.characterLimit;
      },
    },
    glossaries,
    requests(filter = {}) {
      return log.filter(
        (entry) =>
          (filter.method === undefined || entry.method === filter.method) &&
          (filter.path === undefined || entry.path === filter.path),
      );
    },
    injectFault(fault) {
      const count = fault.count ?? 1;
      if (!Number.isInteger(count) || count < 1)
        throw new Error(`injectFault: count must be a positive integer, got ${String(fault.count)}`);
      faults.push({ ...fault, remaining: count });
    },
    clearFaults() {
      faults.length = 0;
    },
    clearLog() {
      log.length = 0;
    },
    configure(changes) {
      validateRateSettings(changes);
      Object.assign(settings, changes);
      if ('characterLimit' in changes) usage.characterLimit = settings.characterLimit;
      if ('seed' in changes) random = createRandom(settings.seed);
      if ('requestsPerSecond' in changes || 'burst' in changes) {
        bucket = { tokens: bucketCapacity(settings), at: performance.now() };
      }
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function methodNotAllowed(): Answer {
  return { status: 405, body: { message: 'Method not allowed' } };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Query and body parameters as one multimap; JSON is flattened to the form's key style. */
function parseParams(
  url: URL,
  body: string,
  contentType: string | undefined,
): { params: Record<string, string[]>; format: LoggedRequest['bodyFormat'] } {
  const params: Record<string, string[]> = {};
  const add = (key: string, value: string): void => {
    (params[key] ??= []).push(value);
  };
  for (const [key, value] of url.searchParams) add(key, value);
  if (body === '') return { params, format: 'none' };
  if (contentType?.includes('application/json')) {
    try {
      flattenJson(JSON.parse(body) as unknown, '', add);
    } catch {
      throw new BadRequest('Malformed JSON body');
    }
    return { params, format: 'json' };
  }
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of formFields(body)) add(key, value);
    return { params, format: 'form' };
  }
  return { params, format: 'other' };
}

/**
 * The fields of a form-encoded body, as `new URLSearchParams(body)` reads them: `&`-separated pairs (empty
 * ones skipped), split at the first `=`, `+` a space, `%XX` decoded as UTF-8. Decoded with the engine's
 * native `decodeURIComponent` (faster than URLSearchParams' parser, and the server shares the cores with
 * the client in the bench); a body it refuses (a stray `%`, bytes that are not UTF-8) is read by
 * URLSearchParams itself, which keeps or replaces what it cannot decode.
 */
export function formFields(body: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  try {
    for (const pair of body.split('&')) {
      if (pair === '') continue;
      const equals = pair.indexOf('=');
      fields.push(
        equals === -1
          ? [decodeFormPart(pair), '']
          : [decodeFormPart(pair.slice(0, equals)), decodeFormPart(pair.slice(equals + 1))],
      );
    }
    return fields;
  } catch {
    return [...new URLSearchParams(body)];
  }
}

function decodeFormPart(part: string): string {
  const spaced = part.includes('+') ? part.replaceAll('+', ' ') : part;
  return spaced.includes('%') ? decodeURIComponent(spaced) : spaced;
}

/** `{text: ["a"], dictionaries: [{source_lang: "en"}]}` → `text=a`, `dictionaries[0].source_lang=en`. */
function flattenJson(value: unknown, key: string, add: (key: string, value: string) => void): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item !== null && typeof item === 'object') flattenJson(item, `${key}[${index}]`, add);
      else flattenJson(item, key, add);
    });
  } else if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) flattenJson(item, key ? `${key}.${name}` : name, add);
  } else if (typeof value === 'boolean') add(key, value ? '1' : '0');
  else add(key, String(value));
}

function dictionaryInputs(params: Record<string, string[]>): DictionaryInput[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, values] of Object.entries(params)) {
    const match = /^dictionaries\[(\d+)\]\.(\w+)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const fields = byIndex.get(index) ?? {};
    fields[match[2]!] = values[0]!;
    byIndex.set(index, fields);
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, fields]) => ({
      sourceLang: fields.source_lang,
      targetLang: fields.target_lang,
      entries: fields.entries,
      entriesFormat: fields.entries_format,
    }));
}

function parseCliArguments(argv: string[]): DeepLServerOptions {
  const options: DeepLServerOptions = {};
  const numeric: Record<string, (value: number) => void> = {
    '--port': (v) => (options.port = v),
    '--latency': (v) => (options.latencyMs = v),
    '--rps': (v) => (options.requestsPerSecond = v),
    '--burst': (v) => (options.burst = v),
    '--ratio-429': (v) => (options.rateLimitedRatio = v),
    '--seed': (v) => (options.seed = v),
    '--retry-after': (v) => (options.retryAfterSeconds = v),
    '--char-limit': (v) => (options.characterLimit = v),
    '--tag-movement': (v) => (options.tagMovement = { seed: v, kinds: ALL_TAG_MOVEMENTS }),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--auth-key') options.authKeys = [...(options.authKeys ?? []), value];
    else if (flag === '--tag-handling-version' && (value === 'v1' || value === 'v2'))
      options.defaultTagHandlingVersion = value;
    else if (numeric[flag] && Number.isFinite(Number(value))) numeric[flag](Number(value));
    else
      throw new Error(
        `unknown flag or bad value: ${flag} ${value} (flags: ${[...Object.keys(numeric), '--auth-key', '--tag-handling-version'].join(' ')})`,
      );
  }
  return options;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startDeepLServer(parseCliArguments(process.argv.slice(2)));
  process.stdout.write(`DeepL test server on ${server.url} (auth key: ${server.authKey})\n`);
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}
