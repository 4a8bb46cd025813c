/**
 * The DeepL thread's worker (see deepl-thread.ts): one deepl-node client, made from `workerData` as the
 * engine makes it on the main thread, runs each `translateText` call it is sent and answers with the
 * results (text and billed characters), or with the failure classified and its cause redacted of the key.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDeepLClient, deeplFailureOf } from './deepl.js';
import type { DeepLThreadData, ThreadReply, ThreadRequest } from './deepl-thread.js';
import { RedactedError } from './redact.js';

const { connection } = workerData as DeepLThreadData;
// loads deepl-node now, while the main thread reads the first articles
const client = createDeepLClient(connection);
const secrets = [connection.authKey];

function reply(message: ThreadReply): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (request: ThreadRequest) => {
  client.translateText(request.texts, request.sourceLang, request.targetLang, request.options).then(
    (results) =>
      reply({
        id: request.id,
        results: results.map((result) => ({ text: result.text, billedCharacters: result.billedCharacters })),
      }),
    (error: unknown) =>
      reply({ id: request.id, failure: deeplFailureOf(error), cause: new RedactedError(error, secrets).parts() }),
  );
});
