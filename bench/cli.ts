/**
 * Process figures (issue 13): the built CLI timed as a user runs it, each command a child process on a
 * generated workspace (`workspace.ts`), through `measured-cli.ts`, which reports the child's peak RSS and
 * the files its writer wrote. Every figure is the median of `--runs=N` runs (default 3).
 *
 * - `translate_cli_2000_s`, `translate_cli_peak_rss_mb`: `translate --engine pseudo` on 2,000 fresh stories;
 *   `translate_cli_scaling`: the same on 4,000 / on 2,000 (wall), `translate_cli_rss_scaling` likewise for RSS;
 *   `files_written_per_article`: files the writer renamed into place in one such run / 2,000.
 * - `rerun_cli_2000_s`: the same command again, nothing changed (`rerun_cli_2000_first_s`: the first of
 *   those runs, which builds the state and source indexes; the median is the steady state).
 * - `check_cli_2000_s`, `check_cli_peak_rss_mb`, `check_cli_output_lines` and `status_cli_2000_s` on the
 *   translated workspace.
 * - `roundtrip_cli_mb_per_s`: `roundtrip` over the 2,000 article files, source MB (10^6 bytes) per second
 *   (files checked on every core, the default); `roundtrip_cli_one_thread_mb_per_s` the same with `--jobs 1`.
 * - `api_wall_ratio_2000`: `translate --engine deepl` of 2,000 stories through the DeepL test server
 *   (50 ms latency, 100 requests/s, the config's rate set to the same) against the ideal schedule for the
 *   requests the run made (`idealSeconds` of queue.ts: latency + (R − burst) / rate). Each run's log line
 *   gives R, the time no request was in flight, and the CPU of the CLI and of the test server (which runs
 *   in the bench process, on the same cores).
 * - `long_article_cli_10k_s`, `long_article_scaling`: one article of 10,000 short paragraphs, and
 *   20,000 / 10,000 (wall).
 * - `version_cli_s`: start-up of `storyloc --version` (`help_cli_s` of `--help` while there is no --version).
 *
 * `--cli=translate,check,…` runs only some parts (names: translate, rerun, check, status, roundtrip,
 * scaling, api, long, version; rerun/check/status/roundtrip need translate); `--cli-timeout=S` gives up
 * on a child after S seconds (the figure is then null).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDeepLServer } from '../test/support/deepl-server.js';
import { idealSeconds } from './queue.js';
import { deleteDiscarded, discardAfterBench } from './discard.js';
import { longArticleWorkspace, newsWorkspace, repoRoot, type BenchWorkspace } from './workspace.js';

const STORIES = 2000;
const API_LATENCY_MS = 50;
const API_RPS = 100;

interface ChildRun {
  seconds: number;
  code: number | null;
  rssMb: number;
  filesWritten: number;
  /** the child's CPU time (user + system), seconds */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
}

interface CliBenchOptions {
  runs: number;
  parts: Set<string>;
  timeoutMs: number;
}

function argValue(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function cliOptions(): CliBenchOptions {
  const all = ['translate', 'rerun', 'check', 'status', 'roundtrip', 'scaling', 'api', 'long', 'version'];
  return {
    runs: Number(argValue('runs') ?? 3),
    parts: new Set(argValue('cli')?.split(',') ?? all),
    timeoutMs: Number(argValue('cli-timeout') ?? 600) * 1000,
  };
}

/** One run of the built CLI as a child process; a child past the timeout is killed (seconds: NaN). */
function runCli(
  args: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<ChildRun> {
  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-bench-report-'));
  const report = path.join(reportDir, 'report.json');
  const entry = path.join(repoRoot, 'dist', 'bench', 'measured-cli.js');
  const env = { PATH: process.env.PATH, LANG: 'C', ...options.env, STORYLOC_BENCH_REPORT: report };
  const started = performance.now();
  const child = spawn(process.execPath, [entry, ...args], {
    env,
    cwd: options.cwd ?? repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = timedOut ? Number.NaN : (performance.now() - started) / 1000;
      let measured = { maxRssKb: Number.NaN, filesWritten: Number.NaN, cpuMs: Number.NaN };
      try {
        measured = JSON.parse(readFileSync(report, 'utf8')) as typeof measured;
      } catch {
        // killed: no report
      }
      rmSync(reportDir, { recursive: true, force: true });
      const stdout = Buffer.concat(out).toString();
      const stderr = Buffer.concat(err).toString();
      resolve({
        seconds,
        code,
        rssMb: measured.maxRssKb / 1024,
        filesWritten: measured.filesWritten,
        cpuSeconds: measured.cpuMs / 1000,
        stdout,
        stderr,
      });
    });
  });
}

/** Fails the bench when a command did not do its job (a fast wrong answer is no figure). */
function expectCode(run: ChildRun, allowed: number[], what: string): ChildRun {
  if (Number.isNaN(run.seconds)) process.stderr.write(`(${what}: timed out)\n`);
  else if (run.code === null || !allowed.includes(run.code)) {
    throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(0, 2000)}`);
  }
  return run;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function log(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

async function repeat(runs: number, what: string, once: (index: number) => Promise<ChildRun>): Promise<ChildRun[]> {
  const results: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await once(i);
    log(`${what}: ${run.seconds.toFixed(2)} s, ${run.rssMb.toFixed(0)} MB, ${run.filesWritten} files`);
    results.push(run);
  }
  return results;
}

/** `translate --engine pseudo` on fresh workspaces of `count` stories; keeps the last one translated. */
async function translateFresh(
  count: number,
  options: CliBenchOptions,
): Promise<{ runs: ChildRun[]; workspace: BenchWorkspace }> {
  let workspace: BenchWorkspace | null = null;
  const runs = await repeat(options.runs, `translate ${count}`, async () => {
    if (workspace) discardAfterBench(workspace.dir);
    workspace = newsWorkspace(count);
    const args = ['translate', '--workspace', workspace.dir, '--engine', 'pseudo', '--json'];
    return expectCode(await runCli(args, options), [0], `translate ${count}`);
  });
  return { runs, workspace: workspace! };
}

async function apiRatio(options: CliBenchOptions): Promise<number> {
  const server = await startDeepLServer({ latencyMs: API_LATENCY_MS, requestsPerSecond: API_RPS });
  try {
    const ratios: number[] = [];
    await repeat(options.runs, 'translate 2000 via the DeepL test server', async () => {
      const config = [
        'engine:',
        '  default: deepl',
        '  deepl:',
        `    serverUrl: ${server.url}`,
        '    timeoutMs: 20000',
        'queue:',
        `  requestsPerSecond: ${API_RPS}`,
        '  concurrency: 8',
      ].join('\n');
      const workspace = newsWorkspace(STORIES, config);
      server.clearLog();
      // the server runs in this process: its CPU is this process's while the child runs
      const serverCpu = process.cpuUsage();
      const run = expectCode(
        await runCli(['translate', '--workspace', workspace.dir, '--json'], {
          ...options,
          env: { DEEPL_AUTH_KEY: server.authKey },
        }),
        [0],
        'translate deepl',
      );
      const { user, system } = process.cpuUsage(serverCpu);
      const translateLog = server.requests({ path: '/v2/translate' });
      const requests = translateLog.filter((request) => request.status === 200).length;
      const ideal = idealSeconds(requests, API_RPS, API_RPS, API_LATENCY_MS);
      log(
        `${requests} requests, ideal ${ideal.toFixed(2)} s; ${queueIdleSeconds(translateLog).toFixed(2)} s with no ` +
          `request in flight; CPU: CLI ${run.cpuSeconds.toFixed(2)} s, test server ${((user + system) / 1e6).toFixed(2)} s`,
      );
      ratios.push(run.seconds / ideal);
      discardAfterBench(workspace.dir);
      return run;
    });
    return median(ratios);
  } finally {
    await server.close();
  }
}

/** Seconds between the first request's arrival and the last answer during which no request was in flight. */
function queueIdleSeconds(requests: ReadonlyArray<{ receivedAt: number; durationMs: number | null }>): number {
  const edges = requests.flatMap((request) => [
    { at: request.receivedAt, step: 1 },
    { at: request.receivedAt + (request.durationMs ?? 0), step: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let inFlight = 0;
  let idleMs = 0;
  let previous = edges[0]?.at ?? 0;
  for (const edge of edges) {
    if (inFlight === 0) idleMs += edge.at - previous;
    inFlight += edge.step;
    previous = edge.at;
  }
  return idleMs / 1000;
}

async function longArticle(paragraphs: number, options: CliBenchOptions): Promise<number> {
  const runs = await repeat(options.runs, `long article ${paragraphs}`, async () => {
    const workspace = longArticleWorkspace(paragraphs);
    const run = expectCode(
      await runCli(['translate', '--workspace', workspace.dir, '--engine', 'pseudo', '--json'], options),
      [0],
      'long article',
    );
    discardAfterBench(workspace.dir);
    return run;
  });
  return median(runs.map((run) => run.seconds));
}

/** Start-up: `--version` when the CLI has it, else `--help` (named so). */
async function startUp(options: CliBenchOptions): Promise<Record<string, number>> {
  const probe = await runCli(['--version'], options);
  const args = probe.code === 0 ? ['--version'] : ['--help'];
  const runs = await repeat(Math.max(5, options.runs), `storyloc ${args[0]}`, async () => runCli(args, options));
  return { [probe.code === 0 ? 'version_cli_s' : 'help_cli_s']: round(median(runs.map((run) => run.seconds)), 3) };
}

async function translatedWorkspaceFigures(options: CliBenchOptions, figures: Record<string, number>): Promise<void> {
  const { parts } = options;
  const translate = await translateFresh(STORIES, options);
  const ws = translate.workspace;
  figures.translate_cli_2000_s = round(median(translate.runs.map((run) => run.seconds)));
  figures.translate_cli_peak_rss_mb = round(median(translate.runs.map((run) => run.rssMb)), 0);
  figures.files_written_per_article = round(median(translate.runs.map((run) => run.filesWritten)) / STORIES);
  try {
    const on = ['--workspace', ws.dir];
    if (parts.has('rerun')) {
      const runs = await repeat(options.runs, 'rerun', async () =>
        expectCode(await runCli(['translate', ...on, '--engine', 'pseudo', '--json'], options), [0], 'rerun'),
      );
      figures.rerun_cli_2000_s = round(median(runs.map((run) => run.seconds)));
      figures.rerun_cli_peak_rss_mb = round(median(runs.map((run) => run.rssMb)), 0);
      // the first rerun reads every state and source and records them in the indexes under .storyloc/cache
      figures.rerun_cli_2000_first_s = round(runs[0]!.seconds);
    }
    if (parts.has('check')) {
      const runs = await repeat(options.runs, 'check', async () =>
        expectCode(await runCli(['check', ...on], options), [0, 1], 'check'),
      );
      figures.check_cli_2000_s = round(median(runs.map((run) => run.seconds)));
      figures.check_cli_peak_rss_mb = round(median(runs.map((run) => run.rssMb)), 0);
      figures.check_cli_output_lines = runs[0]!.stdout.split('\n').length - 1;
    }
    if (parts.has('status')) {
      const runs = await repeat(options.runs, 'status', async () =>
        expectCode(await runCli(['status', ...on], options), [0], 'status'),
      );
      figures.status_cli_2000_s = round(median(runs.map((run) => run.seconds)));
    }
    if (parts.has('roundtrip')) {
      const files = ws.articles.map((file) => path.relative(ws.dir, file));
      const runs = await repeat(options.runs, 'roundtrip', async () =>
        expectCode(await runCli(['roundtrip', ...files], { ...options, cwd: ws.dir }), [0], 'roundtrip'),
      );
      figures.roundtrip_cli_mb_per_s = round(ws.bytes / 1e6 / median(runs.map((run) => run.seconds)), 1);
      // the same on one thread (`--jobs 1`): what the default gains from worker threads on this machine
      const oneThread = await repeat(options.runs, 'roundtrip --jobs 1', async () =>
        expectCode(await runCli(['roundtrip', '--jobs', '1', ...files], { ...options, cwd: ws.dir }), [0], 'roundtrip'),
      );
      figures.roundtrip_cli_one_thread_mb_per_s = round(
        ws.bytes / 1e6 / median(oneThread.map((run) => run.seconds)),
        1,
      );
    }
  } finally {
    discardAfterBench(ws.dir);
  }
  if (parts.has('scaling')) {
    const bigger = await translateFresh(STORIES * 2, options);
    discardAfterBench(bigger.workspace.dir);
    figures.translate_cli_scaling = round(median(bigger.runs.map((run) => run.seconds)) / figures.translate_cli_2000_s);
    figures.translate_cli_rss_scaling = round(
      median(bigger.runs.map((run) => run.rssMb)) / figures.translate_cli_peak_rss_mb,
    );
  }
}

export async function benchCli(): Promise<Record<string, number>> {
  const options = cliOptions();
  const figures: Record<string, number> = {};
  try {
    if (options.parts.has('translate')) await translatedWorkspaceFigures(options, figures);
    if (options.parts.has('api')) figures.api_wall_ratio_2000 = round(await apiRatio(options));
    if (options.parts.has('long')) {
      const tenK = await longArticle(10_000, options);
      figures.long_article_cli_10k_s = round(tenK);
      const twentyK = await longArticle(20_000, options);
      figures.long_article_scaling = round(twentyK / tenK);
    }
    if (options.parts.has('version')) Object.assign(figures, await startUp(options));
  } finally {
    // a bench run for the CLI part alone cleans up after itself too
    deleteDiscarded();
  }
  return figures;
}
