import { DeepLClient, GlossaryEntries } from 'deepl-node';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';

const repo = process.cwd();
let workspace: string;
let server: DeepLServer;

async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: cwd ?? workspace,
    env,
    stdout: { write: (text) => void (stdout += text), isTTY: false },
    stderr: { write: (text) => void (stderr += text), isTTY: false },
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  server = await startDeepLServer();
  workspace = mkdtempSync(path.join(tmpdir(), 'storyloc-glossary-cli-'));
  cpSync(path.join(repo, 'glossary'), path.join(workspace, 'glossary'), { recursive: true });
  mkdirSync(path.join(workspace, 'articles', 'en'), { recursive: true });
  writeFileSync(
    path.join(workspace, 'articles', 'en', 'story.md'),
    '---\ntitle: Queen of Tears returns\n---\n\nKim Soo Hyun and **Kim Ji-won** star in *Queen of Tears* on tvN.\n\nKimchi is not Kim.\n',
  );
  writeFileSync(
    path.join(workspace, 'storyloc.config.yaml'),
    `sourceLanguages: [en, ko]\ntargetLanguages: [it]\nengine:\n  deepl:\n    serverUrl: ${server.url}\n    authKeyEnv: TEST_DEEPL_KEY\n`,
  );
});
afterAll(async () => {
  await server.close();
  rmSync(workspace, { recursive: true, force: true });
});

describe('storyloc glossary', () => {
  test('lint: 0 when clean, 1 with errors (each with file:line:column), 2 for an unreadable file', async () => {
    expect(await run(['glossary', 'lint'])).toEqual({
      code: 0,
      stdout: 'Glossary clean: 10 entries in 4 files.\n',
      stderr: '',
    });
    const broken = path.join(workspace, 'broken.yaml');
    writeFileSync(broken, 'entries:\n  - id: kim-soo-hyun\n    type: person\n    forms: { en: Kim Soo-hyun }\n');
    const withErrors = await run(['glossary', 'lint', 'glossary/people.yaml', 'broken.yaml']);
    expect(withErrors.code).toBe(1);
    expect(withErrors.stdout.split('\n')).toEqual([
      'broken.yaml:2:5: error: the id "kim-soo-hyun" is already used at glossary/people.yaml:6:5 [glossary.duplicateId]',
      'broken.yaml:2:5: error: entry "kim-soo-hyun" has no form for the target language it (add forms.it, or doNotTranslate: true) [glossary.missingTargetForm]',
      '2 errors, 0 warnings: 5 entries in 2 files.',
      '',
    ]);
    const json = JSON.parse((await run(['glossary', 'lint', 'broken.yaml', '--json'])).stdout);
    expect(json.problems.map((p: { code: string; line: number }) => [p.code, p.line])).toEqual([
      ['glossary.missingTargetForm', 2],
    ]);
    const missing = await run(['glossary', 'lint', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read the glossary file');
  });

  test('lint run from another folder: problems in file and line order, both places relative to that folder', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'storyloc-glossary-outside-'));
    try {
      writeFileSync(
        path.join(outside, 'extra.yaml'),
        'entries:\n  - id: kim-ji-won\n    type: person\n    forms: { en: Kim Ji-won, it: Kim Ji Won }\n  - id: bad\n    type: persona\n    forms: { en: Bad, it: Male }\n',
      );
      const result = await run(
        ['glossary', 'lint', '--workspace', workspace, path.join(workspace, 'glossary', 'people.yaml'), 'extra.yaml'],
        {},
        outside,
      );
      const people = path.relative(outside, path.join(workspace, 'glossary', 'people.yaml'));
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n')).toEqual([
        `extra.yaml:2:5: error: the id "kim-ji-won" is already used at ${people}:16:5 [glossary.duplicateId]`,
        `extra.yaml:4:18: error: "Kim Ji-won" (en) leads to "Kim Ji Won" here but to "Kim Ji-won" in entry "kim-ji-won" at ${people}:19:11 (it): keep one entry or make the forms differ [glossary.conflictingTargets]`,
        'extra.yaml:6:11: error: entries[1].type: "persona" is not allowed (expected one of: person, title, organization, place, term) [glossary.schema]',
        '3 errors, 0 warnings: 5 entries in 2 files.',
        '',
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('match: each hit at the line and column of the term, also in a paragraph that wraps', async () => {
    const file = path.join(workspace, 'wrapped.md');
    writeFileSync(
      file,
      '# News\n\nThe actors of the drama\n*Queen of Tears*, **Kim Soo-hyun** and\nKim Ji-won, met on tvN.\n',
    );
    const result = await run(['glossary', 'match', 'wrapped.md']);
    expect(result).toEqual({
      code: 0,
      stdout: [
        'wrapped.md: 4 term(s)',
        '  wrapped.md:4:2  p-9024c4d62365  queen-of-tears  “Queen of Tears”',
        '  wrapped.md:4:21  p-9024c4d62365  kim-soo-hyun  “Kim Soo-hyun”',
        '  wrapped.md:5:1  p-9024c4d62365  kim-ji-won  “Kim Ji-won”',
        '  wrapped.md:5:20  p-9024c4d62365  tvn  “tvN”',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('match --json: entry id, surface, segment id and line', async () => {
    const result = await run(['glossary', 'match', 'articles/en/story.md', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.line, r.entryId, r.surface])).toEqual([
      [2, 'queen-of-tears', 'Queen of Tears'],
      [5, 'kim-soo-hyun', 'Kim Soo Hyun'],
      [5, 'kim-ji-won', 'Kim Ji-won'],
      [5, 'queen-of-tears', 'Queen of Tears'],
      [5, 'tvn', 'tvN'],
    ]);
    expect(rows.every((r) => typeof r.segmentId === 'string' && r.segmentId !== '')).toBe(true);
  });

  test('list and show', async () => {
    const list = JSON.parse((await run(['glossary', 'list', '--json'])).stdout) as Array<{ id: string; file: string }>;
    expect(list).toHaveLength(10);
    expect(list.find((e) => e.id === 'tvn')?.file).toBe(path.join('glossary', 'organizations.yaml'));
    const show = await run(['glossary', 'show', 'kim-ji-won', '--json']);
    expect(JSON.parse(show.stdout).usage).toEqual([{ article: 'en/story.md', count: 1, lines: [5] }]);
    const text = await run(['glossary', 'show', 'queen-of-tears']);
    expect(text.stdout).toContain('Used in 1 article(s):\n  en/story.md: 2 time(s), line(s) 2, 5\n');
    const unknown = await run(['glossary', 'show', 'nobody']);
    expect(unknown.code).toBe(2);
  });

  test('show counts what matching finds: the tvN of "tvN Drama" belongs to tvn-drama, not to tvn', async () => {
    const file = path.join(workspace, 'articles', 'en', 'channel.md');
    writeFileSync(file, 'Uploaded by the channel\n[tvN Drama](https://example.com), part of tvN.\n');
    try {
      expect(JSON.parse((await run(['glossary', 'show', 'tvn', '--json'])).stdout).usage).toEqual([
        { article: 'en/channel.md', count: 1, lines: [2] },
        { article: 'en/story.md', count: 1, lines: [5] },
      ]);
      expect(JSON.parse((await run(['glossary', 'show', 'tvn-drama', '--json'])).stdout).usage).toEqual([
        { article: 'en/channel.md', count: 1, lines: [2] },
      ]);
    } finally {
      unlinkSync(file);
    }
  });

  test('sync: needs a key; dry run plans; sync creates then reuses, through the DeepL test server', async () => {
    const noKey = await run(['glossary', 'sync']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('TEST_DEEPL_KEY');
    const env = { TEST_DEEPL_KEY: server.authKey };
    const name = `storyloc:${path.basename(workspace)}`;
    const plan = await run(['glossary', 'sync', '--dry-run'], env);
    expect(plan.stdout).toBe(
      `Plan (dry run, nothing changed on DeepL):\n  create glossary ${name} with en-it, ko-it (33 entries)\n`,
    );
    expect(server.glossaries.list()).toEqual([]);
    const first = await run(['glossary', 'sync'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'DeepL glossaries in step (1 change(s)); recorded in output/.storyloc/deepl-glossaries.json.',
    );
    const state = readFileSync(path.join(workspace, 'output', '.storyloc', 'deepl-glossaries.json'), 'utf8');
    expect(state).not.toContain(server.authKey);
    server.clearLog();
    const second = await run(['glossary', 'sync'], env);
    expect(second.stdout).toContain('keep dictionary en-it (20 entries, unchanged)');
    expect(server.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/glossaries', 'GET /v2/glossaries']);
    expect(`${first.stdout}${first.stderr}${second.stdout}`).not.toContain(server.authKey);
  });

  test("sync lists the account's v2 (single-pair) glossaries and leaves them alone", async () => {
    const env = { TEST_DEEPL_KEY: server.authKey };
    const v2 = await new DeepLClient(server.authKey, { serverUrl: server.url, maxRetries: 0 }).createGlossary(
      'old names',
      'en',
      'it',
      new GlossaryEntries({ entries: { 'Kim Soo Hyun': 'Kim Soo-hyun' } }),
    );
    const result = await run(['glossary', 'sync'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `v2 (single-pair) glossaries on the account, left untouched (1):\n  old names (${v2.glossaryId}): en-it, 1 entries\n`,
    );
    expect(server.glossaries.get(v2.glossaryId)?.dictionaries.map((d) => d.entries.size)).toEqual([1]);
    expect(server.requests({ path: `/v2/glossaries/${v2.glossaryId}` })).toEqual([]);
    server.glossaries.delete(v2.glossaryId);
  });
});
