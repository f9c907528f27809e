// The page: reads the setting from the address, builds the controls, starts the training worker and draws
// what it reports. Drawing waits for an animation frame and happens at most every DRAW_INTERVAL ms, so
// however fast epochs come, the page keeps its frame rate.
import { createControls } from './controls.js';
import { drawCurves } from './curves-view.js';
import { MapsView } from './maps-view.js';
import { metricsTable } from './metrics-view.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { RunHistory } from './run-history.js';
import { parseSettings, settingsToQuery, type Settings } from './settings.js';

const DRAW_INTERVAL = 150;

declare global {
  interface Window {
    __playground?: RunHistory;
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const history = new RunHistory();
window.__playground = history;
let settings: Settings = parseSettings(location.search);

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const send = (command: ToWorker) => worker.postMessage(command);

const playButton = byId<HTMLButtonElement>('play');
const status = byId<HTMLElement>('status');
const metrics = metricsTable(byId('metrics'));
const maps = new MapsView(byId('maps'));

/** Starts over with `next`: the address says it, the worker builds new models; playing goes on if it was. */
function apply(next: Settings): void {
  settings = next;
  controls.show(settings);
  window.history.replaceState(null, '', `${location.pathname}?${settingsToQuery(settings)}`);
  send({ type: 'reset', run: history.startRun(), settings, play: history.playing });
  scheduleDraw();
}

const controls = createControls(byId('controls'), apply);
byId('controls').addEventListener('submit', (event) => event.preventDefault());

// The button follows the click at once (the worker's answer confirms it), so a change made before the answer
// arrives keeps playing as the visitor asked.
function setPlaying(playing: boolean): void {
  history.playing = playing;
  history.version += 1;
  scheduleDraw();
}
playButton.addEventListener('click', () => {
  send({ type: history.playing ? 'pause' : 'play' });
  setPlaying(!history.playing);
});
byId('step').addEventListener('click', () => {
  send({ type: 'step' });
  setPlaying(false);
});
byId('reset').addEventListener('click', () => apply(settings));

let drawnVersion = -1;
let lastDraw = -Infinity;
let frameAsked = false;

function draw(now: number): void {
  frameAsked = false;
  if (history.version === drawnVersion) return;
  if (now - lastDraw < DRAW_INTERVAL) {
    scheduleDraw();
    return;
  }
  lastDraw = now;
  const started = performance.now();
  drawnVersion = history.version;
  const latest = history.latest;
  playButton.textContent = history.playing ? 'Pause' : 'Play';
  playButton.setAttribute('aria-pressed', String(history.playing));
  const backend = history.backend;
  const perEpoch = latest != null && latest.epoch > 0 ? `, ${latest.trainSeconds.toFixed(2)} s of training` : '';
  status.textContent =
    history.error != null
      ? `Error: ${history.error}`
      : `epoch ${latest?.epoch ?? '–'}${perEpoch}; ` +
        (backend == null ? 'starting tfjs…' : `tfjs ${backend.name}${backend.fallback ? ' (wasm failed)' : ''}`);
  status.dataset.epoch = String(latest?.epoch ?? '');
  maps.draw(history, settings);
  drawCurves(byId('loss'), byId('accuracy'), history);
  metrics.update(latest);
  history.noteDraw(performance.now() - started);
}

function scheduleDraw(): void {
  if (frameAsked) return;
  frameAsked = true;
  requestAnimationFrame(draw);
}

worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
  if (event.data.type === 'error') console.error(`training worker: ${event.data.message}`);
  if (history.receive(event.data)) scheduleDraw();
});
worker.addEventListener('error', (event) => {
  history.error = event.message || 'the training worker failed to start';
  history.version += 1;
  scheduleDraw();
});

apply(settings);
