import { duration } from './markdown.js';
import type { EpochRecord } from './worker-messages.js';

interface Line {
  label: string;
  epochs: number;
  started: number;
  /** Fraction done when this process first heard of the model (> 0 after resuming from a checkpoint). */
  startFraction: number | null;
  text: string;
}

/**
 * Training progress. On a terminal: one line per running model (epoch, step, loss, ETA) redrawn in
 * place; elsewhere (CI, pipes): one line per epoch per model. Epochs and steps are numbered from 1,
 * as mixup-core's callbacks report them.
 */
export class Progress {
  private readonly lines = new Map<string, Line>();
  private drawn = 0;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly tty = stream.isTTY === true,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(key: string, label: string, epochs: number): void {
    this.lines.set(key, { label, epochs, started: this.now(), startFraction: null, text: `${label}: starting` });
    if (this.tty) this.draw(true);
    else this.write(`${label}: training (${epochs} epochs)\n`);
  }

  batch(key: string, info: { epoch: number; step: number; steps: number; loss: number }): void {
    const line = this.lines.get(key);
    if (!line || !this.tty) return;
    const fraction = Math.min(1, (info.epoch - 1 + info.step / Math.max(1, info.steps)) / line.epochs);
    line.startFraction ??= (info.epoch - 1) / line.epochs;
    const bar = '#'.repeat(Math.round(fraction * 20)).padEnd(20, '-');
    line.text =
      `${line.label.padEnd(30)} [${bar}] epoch ${info.epoch}/${line.epochs} step ${info.step}/${info.steps} ` +
      `loss ${info.loss.toFixed(4)} ETA ${this.eta(line, fraction)}`;
    this.draw(false);
  }

  epoch(key: string, record: EpochRecord): void {
    const line = this.lines.get(key);
    if (!line || this.tty) return;
    const epoch = record.epoch;
    line.startFraction ??= (epoch - 1) / line.epochs;
    const val = record.valAccuracy === undefined ? '' : `, val. accuracy ${(100 * record.valAccuracy).toFixed(2)}%`;
    this.write(
      `${line.label}: epoch ${epoch}/${line.epochs}: loss ${record.loss.toFixed(4)}${val}, ` +
        `${record.seconds.toFixed(1)} s (ETA ${this.eta(line, epoch / line.epochs)})\n`,
    );
  }

  finish(key: string, message: string): void {
    this.lines.delete(key);
    this.log(message);
  }

  /** A line that stays (printed above the live progress lines on a terminal). */
  log(message: string): void {
    if (!this.tty) {
      this.write(`${message}\n`);
      return;
    }
    this.clear();
    this.write(`${message}\n`);
    this.draw(true);
  }

  /** Remaining time at the rate of this process (epochs restored from a checkpoint do not count). */
  private eta(line: Line, fraction: number): string {
    const done = fraction - (line.startFraction ?? 0);
    if (done <= 0) return '?';
    const elapsed = (this.now() - line.started) / 1000;
    return duration((elapsed * (1 - fraction)) / done);
  }

  private clear(): void {
    for (let i = 0; i < this.drawn; i++) this.write('\x1b[1A\x1b[2K');
    this.drawn = 0;
  }

  private draw(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    this.clear();
    // Longer lines would wrap and break the cursor arithmetic: cut them to the terminal width.
    const width = Math.max(20, ((this.stream as { columns?: number }).columns ?? 200) - 1);
    for (const line of this.lines.values()) this.write(`${line.text.slice(0, width)}\n`);
    this.drawn = this.lines.size;
  }

  private write(text: string): void {
    this.stream.write(text);
  }
}
