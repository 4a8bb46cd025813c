/**
 * The writer thread of a long run (see atomic-write-thread.ts): it makes each atomic write it is sent,
 * with the very steps of `atomic-steps.ts`, and answers with the write's id and, on failure, the error's
 * errno code and message (its temporary file removed first, as `writeFileAtomic` does).
 */
import { rmSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { writeThroughFd } from './atomic-steps.js';
import type { WriteReply, WriteRequest } from './atomic-write-thread.js';

function reply(message: WriteReply): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (request: WriteRequest) => {
  const created = { temp: false };
  writeThroughFd(request.dir, request.temp, request.file, request.data, created).then(
    () => reply({ id: request.id }),
    (error: NodeJS.ErrnoException) => {
      if (created.temp) rmSync(request.temp, { force: true });
      reply({ id: request.id, failure: { code: error.code, message: error.message } });
    },
  );
});
