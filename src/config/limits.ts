/**
 * The default input limits (config `limits`), apart from the config loader so that reading and segmenting
 * a story (a `roundtrip` worker thread, the library) does not load the YAML parser.
 */
import type { ArticleLimits } from './types.js';

/**
 * No news paragraph is 1 MB long, and no story nests quotes or lists 100 deep (marked needs seconds for
 * lists a few hundred deep, and overflows the stack at a few thousand).
 */
export const DEFAULT_ARTICLE_LIMITS: ArticleLimits = { maxBlockChars: 1_000_000, maxNestingDepth: 100 };
