/** Writes the files it is given (generate.ts), so the bench can use both cores. */
import { parentPort, workerData } from 'node:worker_threads';
import { generateFile, type GenerateOptions } from './generate.ts';

const { opts, files } = workerData as { opts: GenerateOptions; files: number[] };
parentPort!.postMessage(files.map((f) => generateFile(opts, f)));
