// The page: reads the setting from the address, builds the controls, starts the training worker and draws
// what it reports. Drawing waits for an animation frame and happens at most every DRAW_INTERVAL ms, so
// however fast epochs come, the page keeps its frame rate.
import { describeRefusals, readAddress, shownPlace, writeAddress, type ViewSettings } from './address.js';
import { createControls } from './controls.js';
import { drawCurves } from './curves-view.js';
import { drawsText } from './draws-view.js';
import { HiddenView } from './hidden-view.js';
import { MapsView } from './maps-view.js';
import { metricsTable } from './metrics-view.js';
import type { UnitRef } from './network-view.js';
import { Notices } from './notices.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { RunHistory } from './run-history.js';
import { MAX_ADDED, type Settings } from './settings.js';
import { createViewControls } from './view-controls.js';

const DRAW_INTERVAL = 150;

declare global {
  interface Window {
    __playground?: RunHistory;
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const history = new RunHistory();
window.__playground = history;
const start = readAddress(location.search);
let settings: Settings = start.settings;
let view: ViewSettings = start.view;
let unit: UnitRef | null = null;

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const send = (command: ToWorker) => worker.postMessage(command);

const playButton = byId<HTMLButtonElement>('play');
const status = byId<HTMLElement>('status');
const notices = new Notices(byId('notice'), byId('announce'));
const metrics = metricsTable(byId('metrics'));
// A new width may change the layout (stacked maps under 600 px): draw again.
const maps = new MapsView(byId('maps'), addPoint, () => {
  history.version += 1;
  scheduleDraw();
});
const hidden = new HiddenView(
  {
    baseline: byId('hidden-baseline') as unknown as SVGSVGElement,
    mixup: byId('hidden-mixup') as unknown as SVGSVGElement,
  },
  { baseline: byId('hidden-title-baseline'), mixup: byId('hidden-title-mixup') },
  byId('hidden-caption'),
  byId('batch-caption'),
);

/** Writes the address: a new entry (Back undoes the change) or, for the page's own corrections, the same one. */
function writeLocation(push: boolean): void {
  const url = `${location.pathname}?${writeAddress(settings, view)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** Starts over with `next`: the address says it, the worker builds new models; playing goes on if it was. */
function apply(next: Settings, push = true): void {
  settings = next;
  controls.show(settings);
  viewControls.show(view, settings);
  writeLocation(push);
  const run = history.startRun();
  send({ type: 'reset', run, settings, play: history.playing, place: shownPlace(settings, view) });
  scheduleDraw();
}

/** Shows `next` (nothing retrains); the hidden panels' layer and the stop epoch go to the worker. */
function applyView(next: ViewSettings, push = true): void {
  const place = shownPlace(settings, next);
  if (place !== shownPlace(settings, view)) send({ type: 'place', place });
  if (next.stop !== view.stop) send({ type: 'stop', epoch: next.stop });
  view = next;
  viewControls.show(view, settings);
  writeLocation(push);
  history.version += 1;
  scheduleDraw();
}

function addPoint(x: number, y: number): void {
  if (settings.added.length >= MAX_ADDED) {
    notices.set('typed', `at most ${MAX_ADDED} added points; remove some first.`);
    return;
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  apply({ ...settings, added: [...settings.added, { x: round(x), y: round(y), label: controls.addClass() }] });
}

const controls = createControls(byId('controls'), {
  onChange: (next) => apply(next),
  onRefuse: (message) => notices.set('typed', message),
  onUnit(next) {
    unit = next;
    send({ type: 'unit', unit });
    history.version += 1;
    scheduleDraw();
  },
});
const viewControls = createViewControls({
  onView: (next) => applyView(next),
  onRefit: () => send({ type: 'refit' }),
  onRefuse: (message) => notices.set('typed', message),
});
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
byId('reset').addEventListener('click', () => apply(settings, false));

// Back and Forward: the address's setting and view, without a new entry.
window.addEventListener('popstate', () => {
  const address = readAddress(location.search);
  notices.set(
    'address',
    address.refused.length > 0 ? `Not used from the address: ${describeRefusals(address.refused)}.` : null,
  );
  applyView(address.view, false);
  if (writeAddress(address.settings, view) !== writeAddress(settings, view)) apply(address.settings, false);
});

// A hidden tab trains on for nobody: pause, and play on when it is shown again.
let pausedWhileHidden = false;
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && history.playing) {
    pausedWhileHidden = true;
    send({ type: 'pause' });
    setPlaying(false);
  } else if (document.visibilityState === 'visible' && pausedWhileHidden) {
    pausedWhileHidden = false;
    send({ type: 'play' });
    setPlaying(true);
  }
});

let drawnVersion = -1;
let lastDraw = -Infinity;
let frameAsked = false;
/** What the live region last said of playing (null: nothing yet; the start is not announced). */
let saidPlaying: boolean | null = null;

function announce(): void {
  if (history.error != null) notices.announce(`Error: ${history.error}`);
  else if (saidPlaying !== null && saidPlaying !== history.playing)
    notices.announce(history.playing ? 'Playing' : 'Paused');
  saidPlaying = history.playing;
}

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
  announce();
  const backend = history.backend;
  const perEpoch = latest != null && latest.epoch > 0 ? `, ${latest.trainSeconds.toFixed(2)} s of training` : '';
  status.textContent =
    history.error != null
      ? `Error: ${history.error}`
      : `epoch ${latest?.epoch ?? '–'}${perEpoch}; ` +
        (backend == null ? 'starting tfjs…' : `tfjs ${backend.name}${backend.fallback ? ' (wasm failed)' : ''}`);
  status.dataset.epoch = String(latest?.epoch ?? '');
  maps.draw(history, settings, view);
  hidden.draw(history, view);
  controls.unitView.show(unit, history);
  controls.draws.textContent = drawsText(latest, settings);
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

if (start.refused.length > 0) notices.set('address', `Not used from the address: ${describeRefusals(start.refused)}.`);
if (view.stop != null) send({ type: 'stop', epoch: view.stop });
apply(settings, false);
