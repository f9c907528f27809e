#!/usr/bin/env node
// Worker process entry (forked by the job pool): receives one JobMessage, trains, reports, exits.
import { trainModel } from './train-model.js';
import type { JobMessage, WorkerMessage } from './worker-messages.js';

function post(message: WorkerMessage): void {
  process.send?.(message);
}

function finish(): void {
  process.disconnect?.();
  // Exit even if a backend keeps a handle open; the parent has the 'done' message already.
  setTimeout(() => process.exit(), 2000).unref();
}

process.once('message', (message: JobMessage) => {
  trainModel(message, post).then(finish, (error: unknown) => {
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    finish();
  });
});
