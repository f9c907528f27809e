import { typeError } from '@manifold-mixup/errors';
import { found } from './option-checks.js';
import type { EpochRecord, FitCallbacks, FitLogs, FitOptions } from './types.js';

/** tf.LayersModel.fit's logs for an epoch: loss, and val_loss / val_acc after validation. */
export function epochLogs(record: EpochRecord): FitLogs {
  const logs: FitLogs = { loss: record.loss };
  if (record.valLoss != null) logs.val_loss = record.valLoss;
  if (record.valAccuracy != null) logs.val_acc = record.valAccuracy;
  return logs;
}

/** One line per epoch, like tf.LayersModel.fit with verbose 2. */
export function epochLine(record: EpochRecord, epochs: number): string {
  const parts = [
    `Epoch ${record.epoch} / ${epochs}`,
    `${record.seconds.toFixed(1)}s`,
    `loss=${record.loss.toFixed(4)}`,
  ];
  if (record.valLoss != null) parts.push(`val_loss=${record.valLoss.toFixed(4)}`);
  if (record.valAccuracy != null) parts.push(`val_acc=${record.valAccuracy.toFixed(4)}`);
  return parts.join(' - ');
}

type Hook = keyof FitCallbacks;

/** fit's callbacks, awaited in order; each is checked to be a function when given. */
export class FitCallbackList {
  private readonly list: FitCallbacks[];

  constructor(options: FitOptions) {
    const given = options.callbacks;
    this.list = given == null ? [] : Array.isArray(given) ? given : [given];
    this.list.forEach((callbacks, i) => {
      if (callbacks == null || typeof callbacks !== 'object')
        throw typeError('fit', `options.callbacks[${i}]`, 'must be an object of callback functions', found(callbacks));
      for (const [name, value] of Object.entries(callbacks)) {
        if (typeof value !== 'function') {
          const field = `options.callbacks${this.list.length > 1 ? `[${i}]` : ''}.${name}`;
          throw typeError('fit', field, 'must be a function', found(value));
        }
      }
    });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  async call(hook: Hook, ...args: Array<number | FitLogs | undefined>): Promise<void> {
    for (const callbacks of this.list) {
      const fn = callbacks[hook] as ((...a: unknown[]) => unknown) | undefined;
      if (fn != null) await fn.call(callbacks, ...args);
    }
  }
}
