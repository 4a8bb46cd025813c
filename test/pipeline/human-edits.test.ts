import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import type { StorylocError } from '../../src/errors.js';
import { pseudoTranslate } from '../../src/engines/pseudo.js';
import { acquireWorkspaceLock } from '../../src/memory/lock.js';
import { BrokenEditsError } from '../../src/translate/index.js';
import { copyWorkspace, type TempWorkspace } from '../e2e/workspace.js';
import { recordingPseudo, translate, write } from './helpers.js';

let ws: TempWorkspace;
beforeEach(async () => {
  ws = copyWorkspace();
  await translate(ws, recordingPseudo());
});
afterEach(() => ws.remove());

const FINALE = 'output/it/en/finale.md';
const FINALE_STATE = `${FINALE}.state.json`;

describe('human edits of the output', () => {
  test('an edited sentence is recorded as edited by a human and never replaced by MT', async () => {
    const mt = pseudoTranslate('The drama will stream abroad.');
    write(ws, FINALE, ws.read(FINALE).replace(mt, 'La serie arriverà anche in Italia.'));
    const engine = recordingPseudo();
    const summary = await translate(ws, engine);
    expect(engine.sent).toEqual([]);
    expect(summary.humanEdits).toBe(1);
    const record = ws.state(FINALE_STATE).segments.find((r) => r.source === 'The drama will stream abroad.');
    expect(record).toMatchObject({
      target: 'La serie arriverà anche in Italia.',
      state: 'edited',
      engine: 'human',
      changedBy: 'ana',
      changedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(ws.read(FINALE)).toContain('- La serie arriverà anche in Italia.\n');

    // A later source edit elsewhere re-translates only that sentence; the human text stays.
    write(
      ws,
      'articles/en/finale.md',
      ws
        .read('articles/en/finale.md')
        .replace('The crew', 'The crew')
        .replace('Nobody wanted to leave.', 'Nobody wanted to go.'),
    );
    const again = recordingPseudo();
    await translate(ws, again);
    expect(again.sent).toEqual([['Nobody wanted to go.']]);
    expect(ws.read(FINALE)).toContain('- La serie arriverà anche in Italia.\n');
  });

  test('an edit that breaks the structure is reported with file and line, and nothing is written', async () => {
    const output = ws.read(FINALE);
    write(ws, FINALE, output.replace(/\n> [^\n]*\n> [^\n]*\n/, '\n'));
    write(
      ws,
      'articles/en/finale.md',
      ws.read('articles/en/finale.md').replace('Nobody wanted to leave.', 'Nobody left.'),
    );
    const before = new Map(ws.files().map((f) => [f, ws.read(f)]));
    const engine = recordingPseudo();
    let error: unknown;
    try {
      await translate(ws, engine);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrokenEditsError);
    const broken = (error as BrokenEditsError).broken;
    expect(broken).toEqual([
      {
        reason: 'structure',
        position: { file: `${ws.dir}/${FINALE}`, line: 13, column: 1 },
        stateFile: `${ws.dir}/${FINALE_STATE}`,
      },
    ]);
    expect((error as StorylocError).exitCode).toBe(2);
    expect(engine.sent).toEqual([]);
    expect(new Map(ws.files().map((f) => [f, ws.read(f)]))).toEqual(before);
  });

  test('a broken link names the segment', async () => {
    write(ws, FINALE, ws.read(FINALE).replace('](https://example.com/tvn', '] (https://example.com/tvn'));
    await expect(translate(ws, recordingPseudo())).rejects.toMatchObject({
      broken: [{ reason: 'markup', segmentId: expect.stringMatching(/^p-/), position: { line: 11 } }],
    });
  });

  test('a damaged front matter is reported as such', async () => {
    write(ws, FINALE, ws.read(FINALE).replace('lang: it\n', 'lang: it\nsummary: twice\n'));
    await expect(translate(ws, recordingPseudo())).rejects.toMatchObject({
      broken: [{ reason: 'frontMatter', position: { line: 5 } }],
    });
  });

  test('an output without its state file is never overwritten', async () => {
    ws.remove();
    ws = copyWorkspace();
    write(ws, 'articles/en/finale.md', ws.read('articles/en/finale.md'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${ws.dir}/output/it/en`, { recursive: true });
    write(ws, FINALE, 'A translator wrote this by hand.\n');
    await expect(translate(ws, recordingPseudo())).rejects.toMatchObject({ broken: [{ reason: 'noState' }] });
    expect(ws.read(FINALE)).toBe('A translator wrote this by hand.\n');
  });

  test('source changed and output edited: compared with the snapshot of the old source', async () => {
    const mt = pseudoTranslate('The crew applauded.');
    write(ws, 'output/it/en/set.md', ws.read('output/it/en/set.md').replace(mt, 'La troupe applaudì.'));
    write(
      ws,
      'articles/en/set.md',
      ws.read('articles/en/set.md').replace('Kim Soo-hyun thanked the fans.', 'Kim Soo-hyun thanked everyone.'),
    );
    const engine = recordingPseudo();
    await translate(ws, engine);
    expect(engine.sent).toEqual([['<x id="t1"/> thanked everyone.']]);
    const records = ws.state('output/it/en/set.md.state.json').segments;
    expect(records.find((r) => r.source === 'The crew applauded.')).toMatchObject({
      target: 'La troupe applaudì.',
      state: 'edited',
      engine: 'human',
    });
  });
});

describe('state files that do not belong', () => {
  test('a state file copied from another article is refused, naming it', async () => {
    write(ws, FINALE_STATE, ws.read('output/it/en/set.md.state.json'));
    await expect(translate(ws, recordingPseudo())).rejects.toMatchObject({
      code: 'state.otherArticle',
      params: { file: `${ws.dir}/${FINALE_STATE}`, found: 'en/set.md (en→it)', expected: 'en/finale.md (en→it)' },
    });
  });
});

describe('workspace lock', () => {
  test('a second run on a locked workspace stops with a clear error before reading anything', async () => {
    const lock = acquireWorkspaceLock(ws.dir);
    try {
      await expect(translate(ws, recordingPseudo())).rejects.toMatchObject({
        code: 'lock.busy',
        params: { pid: process.pid },
      });
    } finally {
      lock.release();
    }
  });
});
