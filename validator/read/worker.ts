/**
 * The reader worker (bundled to dist/validator/worker.mjs). It runs one ReadJob under the
 * resource limits and timeout set by guarded.ts, so a workbook that makes exceljs allocate
 * gigabytes kills this thread, not the CLI or the add-on server that asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runReadJob, type ReadJob } from './read-job';

if (!parentPort) throw new Error('validator/read/worker must run as a worker thread (see guarded.ts)');
const port = parentPort;
const result = await runReadJob(workerData as ReadJob);
port.postMessage(result);
