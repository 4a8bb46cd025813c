/**
 * A worker thread of `storyloc roundtrip` (see roundtrip-parallel.ts): takes chunks of files from the
 * shared counter, posts each chunk's results as plain data, and says when no file is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  checkClaimedFiles,
  toPortable,
  type RoundtripWorkerData,
  type RoundtripWorkerMessage,
} from './roundtrip-parallel.js';

const data = workerData as RoundtripWorkerData;
const post = (message: RoundtripWorkerMessage): void => parentPort?.postMessage(message);
checkClaimedFiles(data, data.next, (start, results) => post({ start, results: results.map(toPortable) }));
post({ done: true });
