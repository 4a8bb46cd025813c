/**
 * DeepL moves tags (issue 15): `storyloc translate --engine deepl` against the DeepL test server in its
 * seeded tag-movement mode, end to end through the CLI. Moved and re-nested tags are accepted,
 * punctuation and spaces wrapped into an element are put back outside it, and what cannot be repaired is
 * flagged so `check` reports it. Human-edit detection still finds an edit in a segment whose tags moved.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_TAG_MOVEMENTS } from '../support/deepl-markup.js';
import { startDeepLServer, type DeepLServer } from '../support/deepl-server.js';
import { runCli } from '../support/run-cli.js';
import { copyWorkspace, useDeepLEngine, type TempWorkspace } from './workspace.js';

const KEY = '7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a:fx';
const STORY = [
  '---',
  'title: The new finale',
  'lang: en',
  '---',
  '',
  'Press **Continue**, then watch the *new* video.',
  '',
  'The *new* **drama** was a record with the fans.',
  '',
  'A clip of the [drama](https://example.com/d) and the [video](https://example.com/v) was new.',
  '',
  '"**Love**", said the actor.',
  '',
].join('\n');

let server: DeepLServer;
let ws: TempWorkspace;

beforeAll(async () => {
  server = await startDeepLServer({ authKeys: [KEY] });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  ws = copyWorkspace();
  useDeepLEngine(ws, server.url, 20_000);
  rmSync(path.join(ws.dir, 'articles', 'ko'), { recursive: true, force: true });
  rmSync(path.join(ws.dir, 'articles', 'en'), { recursive: true, force: true });
  server.clearLog();
});
afterEach(() => ws.remove());

const env = { LANG: 'C', DEEPL_AUTH_KEY: KEY };
const cli = (args: string[]) => runCli([...args, '--workspace', ws.dir], { env, cwd: ws.dir });

function writeStory(text: string): void {
  const file = path.join(ws.dir, 'articles', 'en', 'story.md');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const STATE = 'output/it/en/story.md.state.json';
const OUTPUT = 'output/it/en/story.md';

/** The texts the server answered, in request order (before storyloc's repairs). */
const answered = (): string[] =>
  server
    .requests({ path: '/v2/translate' })
    .flatMap((r) => (r.answer as { translations: Array<{ text: string }> }).translations.map((t) => t.text));

describe('moved tags end to end (translate --engine deepl, check, human edits)', () => {
  test('moved elements are accepted; punctuation wrapped into an element is put back outside; check passes', async () => {
    writeStory(STORY);
    server.configure({ tagMovement: { seed: 3, kinds: ALL_TAG_MOVEMENTS } });
    const run = await cli(['translate', '--engine', 'deepl']);
    expect(run.code).toBe(0);
    // what DeepL's placement did: moved, and took punctuation in
    expect(answered()).toEqual([
      'Il nuovo finale-it',
      'Press-it <g id="1">Continue-it,</g> then-it watch-it il nuovo <g id="2">video</g>.',
      '<g id="1">Il</g> nuovo <g id="2">dramma</g> era un record-it con il fan.',
      'Un clip di il dramma <g id="1">e</g> il <g id="2">video</g> era nuovo.',
      '<g id="1">"Amore",</g> ha detto il attore.',
    ]);
    expect(ws.read(OUTPUT)).toBe(
      [
        '---',
        'title: Il nuovo finale-it',
        'lang: it',
        '---',
        '',
        'Press-it **Continue-it**, then-it watch-it il nuovo *video*.',
        '',
        '*Il* nuovo **dramma** era un record-it con il fan.',
        '',
        'Un clip di il dramma [e](https://example.com/d) il [video](https://example.com/v) era nuovo.',
        '',
        '"**Amore**", ha detto il attore.',
        '',
      ].join('\n'),
    );
    const segments = ws.state(STATE).segments;
    expect(segments.map((s) => s.flags ?? [])).toEqual([[], [], [], [], []]);
    expect(segments.map((s) => s.target)).toEqual([
      'Il nuovo finale-it',
      'Press-it <g id="1">Continue-it</g>, then-it watch-it il nuovo <g id="2">video</g>.',
      '<g id="1">Il</g> nuovo <g id="2">dramma</g> era un record-it con il fan.',
      'Un clip di il dramma <g id="1">e</g> il <g id="2">video</g> era nuovo.',
      '"<g id="1">Amore</g>", ha detto il attore.',
    ]);
    const check = await cli(['check']);
    expect(check.code).toBe(0);
  });

  test("a translator's edit in a segment whose tags moved is found as an edit, not a broken file", async () => {
    writeStory(STORY);
    server.configure({ tagMovement: { seed: 3, kinds: ALL_TAG_MOVEMENTS } });
    expect((await cli(['translate', '--engine', 'deepl'])).code).toBe(0);
    const edited = ws
      .read(OUTPUT)
      .replace(
        '*Il* nuovo **dramma** era un record-it con il fan.',
        '*Il* nuovo **dramma** ha segnato un record per i fan.',
      );
    writeFileSync(path.join(ws.dir, OUTPUT), edited);
    server.clearLog();
    const rerun = await cli(['translate', '--engine', 'deepl']);
    expect(rerun.code).toBe(0);
    expect(server.requests({ path: '/v2/translate' })).toEqual([]);
    const record = ws
      .state(STATE)
      .segments.find((s) => s.source === 'The <g id="1">new</g> <g id="2">drama</g> was a record with the fans.')!;
    expect([record.state, record.engine, record.target]).toEqual([
      'edited',
      'human',
      '<g id="1">Il</g> nuovo <g id="2">dramma</g> ha segnato un record per i fan.',
    ]);
    expect(ws.read(OUTPUT)).toBe(edited);
  });

  test('re-nested but balanced elements are accepted; a link moved inside a link is flagged and check reports it', async () => {
    writeStory(
      [
        'The *new* **drama** was new.',
        '',
        'See [drama](https://example.com/d) [video](https://example.com/v) now.',
        '',
      ].join('\n'),
    );
    server.configure({ tagMovement: { seed: 1, kinds: ['renest'] } });
    expect((await cli(['translate', '--engine', 'deepl'])).code).toBe(0);
    expect(answered()).toEqual([
      'Il <g id="1">nuovo <g id="2">dramma</g></g> era nuovo.',
      'See-it <g id="1">dramma <g id="2">video</g></g> now-it.',
    ]);
    expect(ws.read(OUTPUT)).toBe(
      'Il *nuovo **dramma*** era nuovo.\n\nSee-it [dramma [video](https://example.com/v)](https://example.com/d) now-it.\n',
    );
    expect(ws.state(STATE).segments.map((s) => s.flags ?? [])).toEqual([[], ['tags.link-in-link:2']]);
    const check = await cli(['check']);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain(
      'the link (tag 2) ended up inside another link after machine translation: fix the markup or retranslate',
    );

    // the accepted re-nesting still lets a translator's edit be found
    writeFileSync(path.join(ws.dir, OUTPUT), ws.read(OUTPUT).replace('era nuovo', 'era una novità'));
    expect((await cli(['translate', '--engine', 'deepl'])).code).toBe(0);
    expect(ws.state(STATE).segments[0]!.target).toBe('Il <g id="1">nuovo <g id="2">dramma</g></g> era una novità.');
    expect(ws.state(STATE).segments[0]!.state).toBe('edited');
  });
});
