/**
 * Property-based tests of XLIFF and TMX (issue 16): a state built from generated stories' segments, with
 * a translator's generated edits and approvals, goes out as XLIFF and comes back into the machine-
 * translated state as exactly that state (targets and states), and importing it again changes nothing;
 * its approved units go out as TMX and parse back as the same pairs. CI size: 25 generated states per
 * property; fixed seed (settings.ts); `FC_RUNS=10000` for a nightly-sized run.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseArticle } from '../../src/articles/read.js';
import { pseudoTranslate } from '../../src/engines/pseudo.js';
import { StorylocError } from '../../src/errors.js';
import { applyXliffFile } from '../../src/interchange/apply.js';
import { approvedUnits, exportTmx, parseTmx } from '../../src/interchange/tmx.js';
import { exportXliff, parseXliff } from '../../src/interchange/xliff.js';
import { mergeState } from '../../src/memory/merge.js';
import type { ArticleState, SegmentRecord } from '../../src/memory/types.js';
import { escapeXml } from '../../src/segments/xml.js';
import { storyArbitrary } from './markdown-generators.js';
import { propertySettings, propertyTimeout } from './settings.js';

const NOW = '2024-05-01T10:00:00.000Z';

/** What a translator does to one segment in the CAT tool. */
type Action = { kind: 'keep' } | { kind: 'edit' | 'approve'; prefix: string | null };

const italian = ['Nuovo', 'città', 'perché', "l'ultimo", 'È', 'caffè & tè', '<sì>', '“virgolette”', '김수현'];
const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ kind: 'keep' }),
  fc.record({
    kind: fc.constantFrom<'edit' | 'approve'>('edit', 'approve'),
    prefix: fc.option(fc.constantFrom(...italian), { nil: null }),
  }),
);

/** The machine-translated state of a story: every segment pseudo-translated. */
function machineState(text: string): ArticleState | null {
  let segments: ReturnType<typeof parseArticle>['segments'];
  try {
    segments = parseArticle({
      path: 'en/generated.md',
      relativePath: 'en/generated.md',
      lang: 'en',
      text,
      frontMatterKeys: ['title', 'summary'],
    }).segments;
  } catch (error) {
    if (error instanceof StorylocError) return null;
    throw error;
  }
  const records = mergeState(null, segments, { now: NOW }).records.map(
    (record): SegmentRecord => ({
      ...record,
      target: pseudoTranslate(record.source),
      state: 'machine',
      engine: 'pseudo',
      changedBy: 'storyloc',
      changedAt: NOW,
    }),
  );
  return {
    version: 1,
    article: 'en/generated.md',
    sourceLang: 'en',
    targetLang: 'it',
    sourceFileHash: 'f'.repeat(64),
    segments: records,
  };
}

/** The state the translator means: the actions applied the way an import records them. */
function intended(state: ArticleState, actions: readonly Action[]): ArticleState {
  const segments = state.segments.map((record, index): SegmentRecord => {
    const action = actions[index % actions.length]!;
    if (action.kind === 'keep') return record;
    const target = action.prefix === null ? record.target! : `${escapeXml(action.prefix)} ${record.target!}`;
    const textChanged = target !== record.target;
    const next: SegmentRecord = {
      ...record,
      target,
      state: action.kind === 'edit' ? 'edited' : 'approved',
      changedBy: 'ana',
      changedAt: NOW,
    };
    if (textChanged) next.engine = 'human';
    if (action.kind === 'approve') Object.assign(next, { approvedTarget: target, approvedSource: record.source });
    // a "translated" confirmation of an unchanged machine text is no news: the import keeps it as is
    return action.kind === 'edit' && !textChanged ? record : next;
  });
  return { ...state, segments };
}

const RUNS = 25;
const stories = storyArbitrary(3).filter(({ crlf }) => !crlf);

describe('XLIFF and TMX built from generated segments', () => {
  test(
    'XLIFF: export of the intended state imports into the machine state as exactly that state; again, nothing',
    () => {
      fc.assert(
        fc.property(stories, fc.array(actionArbitrary, { minLength: 1, maxLength: 8 }), ({ text }, actions) => {
          const machine = machineState(text);
          if (machine === null || machine.segments.length === 0) return;
          const wanted = intended(machine, actions);
          const [file] = parseXliff(exportXliff([wanted]), 'back.xlf');
          const imported = applyXliffFile(machine, file!, { by: 'ana', now: NOW });
          expect(imported.refused).toEqual([]);
          expect(imported.state.segments).toEqual(wanted.segments);
          const again = applyXliffFile(imported.state, parseXliff(exportXliff([imported.state]), 'again.xlf')[0]!, {
            by: 'ana',
            now: NOW,
          });
          expect([again.applied, again.refused]).toEqual([[], []]);
        }),
        propertySettings(RUNS),
      );
    },
    propertyTimeout(RUNS, 50),
  );

  test(
    'TMX: the approved units parse back as the same source and target pairs',
    () => {
      fc.assert(
        fc.property(stories, fc.array(actionArbitrary, { minLength: 1, maxLength: 8 }), ({ text }, actions) => {
          const machine = machineState(text);
          if (machine === null) return;
          const units = approvedUnits([intended(machine, actions)]);
          const parsed = parseTmx(exportTmx({ source: 'en', target: 'it' }, units), 'memory.tmx');
          expect(parsed.skipped).toBe(0);
          expect(parsed.units.map((unit) => [unit.source, unit.target, unit.targetLang])).toEqual(
            units.map((unit) => [unit.source, unit.target, 'it']),
          );
        }),
        propertySettings(RUNS),
      );
    },
    propertyTimeout(RUNS, 50),
  );
});
