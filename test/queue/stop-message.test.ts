import { describe, expect, test } from '@jest/globals';
import { EngineError } from '../../src/engines/types.js';
import { initI18n } from '../../src/i18n/index.js';
import { describeQueueStop } from '../../src/queue/stop-message.js';
import { runTranslationQueue } from '../../src/queue/run.js';
import { jobs, queueOptions, ScriptedEngine } from './helpers.js';

describe('describeQueueStop', () => {
  test('says why the run stopped, what is saved and how to continue', async () => {
    initI18n('en');
    const engine = new ScriptedEngine((call) =>
      call === 1 ? { error: new EngineError('quota', 'quota exceeded', { status: 456 }) } : {},
    );
    const outcome = await runTranslationQueue(engine, jobs(120), queueOptions({ concurrency: 1 }));
    expect(describeQueueStop(outcome)).toBe(
      'The engine quota is used up: sending stopped. 50 texts are translated and saved; run the same command again when the quota allows to translate the remaining 70.',
    );
    const budget = await runTranslationQueue(new ScriptedEngine(), jobs(12), queueOptions({ maxChars: 20 }));
    expect(describeQueueStop(budget, { maxChars: 20 })).toBe(
      'The budget of 20 billed characters is reached: 2 texts were not sent. Run again with a larger --max-chars to continue.',
    );
    const done = await runTranslationQueue(new ScriptedEngine(), jobs(2), queueOptions());
    expect(describeQueueStop(done)).toBeNull();
  });
});
