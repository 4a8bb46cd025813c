import { test } from '@jest/globals';
import { createApertiumEngine } from '../../src/engines/apertium.js';
test('scratch', async () => {
  const engine = createApertiumEngine();
  const r = await engine.translateBatch({ sourceLang: 'en', targetLang: 'it', texts: [
    'The <g id="1">red</g> car is fast.', 'The big <x id="2"/> house.', '<g id="1">Bold <g id="2">nested</g> words</g> are here', '', 'Kim Soo-hyun &amp; Kim Ji-won star in ⟪T1⟫.', 'It\'s John\'s car.', 'The cat is black.', 'I like <g id="1">very good</g> food', ' Hello world. ' ] });
  console.log(JSON.stringify(r.texts, null, 1));
});
