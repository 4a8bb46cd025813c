/**
 * A worker thread of `storyloc check` (see parallel.ts): checks the translations it takes from the
 * shared counter (io/shared-work.ts).
 */
import { serveSharedWork } from '../io/shared-work.js';
import { prepareCheckWorker } from './parallel.js';

serveSharedWork(prepareCheckWorker);
