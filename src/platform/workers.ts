/**
 * Worker threads running our TypeScript modules. The sources run through tsx (no build step), and a
 * worker does not inherit the loader its parent registered, so the worker starts with a line of
 * JavaScript that registers tsx and then imports the module (with the same `workerData`).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startTsWorker(module: URL, opts: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(code, { ...opts, eval: true });
}
