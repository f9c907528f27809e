// The training worker: builds, trains and measures the two models off the page's thread, so drawing and the
// controls never wait for tfjs. Commands (protocol.ts) only change what it should do next; one loop (pump)
// does it, one step at a time (an epoch, or a view the page asked for), and lets new messages in between.
import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from './backend.js';
import { HiddenSpace } from './hidden-space.js';
import type { ModelRole } from './network.js';
import { PairTrainer, ROLES, type EpochReport } from './pair-trainer.js';
import type { FromWorker, ToWorker } from './protocol.js';

type Reset = Extract<ToWorker, { type: 'reset' }>;
type Unit = Extract<ToWorker, { type: 'unit' }>['unit'];

let trainer: PairTrainer | null = null;
let hidden: HiddenSpace | null = null;
/** The run the trainer belongs to: its data and epochs carry it. */
let run = 0;
/**
 * The run of the latest reset received, maybe not built yet: `state` answers carry it, since they describe
 * what the worker will do next (an answer tagged with the superseded run would be dropped by the page).
 */
let latestRun = 0;
let pendingReset: Reset | null = null;
let playing = false;
let stepsAsked = 0;
let stopAt: number | null = null;
let place = 1;
let unit: Unit = null;
/** Views the page asked for while paused, answered between epochs. */
let hiddenWanted = false;
let unitWanted = false;
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

async function postHidden(from: PairTrainer, space: HiddenSpace): Promise<void> {
  hiddenWanted = false;
  const report = await space.report(Math.min(place, from.built.mixup.placeLayer.length - 1));
  post({ type: 'hidden', run, report }, [report.models.baseline.buffer, report.models.mixup.buffer]);
}

/** One unit's activation over the grid, per model (what TensorFlow Playground shows in each neuron). */
async function postUnit(from: PairTrainer): Promise<void> {
  unitWanted = false;
  const asked = unit;
  if (asked == null || asked.place >= from.built.mixup.placeLayer.length) return;
  const maps = {} as Record<ModelRole, Float32Array>;
  for (const role of ROLES) {
    const { values, cols } = await from.activations(role, from.data.grid.points, asked.place);
    const index = Math.min(asked.index, cols - 1);
    maps[role] = Float32Array.from({ length: values.length / cols }, (_, i) => values[i * cols + index]);
  }
  post({ type: 'unit', run, ...asked, epoch: from.epoch, maps }, [maps.baseline.buffer, maps.mixup.buffer]);
}

async function reset(command: Reset): Promise<void> {
  trainer?.dispose();
  trainer = null;
  run = command.run;
  place = command.place;
  trainer = new PairTrainer(command.settings);
  hidden = new HiddenSpace(trainer);
  const { train, test, grid } = trainer.data;
  const { xMin, xMax, yMin, yMax, nx, ny } = grid;
  post({
    type: 'data',
    run,
    points: { x: train.x.slice(), labels: train.y.slice() },
    test: { x: test.x.slice(), labels: test.y.slice() },
    grid: { xMin, xMax, yMin, yMax, nx, ny },
  });
  postEpoch(await trainer.measureNow());
  await postHidden(trainer, hidden);
  if (unit != null) await postUnit(trainer);
}

async function trainOne(current: PairTrainer, space: HiddenSpace): Promise<void> {
  if (!playing) stepsAsked -= 1;
  postEpoch(await current.trainEpoch());
  await postHidden(current, space);
  if (unit != null) await postUnit(current);
  if (playing && stopAt != null && current.epoch === stopAt) playing = false;
  if (!playing && stepsAsked === 0) post({ type: 'state', run: latestRun, playing });
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
      } else if (trainer == null || hidden == null) break;
      else if (playing || stepsAsked > 0) await trainOne(trainer, hidden);
      else if (hiddenWanted) await postHidden(trainer, hidden);
      else if (unitWanted) await postUnit(trainer);
      else break;
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
  switch (command.type) {
    case 'reset':
      pendingReset = command;
      latestRun = command.run;
      playing = command.play;
      stepsAsked = 0;
      break;
    case 'play':
    case 'pause':
      playing = command.type === 'play';
      break;
    case 'step':
      playing = false;
      stepsAsked += 1;
      break;
    case 'stop':
      stopAt = command.epoch;
      return;
    case 'place':
      place = command.place;
      hiddenWanted = true;
      break;
    case 'refit':
      hidden?.refit();
      hiddenWanted = true;
      break;
    case 'unit':
      unit = command.unit;
      unitWanted = unit != null;
      break;
  }
  if (command.type === 'reset' || command.type === 'play' || command.type === 'pause')
    post({ type: 'state', run: latestRun, playing });
  void pump();
});
