/**
 * The DeepL thread: deepl-node, on a worker thread of its own, makes the HTTP requests of a run's DeepL
 * engine (`deepl-worker.ts`). Per request deepl-node URL-encodes the form body twice (once for a debug
 * log that never prints), axios and Node's HTTP client build and write it, and the answer is read and
 * parsed: about a fifth of the main thread's busy time in a 2,000-story run, and loading deepl-node with
 * axios (~100 files) held the main thread before the first request. On the thread, that work runs beside
 * the main thread's segmenting, planning and writing; the requests, their bodies and the characters
 * billed are the same (it is the same deepl-node call with the same arguments).
 *
 * The thread classifies a failure (deepl-node's error classes live there) and sends it with its cause
 * already redacted; this side builds the EngineError, its message in the UI language. The auth key goes
 * to the thread once, in `workerData`, and never comes back in a message.
 *
 * Used only compiled (from the TypeScript sources, in jest, there is no compiled worker: the engine then
 * calls deepl-node on this thread). A thread that fails or exits fails its requests in flight as network
 * errors (the queue retries them) and the engine goes on without it.
 */
import { Worker } from 'node:worker_threads';
import type { SourceLanguageCode, TargetLanguageCode, TranslateTextOptions } from 'deepl-node';
import { t } from '../i18n/index.js';
import type { DeepLConnectionOptions, DeepLFailure } from './deepl-connection.js';
import { RedactedError, type RedactedParts } from './redact.js';
import { EngineError } from './types.js';

/** One translated text as the engine uses it. */
export interface SentText {
  text: string;
  /** what DeepL billed for the text (undefined if the server left it out) */
  billedCharacters: number | undefined;
}

/** One `translateText` call for the thread. */
export interface ThreadRequest {
  id: number;
  texts: string[];
  sourceLang: SourceLanguageCode;
  targetLang: TargetLanguageCode;
  options: TranslateTextOptions;
}

/** The thread's answer: the results in order, or the classified failure with its redacted cause. */
export type ThreadReply =
  | { id: number; results: SentText[] }
  | { id: number; failure: DeepLFailure; cause: RedactedParts };

/** What the thread is started with: how to reach DeepL (the key included) and the secrets to redact. */
export interface DeepLThreadData {
  connection: DeepLConnectionOptions;
}

interface Pending {
  resolve: (results: SentText[]) => void;
  reject: (error: unknown) => void;
}

const workerUrl = new URL('./deepl-worker.js', import.meta.url);
const compiled = import.meta.url.endsWith('.js');

/** requests the DeepL thread answered in this process */
let answeredOnThread = 0;

/**
 * How many requests DeepL threads answered in this process (tests check the thread really talked).
 * @public
 */
export function deeplThreadAnswerCount(): number {
  return answeredOnThread;
}

/** True when a DeepL engine should talk through a thread (compiled code). */
export function deeplThreadWanted(): boolean {
  return compiled;
}

/** deepl-node's `translateText` on the DeepL thread. */
export class DeepLThread {
  private worker: Worker | null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** set once the thread failed: the engine then calls deepl-node itself */
  broken = false;

  /** `errorOf` builds the EngineError of a failure the thread classified (deepl.ts's `engineErrorOf`) */
  constructor(
    connection: DeepLConnectionOptions,
    private readonly errorOf: (failure: DeepLFailure, cause: RedactedError) => EngineError,
  ) {
    const workerData: DeepLThreadData = { connection };
    // started now: the thread loads deepl-node while this one reads and segments the first articles
    this.worker = new Worker(workerUrl, { workerData, execArgv: [] });
    this.worker.on('message', (reply: ThreadReply) => this.settle(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`DeepL thread exited (${code})`)));
    this.worker.unref();
  }

  /** Translates on the thread; rejects with the EngineError of what deepl-node threw there. */
  translate(
    texts: string[],
    sourceLang: SourceLanguageCode,
    targetLang: TargetLanguageCode,
    options: TranslateTextOptions,
  ): Promise<SentText[]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(this.goneError('not running'));
    const id = ++this.nextId;
    const promise = new Promise<SentText[]>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (this.pending.size === 1) worker.ref();
    const request: ThreadRequest = { id, texts, sourceLang, targetLang, options };
    worker.postMessage(request);
    return promise;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.broken = true;
    if (worker) await worker.terminate();
  }

  private settle(reply: ThreadReply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('results' in reply) {
      answeredOnThread++;
      waiter.resolve(reply.results);
    } else waiter.reject(this.errorOf(reply.failure, RedactedError.revive(reply.cause)));
  }

  private failAll(error: unknown): void {
    if (!this.broken) this.broken = true;
    this.worker = null;
    const detail = error instanceof Error ? error.message : String(error);
    for (const waiter of this.pending.values()) waiter.reject(this.goneError(detail));
    this.pending.clear();
  }

  private goneError(detail: string): EngineError {
    return new EngineError('network', t('engines:deepl.network', { detail: `DeepL thread: ${detail}` }));
  }
}
