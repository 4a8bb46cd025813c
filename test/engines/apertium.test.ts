import { spawn } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import {
  apertiumRoute,
  createApertiumEngine,
  fromApertiumHtml,
  splitParagraphs,
  toApertiumHtml,
  type SpawnFunction,
} from '../../src/engines/apertium.js';
import { EngineError } from '../../src/engines/types.js';
import { StorylocError } from '../../src/errors.js';
import { runTranslationQueue } from '../../src/queue/run.js';
import { job, queueOptions } from '../queue/helpers.js';
import { toolAvailable } from '../support/tools.js';

const hasApertium = toolAvailable('apertium');
const itIf = hasApertium ? test : test.skip;
const installedModes = ['eng-spa', 'ita-spa', 'spa-eng', 'spa-eng_US', 'spa-ita'];

describe('apertium: routes and tag mapping (no Apertium needed)', () => {
  test('pivots through Spanish when there is no direct mode; no route for a pair without data', () => {
    expect(apertiumRoute('en', 'it', installedModes)).toEqual(['eng-spa', 'spa-ita']);
    expect(apertiumRoute('es', 'it', installedModes)).toEqual(['spa-ita']);
    expect(apertiumRoute('en', 'es', installedModes)).toEqual(['eng-spa']);
    expect(apertiumRoute('ko', 'it', installedModes)).toBeNull();
    expect(apertiumRoute('it', 'en', installedModes)).toEqual(['ita-spa', 'spa-eng']);
  });

  test('maps inline tags to HTML Apertium keeps, and back', () => {
    const text = 'A <g id="1">b <g id="2">c</g></g> <x id="3"/> <g id="4"><x id="t1"/></g> &amp; ⟪T1⟫';
    const html = toApertiumHtml(text);
    expect(html).toBe(
      'A <span data-g="1">b <span data-g="2">c</span></span> zqx3qxz <span data-g="4">zqxt1qxz</span> &amp; ⟪T1⟫',
    );
    expect(fromApertiumHtml(html)).toBe(text);
    // Capitalised by Apertium at a sentence start or in all-caps text: still the same tag.
    expect(fromApertiumHtml('Zqxt1qxz e ZQX3QXZ')).toBe('<x id="t1"/> e <x id="3"/>');
  });

  test('a standalone tag glued to a word stays a tag, so it cannot merge into the word', () => {
    expect(toApertiumHtml('note<x id="5"/> and <g id="1">x</g><x id="6"/>.')).toBe(
      'note<br data-x="5"> and <span data-g="1">x</span><br data-x="6">.',
    );
    expect(fromApertiumHtml('nota<br data-x="5"> e <br data-x="6"/></br>.')).toBe('nota<x id="5"/> e <x id="6"/>.');
  });

  test('merges a span Apertium split while reordering words', () => {
    expect(
      fromApertiumHtml(
        '<span data-g="1">Intrépido</span> <span data-g="1"><span data-g="2">nested</span></span> <span data-g="1">le parole</span> sono qui',
      ),
    ).toBe('<g id="1">Intrépido <g id="2">nested</g> le parole</g> sono qui');
  });

  test('keeps only the first piece when merging would cross another span', () => {
    expect(fromApertiumHtml('<span data-g="2">x <span data-g="1">a</span></span> <span data-g="1">c</span>')).toBe(
      '<g id="2">x <g id="1">a</g></g> c',
    );
  });

  test('splits the document back by paragraph index and refuses a lost paragraph', () => {
    expect(splitParagraphs('<p data-i="1">b</p>\n<p data-i="0">a\nx</p>', 2)).toEqual(['a\nx', 'b']);
    expect(() => splitParagraphs('<p data-i="0">a</p>', 2)).toThrow(EngineError);
    expect(() => splitParagraphs('<p data-i="0">a</p>', 2)).toThrow('apertium output lost paragraph 1 of 2');
  });
});

describe(`apertium: the real Debian binary${hasApertium ? '' : ' (SKIPPED: apertium is not installed)'}`, () => {
  itIf(
    'translates en→it through Spanish, keeping inline tags and glossary placeholders (also inside tags)',
    async () => {
      const engine = createApertiumEngine();
      const result = await engine.translateBatch({
        sourceLang: 'en',
        targetLang: 'it',
        texts: [
          'The cat is black.',
          'The <g id="1">red</g> car is fast.',
          'The big <x id="2"/> house.',
          'Yesterday <x id="t1"/> visited the city.',
          'A video of the drama <g id="1"><x id="t1"/></g> was uploaded by the channel <g id="2"><x id="t2"/></g>.',
          '<g id="1">Bold <g id="2">nested</g> words</g> are here',
          '',
          'The actors &amp; the crew arrived.',
        ],
      });
      // Where the reordered "red car" keeps its tag depends on the Debian package's version (older ones
      // tag the adjective, current ones the noun): the words, and one balanced tag on one of the two words,
      // are what matters.
      const redCar = result.texts[1]!;
      expect(redCar.replace(/<\/?g[^>]*>/g, '')).toBe('La macchina rossa è rapidamente.');
      expect(redCar.match(/<\/?[gx][^>]*>/g)).toEqual(['<g id="1">', '</g>']);
      expect([
        'La macchina <g id="1">rossa</g> è rapidamente.',
        'La <g id="1">macchina</g> rossa è rapidamente.',
      ]).toContain(redCar);
      expect(result).toEqual({
        texts: [
          'Il gatto è nero.',
          redCar,
          'Il grande <x id="2"/> casa.',
          'Ieri <x id="t1"/> ha visitato la città.',
          'Un video dell\'opera <g id="1"><x id="t1"/></g> fu caricato dal canale <g id="2"><x id="t2"/></g>.',
          '<g id="1">Intrépido <g id="2">nested</g> le parole</g> sono qui',
          '',
          "Gli attori &amp; l'equipaggio è arrivato.",
        ],
        billedCharacters: 0,
      });
      expect(engine.enforcesGlossary('en', 'it')).toBe(false);
    },
  );

  itIf('translates es→it with the direct mode', async () => {
    const result = await createApertiumEngine().translateBatch({
      sourceLang: 'es',
      targetLang: 'it',
      texts: ['El gato es negro.'],
    });
    expect(result.texts).toEqual(['Il gatto è nero.']);
  });

  itIf('runs one process pipeline per batch, never one per segment', async () => {
    const spawned: Array<[string, readonly string[]]> = [];
    const countingSpawn: SpawnFunction = (command, args, options) => {
      spawned.push([command, args]);
      return spawn(command, args, options);
    };
    const engine = createApertiumEngine({ spawn: countingSpawn });
    const texts = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'];
    await engine.translateBatch({ sourceLang: 'en', targetLang: 'it', texts });
    await engine.translateBatch({ sourceLang: 'en', targetLang: 'it', texts });
    // The mode list once, then one shell pipeline (eng-spa | spa-ita) per batch.
    expect(
      spawned.map(([command, args]) => [command, args[0] === '-c' ? args.slice(2, 3).concat(args.slice(4)) : args]),
    ).toEqual([
      ['apertium', ['-l']],
      ['sh', ['apertium', 'eng-spa', 'spa-ita']],
      ['sh', ['apertium', 'eng-spa', 'spa-ita']],
    ]);
  });

  itIf('ko→it: a clear input error (exit 2), before and during translation', async () => {
    const engine = createApertiumEngine();
    const expected = {
      code: 'engine.apertium.unsupportedPair',
      messageKey: 'engines:apertium.unsupportedPair',
      exitCode: 2,
    };
    await expect(engine.checkPairs?.([{ source: 'ko', target: 'it' }])).rejects.toMatchObject(expected);
    await expect(
      engine.translateBatch({ sourceLang: 'ko', targetLang: 'it', texts: ['안녕하세요.'] }),
    ).rejects.toMatchObject(expected);
    await expect(engine.checkPairs?.([{ source: 'en', target: 'it' }])).resolves.toBeUndefined();
  });

  itIf('through the queue: one request for the batch, translations by key', async () => {
    const outcome = await runTranslationQueue(
      createApertiumEngine(),
      [job('The cat is black.'), job('The dog.'), job('The cat is black.')],
      queueOptions(),
    );
    expect(outcome.summary.requests).toBe(1);
    expect(outcome.translations.get(job('The cat is black.').key)).toBe('Il gatto è nero.');
    expect(outcome.translations.get(job('The dog.').key)).toBe('Il cane.');
  });
});

describe('apertium: not installed', () => {
  test('a missing command is a clear input error (exit 2)', async () => {
    const engine = createApertiumEngine({ command: 'storyloc-no-such-apertium' });
    const error = await engine
      .translateBatch({ sourceLang: 'en', targetLang: 'it', texts: ['Hello.'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorylocError);
    expect(error).toMatchObject({
      code: 'engine.apertium.notInstalled',
      exitCode: 2,
      params: { command: 'storyloc-no-such-apertium' },
    });
  });
});
