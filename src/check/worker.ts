/**
 * A worker thread of `storyloc check` (see parallel.ts): takes chunks of translations from the shared
 * counter, posts each chunk's results as plain data, and says when none is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCheckWorker, type CheckWorkerData, type CheckWorkerMessage } from './parallel.js';

runCheckWorker(workerData as CheckWorkerData, (message: CheckWorkerMessage) => parentPort?.postMessage(message));
