/**
 * A worker thread of `storyloc roundtrip` (see roundtrip-files.ts): round trips the files it takes from
 * the shared counter (io/shared-work.ts).
 */
import { serveSharedWork } from '../io/shared-work.js';
import { roundtripByIndex } from './roundtrip-files.js';

serveSharedWork(roundtripByIndex);
