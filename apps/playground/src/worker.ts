// The training worker: builds, trains and measures the two models off the page's thread, so drawing and the
// controls never wait for tfjs. Commands (protocol.ts) only change what it should do next; one loop (pump)
// does it, one epoch at a time, and lets new messages in between epochs.
import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from './backend.js';
import { PairTrainer, type EpochReport } from './pair-trainer.js';
import type { FromWorker, ToWorker } from './protocol.js';

let trainer: PairTrainer | null = null;
/** The run the trainer belongs to: its data and epochs carry it. */
let run = 0;
/**
 * The run of the latest reset received, maybe not built yet: `state` answers carry it, since they describe
 * what the worker will do next (an answer tagged with the superseded run would be dropped by the page).
 */
let latestRun = 0;
let pendingReset: Extract<ToWorker, { type: 'reset' }> | null = null;
let playing = false;
let stepsAsked = 0;
let pumping = false;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

const backendReady = startBackend().then((backend) => post({ type: 'backend', backend }));

/** Resolves after the queued tasks (our messages among them) have run; faster than setTimeout's clamped 4 ms. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function postEpoch(report: EpochReport): void {
  const { baseline, mixup } = report.models;
  const numTensors = tf.memory().numTensors;
  post({ type: 'epoch', run, report, numTensors }, [baseline.pClass1.buffer, mixup.pClass1.buffer]);
}

async function reset(command: Extract<ToWorker, { type: 'reset' }>): Promise<void> {
  trainer?.dispose();
  trainer = null;
  run = command.run;
  trainer = new PairTrainer(command.settings);
  const { train, grid } = trainer.data;
  const { xMin, xMax, yMin, yMax, nx, ny } = grid;
  post({
    type: 'data',
    run,
    points: { x: train.x.slice(), labels: train.y.slice() },
    grid: { xMin, xMax, yMin, yMax, nx, ny },
  });
  postEpoch(await trainer.measureNow());
}

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    await backendReady;
    for (;;) {
      if (pendingReset != null) {
        const command = pendingReset;
        pendingReset = null;
        await reset(command);
      } else if (trainer != null && (playing || stepsAsked > 0)) {
        if (!playing) stepsAsked -= 1;
        postEpoch(await trainer.trainEpoch());
        if (!playing && stepsAsked === 0) post({ type: 'state', run: latestRun, playing });
      } else break;
      await nextTask();
    }
  } catch (error) {
    playing = false;
    stepsAsked = 0;
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    post({ type: 'state', run: latestRun, playing });
  } finally {
    pumping = false;
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const command = event.data;
  if (command.type === 'reset') {
    pendingReset = command;
    latestRun = command.run;
    playing = command.play;
    stepsAsked = 0;
  } else if (command.type === 'play') playing = true;
  else if (command.type === 'pause') playing = false;
  else {
    playing = false;
    stepsAsked += 1;
  }
  if (command.type !== 'step') post({ type: 'state', run: latestRun, playing });
  void pump();
});
