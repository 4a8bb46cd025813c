import { describe, expect, test } from '@jest/globals';
import { createNoneEngine } from '../../src/engines/none.js';

describe('none engine', () => {
  test('declares that it leaves segments untranslated and refuses to fake translations', async () => {
    const engine = createNoneEngine();
    expect(engine.name).toBe('none');
    expect(engine.leavesUntranslated).toBe(true);
    expect(engine.enforcesGlossary('en', 'it')).toBe(false);
    await expect(engine.translateBatch({ texts: ['Hello'], sourceLang: 'en', targetLang: 'it' })).rejects.toThrow(
      'the none engine translates nothing',
    );
  });
});
