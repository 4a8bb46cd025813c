import { describe, expect, test } from '@jest/globals';
import { TranslationMemory } from '../../src/memory/translation-memory.js';
import { record, state } from './factories.js';

const enIt = { source: 'en', target: 'it' } as const;

describe('TranslationMemory', () => {
  test('exact match on the normalised source (NFC, collapsed whitespace) in the same pair', () => {
    const tm = new TranslationMemory();
    tm.addState(state([record('Café  opens.', { target: 'Apre il caffè.' })]));
    // Decomposed é and different spacing: the same sentence.
    const hit = tm.lookup(enIt, ' Cafe\u0301 opens.\n', {});
    expect(hit).toEqual({
      target: 'Apre il caffè.',
      state: 'machine',
      glossary: {},
      origin: `en/story.md#${record('Café  opens.').id}`,
    });
    expect(tm.lookup(enIt, 'Cafe opens.', {})).toBeNull();
    expect(tm.lookup({ source: 'ko', target: 'it' }, 'Café opens.', {})).toBeNull();
  });

  test('approved beats edited beats machine, whatever the loading order', () => {
    const tm = new TranslationMemory();
    tm.addState(state([record('Hi.', { target: 'm', state: 'machine' })], { article: 'en/a.md' }));
    tm.addState(state([record('Hi.', { target: 'e', state: 'edited' })], { article: 'en/b.md' }));
    tm.addState(state([record('Hi.', { target: 'a', state: 'approved' })], { article: 'en/c.md' }));
    tm.addState(state([record('Hi.', { target: 'm2', state: 'machine' })], { article: 'en/d.md' }));
    expect(tm.lookup(enIt, 'Hi.', {})?.target).toBe('a');
    const reversed = new TranslationMemory();
    reversed.addState(state([record('Hi.', { target: 'a', state: 'approved' })]));
    reversed.addState(state([record('Hi.', { target: 'e', state: 'edited' })]));
    expect(reversed.lookup(enIt, 'Hi.', {})?.target).toBe('a');
    const noApproved = new TranslationMemory();
    noApproved.addState(state([record('Hi.', { target: 'm', state: 'machine' })]));
    noApproved.addState(state([record('Hi.', { target: 'e', state: 'edited' })]));
    expect(noApproved.lookup(enIt, 'Hi.', {})?.target).toBe('e');
  });

  test('rejected, untranslated and flagged records are never offered', () => {
    const tm = new TranslationMemory();
    tm.addState(
      state([
        record('R.', { state: 'rejected', target: 'bad' }),
        record('U.', { state: 'untranslated', target: null }),
        record('F.', { state: 'machine', target: 'lost tag', flags: ['tags'] }),
      ]),
    );
    expect(tm.size).toBe(0);
    expect(tm.lookup(enIt, 'R.', {})).toBeNull();
  });

  test('a hit made with another version of a glossary entry is not reused', () => {
    const tm = new TranslationMemory();
    tm.addState(state([record('Kim Soo-hyun smiles.', { target: 'old', state: 'approved', glossary: { kim: 'h1' } })]));
    tm.addState(state([record('Kim Soo-hyun smiles.', { target: 'mt', state: 'machine', glossary: { kim: 'h2' } })]));
    expect(tm.lookup(enIt, 'Kim Soo-hyun smiles.', { kim: 'h2' })?.target).toBe('mt');
    expect(tm.lookup(enIt, 'Kim Soo-hyun smiles.', { kim: 'h3' })).toBeNull();
  });
});
