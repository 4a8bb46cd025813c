import { describe, expect, test } from '@jest/globals';
import { createTermMatcher } from '../../src/glossary/matcher.js';
import {
  placeholderFlags,
  protectTerms,
  restoreTerms,
  translateWithPlaceholders,
} from '../../src/glossary/placeholders.js';
import { glossaryUsageFor, changedEntriesIn } from '../../src/glossary/usage.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { createApertiumEngine } from '../../src/engines/apertium.js';
import { toolAvailable } from '../support/tools.js';
import { listGlossaryFiles, readTermbaseFiles } from '../../src/glossary/load.js';
import path from 'node:path';
import type { Engine, TranslateBatchRequest } from '../../src/engines/types.js';
import { entry, seedTermbase, termbase } from './factory.js';

const tb = seedTermbase();
const en = createTermMatcher(tb, 'en');
const ko = createTermMatcher(tb, 'ko');

/** A tiny engine that rewrites each text with `edit` (what a misbehaving MT does to placeholders). */
function editingEngine(edit: (text: string) => string): Engine {
  return {
    name: 'none',
    enforcesGlossary: () => false,
    translateBatch: async (request: TranslateBatchRequest) => ({ texts: request.texts.map(edit), billedCharacters: 0 }),
  };
}

describe('protect and restore', () => {
  test('matched terms become standalone tags; the source slice and the target form are kept', () => {
    const text = 'Kim Soo-hyun stars in <g id="1">Queen of Tears</g> on tvN.';
    const result = protectTerms(text, en.match(text), tb, 'it');
    expect(result.text).toBe('<x id="t1"/> stars in <g id="1"><x id="t2"/></g> on <x id="t3"/>.');
    expect(result.placeholders.map((p) => [p.id, p.entryId, p.source, p.target])).toEqual([
      ['t1', 'kim-soo-hyun', 'Kim Soo-hyun', 'Kim Soo-hyun'],
      ['t2', 'queen-of-tears', 'Queen of Tears', 'La regina delle lacrime'],
      ['t3', 'tvn', 'tvN', 'tvN'],
    ]);
    expect(result.unprotected).toEqual([]);
  });

  test('Korean particles stay outside the placeholder', () => {
    const text = '김수현은 ‘눈물의 여왕’에서';
    expect(protectTerms(text, ko.match(text), tb, 'it').text).toBe('<x id="t1"/>은 ‘<x id="t2"/>’에서');
  });

  test('a term across inline markup is left unprotected (one tag cannot replace half a pair)', () => {
    const text = '<g id="1">Queen</g> of Tears';
    const result = protectTerms(text, en.match(text), tb, 'it');
    expect(result.text).toBe(text);
    expect(result.unprotected.map((m) => m.entryId)).toEqual(['queen-of-tears']);
  });

  test('restore puts the canonical target back, XML-escaped, tolerating rewritten empty tags', () => {
    const placeholders = protectTerms(
      'C++ (lang) & Queen of Tears',
      en.match('C++ (lang) &amp; Queen of Tears'),
      tb,
      'it',
    ).placeholders;
    expect(placeholders.map((p) => p.id)).toEqual(['t1', 't2']);
    const restored = restoreTerms('<x id=\'t1\' /> e <x id="t2"></x>', [
      { ...placeholders[0]!, target: 'C++ <linguaggio>' },
      placeholders[1]!,
    ]);
    expect(restored).toEqual({ text: 'C++ &lt;linguaggio&gt; e La regina delle lacrime', problems: [] });
  });

  test('Italian: a preposition before a title with an article merges with it', () => {
    const [placeholder] = protectTerms('Queen of Tears', en.match('Queen of Tears'), tb, 'it').placeholders;
    const restore = (text: string): string => restoreTerms(text, [placeholder!]).text;
    expect(restore('la storia di <x id="t1"/>')).toBe('la storia della regina delle lacrime');
    expect(restore('Di <x id="t1"/> si parla')).toBe('Della regina delle lacrime si parla');
    expect(restore('in <x id="t1"/>')).toBe('nella regina delle lacrime');
    expect(restore('<x id="t1"/> è in onda; guardo <x id="t1"/>')).toBe(
      'La regina delle lacrime è in onda; guardo La regina delle lacrime',
    );
    expect(restore('Radi <x id="t1"/>')).toBe('Radi La regina delle lacrime');
  });
});

describe('engines that lose or duplicate placeholders', () => {
  const texts = ['Kim Soo-hyun in Queen of Tears.', 'No term here.'];
  const request: TranslateBatchRequest = { texts, sourceLang: 'en', targetLang: 'it' };

  test('a dropped placeholder is reported, never silently published', async () => {
    const dropping = editingEngine((text) => text.replace('<x id="t2"/>', 'the show'));
    const result = await translateWithPlaceholders(dropping, request, (text) => en.match(text), tb);
    expect(result.texts).toEqual(['Kim Soo-hyun in the show.', 'No term here.']);
    expect(result.problems).toEqual([
      [{ code: 'placeholder.lost', placeholderId: 't2', entryId: 'queen-of-tears', count: 0 }],
      [],
    ]);
    expect(placeholderFlags(result.problems[0]!)).toEqual(['placeholder.lost:t2:queen-of-tears']);
  });

  test('a duplicated placeholder is reported; an invented one too', async () => {
    const duplicating = editingEngine((text) =>
      text.replace('<x id="t1"/>', '<x id="t1"/> (<x id="t1"/>) <x id="t9"/>'),
    );
    const result = await translateWithPlaceholders(duplicating, request, (text) => en.match(text), tb);
    // the English "in" the fake engine left is also Italian: it merges with the article
    expect(result.texts[0]).toBe('Kim Soo-hyun (Kim Soo-hyun) <x id="t9"/> nella regina delle lacrime.');
    expect(result.problems[0]).toEqual([
      { code: 'placeholder.duplicated', placeholderId: 't1', entryId: 'kim-soo-hyun', count: 2 },
      { code: 'placeholder.unknown', placeholderId: 't9', entryId: null, count: 1 },
    ]);
  });

  test('the real pseudo engine keeps every placeholder', async () => {
    const result = await translateWithPlaceholders(createPseudoEngine(), request, (text) => en.match(text), tb);
    expect(result.problems).toEqual([[], []]);
    expect(result.texts[0]).toContain('Kim Soo-hyun');
    expect(result.texts[0]).toContain('La regina delle lacrime');
    expect(result.texts[0]).not.toContain('Queen');
  });
});

const hasApertium = toolAvailable('apertium');
describe(`the real Apertium engine${hasApertium ? '' : ' (SKIPPED: apertium is not installed)'}`, () => {
  (hasApertium ? test : test.skip)(
    'every placeholder comes back; canonical Italian forms in place, articulated after "di"',
    async () => {
      const workspaceTermbase = readTermbaseFiles(listGlossaryFiles(path.join(process.cwd(), 'glossary'))).termbase;
      const matcher = createTermMatcher(workspaceTermbase, 'en');
      const texts = [
        'According to Good Data Corporation, <g id="1">Queen of Tears</g> kept first place for six consecutive weeks.',
        'The drama follows Hong Hae-in, a third-generation chaebol heiress, and her husband Baek Hyun-woo.',
        'The finale of Queen of Tears aired on tvN.',
      ];
      const result = await translateWithPlaceholders(
        createApertiumEngine(),
        { texts, sourceLang: 'en', targetLang: 'it' },
        (text) => matcher.match(text),
        workspaceTermbase,
      );
      expect(result.problems).toEqual([[], [], []]);
      expect(result.texts).toEqual([
        'Secondo Good Data Corporation, <g id="1">La regina delle lacrime</g> ha mantenuto primo posto partorisca sei settimane consecutivas.',
        "L'opera segue Hong Hae-in, una terza-generazione chaebol erede, e il suo marito Baek Hyun-woo.",
        'Il finale della regina delle lacrime aireado in tvN.',
      ]);
    },
  );
});

describe('versioning', () => {
  test('usage records entry ids with their hashes; a changed entry is found', () => {
    const usage = glossaryUsageFor('Kim Soo-hyun and <g id="1">Kim Ji-won</g> in Queen of Tears', en, tb);
    expect(Object.keys(usage)).toEqual(['kim-ji-won', 'kim-soo-hyun', 'queen-of-tears']);
    expect(usage['kim-soo-hyun']).toBe(tb.byId.get('kim-soo-hyun')!.hash);
    const changed = termbase(
      tb.entries.map((e) =>
        e.id === 'kim-ji-won'
          ? entry({ id: 'kim-ji-won', type: 'person', forms: { en: 'Kim Ji-won', ko: '김지원', it: 'Kim Ji Won' } })
          : e,
      ),
    );
    expect(changedEntriesIn(usage, changed)).toEqual(['kim-ji-won']);
    // a note does not change the hash
    const noted = entry({
      id: 'kim-ji-won',
      type: 'person',
      forms: { en: 'Kim Ji-won', ko: '김지원', it: 'Kim Ji-won' },
      note: 'actress',
    });
    expect(noted.hash).toBe(tb.byId.get('kim-ji-won')!.hash);
  });
});
