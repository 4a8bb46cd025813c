/**
 * Crash safety: the CLI is killed with SIGKILL between two batches (its next request hangs at the DeepL
 * test server, so nothing is in flight that the server answered), then run again. From the server's log:
 * every text answered exactly once across both runs, every segment translated, every file intact.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseJournal } from '../../src/memory/journal.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { cliEntry, ensureBuilt } from './build.js';
import { copyWorkspace, useDeepLEngine, type TempWorkspace } from './workspace.js';
import { waitFor } from '../support/wait-for.js';
import { freezeWhen } from '../support/step-child.js';

let server: DeepLServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startDeepLServer({ latencyMs: 40 });
}, 120_000);
afterAll(async () => {
  await server.close();
});

function runChild(ws: TempWorkspace): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [cliEntry, 'translate', '--workspace', ws.dir, '--engine', 'deepl'], {
    env: { PATH: process.env.PATH, DEEPL_AUTH_KEY: server.authKey, LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** Larger requests than the fixture's 3 texts, so a generated corpus of stories takes a few dozen, not hundreds. */
function useTextsPerRequest(ws: TempWorkspace, texts: number): void {
  const file = path.join(ws.dir, 'storyloc.config.yaml');
  const config = ws.read('storyloc.config.yaml');
  if (!config.includes('maxTextsPerRequest: 3\n')) throw new Error('fixture config changed: maxTextsPerRequest');
  writeFileSync(file, config.replace('maxTextsPerRequest: 3\n', `maxTextsPerRequest: ${texts}\n`));
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('kill -9 between batches, then rerun', () => {
  test('no text is answered twice, every segment is translated, no file is corrupt', async () => {
    const ws = copyWorkspace();
    try {
      useDeepLEngine(ws, server.url, 20000);
      server.clearLog();
      const translateRequests = () => server.requests({ path: '/v2/translate' });
      const first = runChild(ws);
      // When the second request arrives, make the third one hang: the child is then blocked between
      // batches, with two batches answered and persisted.
      await waitFor(() => translateRequests().length >= 2);
      server.injectFault({ kind: 'hang', path: '/v2/translate' });
      await waitFor(() => translateRequests().length >= 3 && translateRequests()[2]!.outcome === 'hang');
      const answeredBeforeKill = translateRequests().filter((r) => r.outcome === 'answered' && r.status === 200);
      expect(answeredBeforeKill).toHaveLength(2);
      // Both answered batches are durable before the kill: in the answer journal (the articles are
      // written once, when all of their segments are settled).
      const journaled = (): string[] =>
        parseJournal(ws.read('.storyloc/journal/answers.ndjson')).entries.flatMap((entry) => entry.translations);
      await waitFor(() => journaled().length >= answeredBeforeKill.flatMap((r) => r.texts).length);
      expect(journaled()).toHaveLength(answeredBeforeKill.flatMap((r) => r.texts).length);
      first.child.kill('SIGKILL');
      const killed = await first.done;
      expect(killed.signal).toBe('SIGKILL');

      // Every file is whole: states parse, no temp files left behind by the writes.
      const files = allFiles(ws.dir);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      for (const f of files.filter((name) => name.endsWith('.state.json'))) expect(() => ws.state(f)).not.toThrow();

      server.clearFaults();
      const second = runChild(ws);
      const rerun = await second.done;
      expect({ code: rerun.code, stderr: rerun.stderr }).toEqual({
        code: 0,
        stderr: expect.not.stringContaining('error'),
      });

      const answered = translateRequests().filter((r) => r.outcome === 'answered' && r.status === 200);
      const texts = answered.flatMap((r) => r.texts);
      expect(texts.length).toBe(new Set(texts).size);
      expect(texts).toHaveLength(21);
      // The hanging request's texts were sent again (never answered, never billed).
      const hung = translateRequests()[2]!.texts;
      expect(hung.every((text) => texts.includes(text))).toBe(true);
      const records = allFiles(ws.dir)
        .filter((f) => f.endsWith('.state.json'))
        .flatMap((f) => ws.state(f).segments);
      expect(records).toHaveLength(22);
      expect(records.filter((r) => r.target === null)).toEqual([]);
      expect(allFiles(ws.dir).filter((f) => f.startsWith('.storyloc/lock'))).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 60_000);
});

describe('kill -9 at arbitrary moments (local engine, many small batches)', () => {
  test('each rerun finishes the job, sees no human edit, and leaves every file whole', async () => {
    const { generateCorpus } = await import('../../bench/corpus.js');
    const { mkdirSync } = await import('node:fs');
    const ws = copyWorkspace();
    try {
      for (const article of generateCorpus(12)) {
        const file = path.join(ws.dir, 'articles', article.relativePath);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, article.text);
      }
      const run = (args: string[] = []) => {
        const child = spawn(
          process.execPath,
          [cliEntry, 'translate', '--workspace', ws.dir, '--engine', 'pseudo', '--json', ...args],
          {
            env: { PATH: process.env.PATH, LANG: 'C' },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr!.resume();
        const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
          child.on('close', (code, signal) => resolve({ code, signal, stdout })),
        );
        return { child, done };
      };
      // Translated segments on disk (a torn state file counts as none: it is being replaced).
      const translatedOnDisk = (): number =>
        allFiles(ws.dir)
          .filter((name) => name.endsWith('.state.json'))
          .reduce((sum, name) => sum + (ws.read(name).match(/"engine": "pseudo"/g)?.length ?? 0), 0);
      const kills: number[] = [];
      // Kill when 20, 120 and 240 more segments are on disk: in the middle of the batch writes.
      for (const more of [20, 120, 240]) {
        const start = translatedOnDisk();
        const victim = run();
        // looked at only while frozen: what the test saw on disk is what the kill leaves
        if (await freezeWhen(victim.child, () => translatedOnDisk() >= start + more)) victim.child.kill('SIGKILL');
        const ended = await victim.done;
        if (ended.signal === 'SIGKILL') kills.push(more);
        for (const f of allFiles(ws.dir).filter((name) => name.endsWith('.state.json')))
          expect(() => ws.state(f)).not.toThrow();
      }
      // At least one kill landed mid-run (a run can finish before it has that many more segments to write).
      expect(kills.length).toBeGreaterThan(0);
      const final = await run().done;
      expect(final.code).toBe(0);
      const summary = JSON.parse(final.stdout) as { human_edits: number; untranslated: number };
      expect(summary).toMatchObject({ human_edits: 0, untranslated: 0 });
      // A last rerun has nothing left to do.
      const idle = JSON.parse((await run().done).stdout) as { sent: number; human_edits: number };
      expect(idle).toMatchObject({ sent: 0, human_edits: 0 });
    } finally {
      ws.remove();
    }
  }, 60_000);
});

describe('kill -9 while the articles are being written', () => {
  test('the rerun sends no answered text again, writes every missing file, and removes temp files and the journal', async () => {
    const { generateCorpus } = await import('../../bench/corpus.js');
    const { mkdirSync, existsSync } = await import('node:fs');
    const ws = copyWorkspace();
    try {
      useDeepLEngine(ws, server.url, 20000);
      useTextsPerRequest(ws, 20);
      for (const article of generateCorpus(16)) {
        const file = path.join(ws.dir, 'articles', article.relativePath);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, article.text);
      }
      server.clearLog();
      server.clearFaults();
      const diffs = (): number => allFiles(ws.dir).filter((f) => f.endsWith('.md.diff')).length;
      const first = runChild(ws);
      // Killed once the third article is on disk: others are being written or still waiting for answers.
      // Looked at only while frozen, so a fast run cannot finish between the look and the kill.
      expect(await freezeWhen(first.child, () => diffs() >= 3)).toBe(true);
      first.child.kill('SIGKILL');
      expect((await first.done).signal).toBe('SIGKILL');
      // pair and text of the answers that reached the journal before the kill (a key is `en-it|…|text`)
      const journaled = new Set(
        parseJournal(ws.read('.storyloc/journal/answers.ndjson')).entries.flatMap((entry) =>
          entry.keys.map((key) => `${key.split('|')[0]!.split('-')[0]}|${key.split('|').slice(3).join('|')}`),
        ),
      );
      expect(journaled.size).toBeGreaterThan(0);
      server.clearLog();

      const second = runChild(ws);
      const rerun = await second.done;
      expect({ code: rerun.code, stderr: rerun.stderr }).toEqual({
        code: 0,
        stderr: expect.not.stringContaining('error'),
      });
      const resent = server
        .requests({ path: '/v2/translate' })
        .filter((r) => r.status === 200)
        .flatMap((r) => r.texts.map((text) => `${r.params.source_lang![0]!.toLowerCase()}|${text}`));
      // nothing journaled is sent again (only the requests in flight at the kill may be)
      expect(resent.filter((text) => journaled.has(text))).toEqual([]);
      const files = allFiles(ws.dir);
      const articleCount = allFiles(path.join(ws.dir, 'articles')).length;
      expect(files.filter((f) => f.endsWith('.state.json'))).toHaveLength(articleCount);
      expect(files.filter((f) => f.endsWith('.md.diff'))).toHaveLength(articleCount);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const records = files.filter((f) => f.endsWith('.state.json')).flatMap((f) => ws.state(f).segments);
      expect(records.filter((r) => r.target === null)).toEqual([]);
      expect(existsSync(path.join(ws.dir, '.storyloc', 'journal', 'answers.ndjson'))).toBe(false);
    } finally {
      ws.remove();
    }
  }, 90_000);
});

describe('kill -9 during the final writes (every answer already in the journal)', () => {
  test('the rerun sends and bills nothing, and writes every file the killed run did not', async () => {
    const { generateCorpus } = await import('../../bench/corpus.js');
    const { mkdirSync, existsSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const journalName = '.storyloc/journal/answers.ndjson';
    /** Files a finished run leaves per article: its state, its output and its review diff. */
    const writtenFiles = (ws: TempWorkspace): number =>
      allFiles(ws.dir).filter(
        (f) => f.endsWith('.state.json') || f.endsWith('.md.diff') || (f.startsWith('output/') && f.endsWith('.md')),
      ).length;

    /**
     * One try: a fresh workspace, a run frozen step by step from its last request on, killed at the first
     * step where every answer is in the journal. Returns null when that step also finished every file (the
     * kill then tests nothing); the caller tries again.
     */
    const killDuringFinalWrites = async (): Promise<{ ws: TempWorkspace; requests: number } | null> => {
      const ws = copyWorkspace();
      useDeepLEngine(ws, server.url, 20000);
      useTextsPerRequest(ws, 20);
      for (const article of generateCorpus(24)) {
        const file = path.join(ws.dir, 'articles', article.relativePath);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, article.text);
      }
      // the number of requests the run makes, from its own dry run (no key, no network)
      const plan = JSON.parse(
        execFileSync(process.execPath, [cliEntry, 'translate', '--workspace', ws.dir, '--dry-run', '--json'], {
          env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
        }).toString(),
      ) as { requests: number };
      expect(plan.requests).toBeGreaterThan(4);
      server.clearLog();
      server.clearFaults();
      const journaledBatches = (): number =>
        existsSync(path.join(ws.dir, journalName)) ? parseJournal(ws.read(journalName)).entries.length : 0;
      const first = runChild(ws);
      const articleCount = allFiles(path.join(ws.dir, 'articles')).length;
      // Until its last request has reached the server the run cannot finish; from then on it moves in
      // steps of about a millisecond and is looked at only while frozen.
      await waitFor(
        () => server.requests({ path: '/v2/translate' }).length >= plan.requests || first.child.exitCode !== null,
        60_000,
      );
      const frozen = await freezeWhen(first.child, () => journaledBatches() >= plan.requests);
      const filesAtKill = frozen ? writtenFiles(ws) : 3 * articleCount;
      first.child.kill('SIGKILL');
      await first.done;
      if (filesAtKill === 3 * articleCount) {
        ws.remove();
        return null;
      }
      expect(server.requests({ path: '/v2/translate' }).filter((r) => r.status === 200)).toHaveLength(plan.requests);
      return { ws, requests: plan.requests };
    };

    let killed: { ws: TempWorkspace; requests: number } | null = null;
    // A step can run past the whole final write phase only on a very fast disk; three tries make that moot.
    for (let attempt = 0; attempt < 3 && killed === null; attempt++) killed = await killDuringFinalWrites();
    expect(killed).not.toBeNull();
    const { ws } = killed!;
    try {
      server.clearLog();
      const rerun = await runChild(ws).done;
      expect({ code: rerun.code, stderr: rerun.stderr }).toEqual({ code: 0, stderr: '' });
      // nothing sent again, nothing billed again
      expect(server.requests({ path: '/v2/translate' })).toEqual([]);
      const files = allFiles(ws.dir);
      const articleCount = allFiles(path.join(ws.dir, 'articles')).length;
      expect(files.filter((f) => f.endsWith('.state.json'))).toHaveLength(articleCount);
      expect(files.filter((f) => f.startsWith('output/') && f.endsWith('.md'))).toHaveLength(articleCount);
      expect(files.filter((f) => f.endsWith('.md.diff'))).toHaveLength(articleCount);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const records = files.filter((f) => f.endsWith('.state.json')).flatMap((f) => ws.state(f).segments);
      expect(records.filter((r) => r.target === null)).toEqual([]);
      expect(existsSync(path.join(ws.dir, journalName))).toBe(false);
    } finally {
      ws.remove();
    }
  }, 180_000);
});
