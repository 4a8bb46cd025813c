/**
 * The example workspace as a fresh clone has it (approved Italian committed, no `.storyloc/`): reruns are
 * clean, and a translator's realistic edits of a committed output, all saved at once, are recorded as
 * `edited` and kept byte for byte.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { copyExampleWorkspace, type TempWorkspace } from '../e2e/workspace.js';
import { recordingPseudo, translate, write } from './helpers.js';

const EN = 'output/it/en/queen-of-tears.md';
const EN_STATE = `${EN}.state.json`;
const KO = 'output/it/ko/queen-of-tears.md';

let ws: TempWorkspace;
beforeEach(() => {
  ws = copyExampleWorkspace();
});
afterEach(() => ws.remove());

/** Every version-controlled file (`.storyloc/` is local bookkeeping). */
const committed = (): Map<string, string> =>
  new Map(
    ws
      .files()
      .filter((f) => !f.startsWith('.storyloc/'))
      .map((f) => [f, ws.read(f)]),
  );

/** Replaces one exact occurrence, failing loudly when the example text no longer has it. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe('a fresh clone of the example workspace', () => {
  test('translates twice with nothing sent and nothing version-controlled changed', async () => {
    expect(ws.files().some((f) => f.startsWith('.storyloc/'))).toBe(false);
    const before = committed();
    expect([...before.keys()].filter((f) => f.startsWith('output/'))).toEqual([EN, EN_STATE, KO, `${KO}.state.json`]);
    for (let run = 1; run <= 2; run++) {
      const engine = recordingPseudo();
      const summary = await translate(ws, engine);
      expect(engine.sent).toEqual([]);
      expect({
        run,
        humanEdits: summary.humanEdits,
        stale: summary.stale,
        untranslated: summary.untranslated,
        written: summary.written,
      }).toEqual({
        run,
        humanEdits: 0,
        stale: 0,
        untranslated: 0,
        written: [],
      });
      expect(committed()).toEqual(before);
    }
  });

  test("a translator's edits saved at once (sentences merged, a sentence added, a table cell, alt text, the title) are all recorded and kept", async () => {
    const original = ws.read(EN);
    let text = original;
    // Two sentences merged into one.
    text = edit(
      text,
      'in ospedale. Era crollata a causa della sua rara malattia.',
      'in ospedale, dove era crollata per la sua rara malattia.',
    );
    // A sentence added at the end of a paragraph.
    text = edit(
      text,
      'i due attori hanno chiuso la scena in modo impeccabile.',
      'i due attori hanno chiuso la scena in modo impeccabile. Nessuno se n’è accorto.',
    );
    // A table cell, the image's alt text, the front-matter title.
    text = edit(text, '| Primo posto |', '| 1° posto |');
    text = edit(text, '![Kim Soo-hyun e Kim Ji-won sul set]', '![Kim Soo-hyun e Kim Ji-won sul set di tvN]');
    text = edit(
      text,
      'title: “La regina delle lacrime”, Kim Soo-hyun continua ad accarezzare',
      'title: “La regina delle lacrime”, Kim Soo-hyun accarezza ancora',
    );
    write(ws, EN, text);
    const before = ws.state(EN_STATE).segments;

    const engine = recordingPseudo();
    const summary = await translate(ws, engine);
    expect(engine.sent).toEqual([]);
    expect(ws.read(EN)).toBe(text);
    const after = ws.state(EN_STATE).segments;
    const changed = after.filter((record, i) => JSON.stringify(record) !== JSON.stringify(before[i]));
    const bySource = (start: string): string => {
      const found = after.find((record) => record.source.startsWith(start));
      if (!found) throw new Error(`no record for ${start}`);
      return found.id;
    };
    const merged = [bySource('In the video'), bySource('She had collapsed')];
    expect(changed.map((record) => record.id).sort()).toEqual(
      [
        ...merged,
        bySource('When the director'),
        bySource('First place'),
        bySource('Kim Soo-hyun and Kim Ji-won on set'),
        bySource('“Queen of Tears” Kim'),
      ].sort(),
    );
    expect(summary.humanEdits).toBe(6);
    for (const record of changed)
      expect(record).toMatchObject({
        state: 'edited',
        engine: 'human',
        changedBy: 'ana',
        changedAt: '2024-05-01T10:00:00.000Z',
      });
    const target = (id: string): string | null => after.find((record) => record.id === id)!.target;
    // The merged sentence is shared by the two segments; joined by their gap, it is the translator's text.
    expect(`${target(merged[0]!)} ${target(merged[1]!)}`).toBe(
      'Nel video Baek Hyun-woo, interpretato da <g id="1">Kim Soo-hyun</g>, abbraccia forte Hong Hae-in, interpretata da <g id="2">Kim Ji-won</g>, dopo che lei si è risvegliata in ospedale, dove era crollata per la sua rara malattia.',
    );
    expect(target(bySource('When the director'))).toBe(
      'Quando il regista ha gridato “Stop”, i due attori hanno chiuso la scena in modo impeccabile. Nessuno se n’è accorto.',
    );
    expect(target(bySource('First place'))).toBe('1° posto');
    expect(target(bySource('Kim Soo-hyun and Kim Ji-won on set'))).toBe('Kim Soo-hyun e Kim Ji-won sul set di tvN');
    expect(target(bySource('“Queen of Tears” Kim'))).toBe(
      '“La regina delle lacrime”, Kim Soo-hyun accarezza ancora la testa di Kim Ji-won dopo lo stop',
    );

    // The next run finds nothing new and rewrites nothing.
    const stable = committed();
    const again = recordingPseudo();
    const rerun = await translate(ws, again);
    expect({ sent: again.sent, humanEdits: rerun.humanEdits, written: rerun.written }).toEqual({
      sent: [],
      humanEdits: 0,
      written: [],
    });
    expect(committed()).toEqual(stable);
  });
});
