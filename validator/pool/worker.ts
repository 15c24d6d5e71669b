/**
 * The pool worker (bundled to dist/validator/pool-worker.mjs): answers one request at a time,
 * reading and checking a whole file in this thread (check-file.ts, or the upload page's
 * checkUploadHere), and posts back only the result. Runs under the pool's heap limit and timeout.
 */
import { parentPort } from 'node:worker_threads';
import { checkUploadHere, type CheckUploadRequest } from '../serve/check.js';
import { checkFile, type CheckFileJob } from './check-file.js';

export type PoolRequest = { readonly task: 'check-file'; readonly job: CheckFileJob } | { readonly task: 'upload'; readonly request: CheckUploadRequest };

if (!parentPort) throw new Error('validator/pool/worker must run as a worker thread (see pool.ts)');
const port = parentPort;
port.on('message', (req: PoolRequest) => {
  void (async () => {
    if (req.task === 'check-file') {
      port.postMessage(await checkFile(req.job));
    } else {
      port.postMessage(await checkUploadHere(req.request));
    }
  })();
});
