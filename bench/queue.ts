/**
 * Queue benchmarks (issue 4), against the DeepL test server at 100 ms latency and 20 requests/s, through
 * the real deepl engine (deepl-node's HTTP code):
 *
 * Corpus: 200 articles' worth of sentences (30 each; a quarter of the articles Korean), 10% of the
 * sentences repeating an earlier one, and 30% of the distinct sentences "already in memory", excluded
 * before queueing as the pipeline does.
 *
 * - `api_requests_ratio`: requests sent / the minimum possible under the batch limits (per language pair:
 *   the larger of ⌈texts / 50⌉ and ⌈bytes / usable bytes per request⌉).
 * - `api_billed_ratio`: characters the server billed / billed characters of the distinct sentences not
 *   in memory.
 * - `api_wall_ratio`: wall time / the ideal schedule for the minimum number of requests R under the
 *   server's limit (a token bucket of 20 requests refilled at 20/s) and latency L: the k-th request
 *   cannot start before (k − 20) / 20 s, so ideal = L + max(0, R − 20) / 20 s. The ideal sends every
 *   request at the earliest instant the server allows, with unlimited concurrency.
 * - `api_wall_ratio_429`: the same run with 20% of the translate requests answered 429 (seeded), divided
 *   by the same ideal (the 429s are not forgiven); every segment must still come back translated.
 *
 * The queue runs with the config defaults (`defaultConfig`) except `requestsPerSecond`, set to the
 * server's 20 as a user sets it to their plan.
 */
import { defaultConfig } from '../src/config/load.js';
import { createDeepLEngine } from '../src/engines/deepl.js';
import { billedCharacterCount, REQUEST_OVERHEAD_BYTES, textFieldBytes } from '../src/queue/measure.js';
import { runTranslationQueue } from '../src/queue/run.js';
import type { QueueOptions, TranslationJob } from '../src/queue/types.js';
import { startDeepLServer } from '../test/support/deepl-server.js';
import { createRandom } from '../test/support/random.js';
import { englishSentence, koreanSentence } from './corpus.js';
import { secondsSince } from './timing.js';

const ARTICLES = 200;
const SENTENCES_PER_ARTICLE = 30;
const DUPLICATE_SHARE = 0.1;
const IN_MEMORY_SHARE = 0.3;
const LATENCY_MS = 100;
const SERVER_RPS = 20;

/** Markdown emphasis and links in the generated sentences become segment tags, as the segmenter makes them. */
function toSegmentText(sentence: string): string {
  const escaped = sentence.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/\*([^*]+)\*/g, '<g id="1">$1</g>').replace(/\[([^\]]+)\]\([^)]*\)/g, '<g id="2">$1</g>');
}

interface QueueCorpus {
  /** jobs as the pipeline hands them to the queue: one per segment not in memory, duplicates included */
  jobs: TranslationJob[];
  /** distinct texts not in memory */
  uniqueToSend: TranslationJob[];
}

export function buildQueueCorpus(seed = 7): QueueCorpus {
  const random = createRandom(seed);
  const seen: Record<'en' | 'ko', string[]> = { en: [], ko: [] };
  const slots: Array<{ lang: 'en' | 'ko'; text: string }> = [];
  for (let article = 0; article < ARTICLES; article++) {
    const lang = article % 4 === 3 ? 'ko' : 'en';
    for (let i = 0; i < SENTENCES_PER_ARTICLE; i++) {
      const earlier = seen[lang];
      if (earlier.length > 0 && random() < DUPLICATE_SHARE) {
        slots.push({ lang, text: earlier[Math.floor(random() * earlier.length)]! });
        continue;
      }
      const text = toSegmentText(lang === 'en' ? englishSentence(random) : koreanSentence(random));
      earlier.push(text);
      slots.push({ lang, text });
    }
  }
  const inMemory = new Map<string, boolean>();
  const jobs: TranslationJob[] = [];
  const uniqueToSend: TranslationJob[] = [];
  for (const slot of slots) {
    const key = `${slot.lang}-it||${slot.text}`;
    let remembered = inMemory.get(key);
    if (remembered === undefined) {
      remembered = random() < IN_MEMORY_SHARE;
      inMemory.set(key, remembered);
      if (!remembered) uniqueToSend.push({ key, text: slot.text, sourceLang: slot.lang, targetLang: 'it' });
    }
    if (!remembered) jobs.push({ key, text: slot.text, sourceLang: slot.lang, targetLang: 'it' });
  }
  return { jobs, uniqueToSend };
}

/** The fewest requests any plan could use: per pair, the larger of the text-count and byte bounds. */
export function minimumRequests(
  unique: readonly TranslationJob[],
  limits: { maxTextsPerRequest: number; maxBytesPerRequest: number },
): number {
  const byPair = new Map<string, { texts: number; bytes: number }>();
  for (const job of unique) {
    const pair = `${job.sourceLang}-${job.targetLang}`;
    const totals = byPair.get(pair) ?? { texts: 0, bytes: 0 };
    totals.texts += 1;
    totals.bytes += textFieldBytes(job.text);
    byPair.set(pair, totals);
  }
  let requests = 0;
  for (const totals of byPair.values()) {
    requests += Math.max(
      Math.ceil(totals.texts / limits.maxTextsPerRequest),
      Math.ceil(totals.bytes / (limits.maxBytesPerRequest - REQUEST_OVERHEAD_BYTES)),
    );
  }
  return requests;
}

/** Earliest finish of `requests` under a token bucket of `burst` refilled at `rps`, with `latencyMs`. */
export function idealSeconds(requests: number, rps: number, burst: number, latencyMs: number): number {
  return latencyMs / 1000 + Math.max(0, requests - burst) / rps;
}

async function timedRun(
  corpus: QueueCorpus,
  rateLimitedRatio: number,
  tuning: Partial<QueueOptions> = {},
): Promise<{ seconds: number; requests: number; billed: number; retries: number }> {
  const server = await startDeepLServer({
    latencyMs: LATENCY_MS,
    requestsPerSecond: SERVER_RPS,
    rateLimitedRatio,
    seed: 11,
  });
  try {
    const config = defaultConfig(process.cwd());
    const engine = createDeepLEngine({
      authKey: server.authKey,
      serverUrl: server.url,
      timeoutMs: 10_000,
      formality: 'default',
      sendContext: false,
    });
    const options: QueueOptions = { ...config.queue, requestsPerSecond: SERVER_RPS, ...tuning };
    const started = performance.now();
    const outcome = await runTranslationQueue(engine, corpus.jobs, options);
    const seconds = secondsSince(started);
    const lost = corpus.uniqueToSend.filter((job) => !outcome.translations.has(job.key));
    if (outcome.stopped !== null || lost.length > 0) {
      throw new Error(
        `queue bench lost ${lost.length} segments (stopped: ${outcome.stopped}, ${outcome.failure?.message ?? ''})`,
      );
    }
    const translateRequests = server.requests({ path: '/v2/translate' });
    const successful = translateRequests.filter((request) => request.status === 200);
    return {
      seconds,
      requests: successful.length,
      billed: successful.reduce((sum, request) => sum + (request.billedCharacters ?? 0), 0),
      retries: outcome.summary.retries,
    };
  } finally {
    await server.close();
  }
}

export async function benchQueue(): Promise<{
  api_requests_ratio: number;
  api_billed_ratio: number;
  api_wall_ratio: number;
  api_wall_ratio_429: number;
}> {
  const corpus = buildQueueCorpus();
  const limits = defaultConfig(process.cwd()).queue;
  const minimum = minimumRequests(corpus.uniqueToSend, limits);
  const expectedBilled = corpus.uniqueToSend.reduce((sum, job) => sum + billedCharacterCount(job.text), 0);
  const ideal = idealSeconds(minimum, SERVER_RPS, SERVER_RPS, LATENCY_MS);

  const clean = await timedRun(corpus, 0);
  const with429 = await timedRun(corpus, 0.2);
  const round = (value: number, digits: number): number => Number(value.toFixed(digits));
  return {
    api_requests_ratio: round(clean.requests / minimum, 2),
    api_billed_ratio: round(clean.billed / expectedBilled, 3),
    api_wall_ratio: round(clean.seconds / ideal, 2),
    api_wall_ratio_429: round(with429.seconds / ideal, 2),
  };
}

/**
 * `node dist/bench/queue.js`: prints the raw numbers behind the figures. `QUEUE_TUNING='{"concurrency":8}'`
 * tries other queue settings.
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = buildQueueCorpus();
  const limits = defaultConfig(process.cwd()).queue;
  const minimum = minimumRequests(corpus.uniqueToSend, limits);
  process.stdout.write(
    `jobs ${corpus.jobs.length}, unique to send ${corpus.uniqueToSend.length}, minimum requests ${minimum}, ideal ${idealSeconds(minimum, SERVER_RPS, SERVER_RPS, LATENCY_MS).toFixed(2)} s\n`,
  );
  const tuning = JSON.parse(process.env.QUEUE_TUNING ?? '{}') as Partial<QueueOptions>;
  for (const ratio of [0, 0.2]) {
    const run = await timedRun(corpus, ratio, tuning);
    process.stdout.write(
      `429 ratio ${ratio}: ${run.seconds.toFixed(2)} s, ${run.requests} requests, ${run.retries} retries, ${run.billed} billed\n`,
    );
  }
}
