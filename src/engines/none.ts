/**
 * The `none` engine: translates nothing. Segments stay for a translator and the pipeline marks them
 * `untranslated`. The queue sees `leavesUntranslated` and sends nothing; copying the source into the
 * target instead would pass checks and ship English text as Italian.
 */
import type { Engine } from './types.js';

export function createNoneEngine(): Engine {
  return {
    name: 'none',
    leavesUntranslated: true,
    enforcesGlossary: () => false,
    async translateBatch() {
      // A caller bug, not a user error: check `leavesUntranslated` before queueing.
      throw new Error('the none engine translates nothing: check engine.leavesUntranslated before sending texts');
    },
  };
}
