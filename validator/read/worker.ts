/**
 * The reader worker (bundled to dist/validator/worker.mjs). It runs one ReadJob under the
 * resource limits and timeout set by guarded.ts, so a workbook that makes exceljs allocate
 * gigabytes kills this thread, not the CLI or the add-on server that asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadJob } from './guarded';
import { readFileOnce } from './read-job';
import { tablesToData } from './table-data';

if (!parentPort) throw new Error('validator/read/worker must run as a worker thread (see guarded.ts)');
const port = parentPort;
const job = workerData as ReadJob;
const result = await readFileOnce(job.filePath, job.limits ? { limits: job.limits } : {});
// A class instance loses its prototype in a structured clone: columnar tables cross as plain
// data (typed arrays and their cells) and guarded.ts rebuilds them.
port.postMessage(result.ok ? { ...result, workbook: tablesToData(result.workbook) } : result);
