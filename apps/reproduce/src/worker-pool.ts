import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JobMessage, WorkerMessage } from './worker-messages.js';

// From dist/ the worker sits beside this file; under vitest (src/*.ts) use the built one.
const WORKER_ENTRY = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../dist/worker.js' : './worker.js', import.meta.url),
);
const live = new Set<ChildProcess>();

/** Kills every worker this process started (on Ctrl-C or a kill of the parent). */
export function killWorkers(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of live) child.kill(signal);
}

/**
 * Trains one model in a fresh child process (a crash or leak stays in the child; a kill loses at most
 * the current epoch, which the checkpoint resumes). Resolves when the worker reports 'done' and exits.
 */
export function runInWorker(message: JobMessage, onMessage: (m: WorkerMessage) => void): Promise<{ seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER_ENTRY, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    live.add(child);
    let done: { seconds: number } | null = null;
    let failure: string | null = null;
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'done') done = { seconds: m.seconds };
      else if (m.type === 'error') failure = m.message;
      else onMessage(m);
    });
    child.on('error', (error) => {
      failure ??= error.message;
    });
    child.on('exit', (code, signal) => {
      live.delete(child);
      const name = `${message.job.experiment}/${message.job.model}`;
      if (done && code === 0) resolve(done);
      else if (failure) reject(new Error(`model ${name} failed in its worker:\n${failure}`));
      else
        reject(
          new Error(
            `model ${name}: worker exited with ${signal ? `signal ${signal}` : `code ${code}`} before finishing`,
          ),
        );
    });
    child.send(message);
  });
}
