// One hidden unit's activation over the map's box, for each model, while it is pointed at or focused in the
// network (TensorFlow Playground shows this in every neuron). Purple below 0, green above, white at 0, scaled
// by the largest magnitude of the two maps together so the models compare at a glance.
import type { ModelRole } from './network.js';
import type { UnitRef } from './network-view.js';
import type { RunHistory } from './run-history.js';
import { placeName } from './settings.js';

const NEGATIVE = [118, 42, 131];
const POSITIVE = [27, 120, 55];

function paint(canvas: HTMLCanvasElement, values: Float32Array, nx: number, ny: number, scale: number): void {
  canvas.width = nx;
  canvas.height = ny;
  const context = canvas.getContext('2d');
  if (context == null) return;
  const image = context.createImageData(nx, ny);
  for (let row = 0; row < ny; row++) {
    for (let col = 0; col < nx; col++) {
      // Grid rows go up from yMin; the canvas's go down.
      const v = values[(ny - 1 - row) * nx + col] / scale;
      const tone = v < 0 ? NEGATIVE : POSITIVE;
      const t = Math.min(1, Math.abs(v));
      const at = 4 * (row * nx + col);
      for (let k = 0; k < 3; k++) image.data[at + k] = Math.round(255 + (tone[k] - 255) * t);
      image.data[at + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
}

export class UnitView {
  private readonly canvases: Record<ModelRole, HTMLCanvasElement>;
  private readonly caption: HTMLElement;
  private drawn: unknown = null;

  constructor(private readonly container: HTMLElement) {
    container.innerHTML =
      '<p class="unit-caption"></p><div class="unit-maps">' +
      '<figure><canvas data-role="baseline"></canvas><figcaption class="baseline">baseline</figcaption></figure>' +
      '<figure><canvas data-role="mixup"></canvas><figcaption class="mixup">mixup</figcaption></figure></div>';
    const canvas = (role: ModelRole) => container.querySelector(`canvas[data-role="${role}"]`) as HTMLCanvasElement;
    this.canvases = { baseline: canvas('baseline'), mixup: canvas('mixup') };
    this.caption = container.querySelector('.unit-caption') as HTMLElement;
    this.show(null, null);
  }

  /** `wanted`: the unit pointed at, or null; draws its maps once the worker has sent them. */
  show(wanted: UnitRef | null, history: RunHistory | null): void {
    const unit = history?.unit;
    const ready = wanted != null && unit != null && unit.place === wanted.place && unit.index === wanted.index;
    this.container.classList.toggle('active', ready);
    if (!ready || history?.grid == null) {
      this.caption.textContent = 'Point at a hidden unit (or focus it) to see what it computes over the map.';
      this.drawn = null;
      return;
    }
    if (this.drawn === unit) return;
    this.drawn = unit;
    const { nx, ny } = history.grid;
    let scale = 1e-9;
    for (const role of ['baseline', 'mixup'] as const)
      for (const v of unit.maps[role]) scale = Math.max(scale, Math.abs(v));
    for (const role of ['baseline', 'mixup'] as const) paint(this.canvases[role], unit.maps[role], nx, ny, scale);
    this.caption.textContent =
      `Unit ${unit.index + 1} of ${placeName(unit.place)} after epoch ${unit.epoch}: its activation over the map ` +
      `(green above 0, purple below; up to ${scale.toPrecision(2)}).`;
  }
}
