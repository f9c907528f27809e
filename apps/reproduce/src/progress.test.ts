import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

function sink() {
  const chunks: string[] = [];
  return {
    stream: { write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WritableStream,
    text: () => chunks.join(''),
  };
}

describe('Progress', () => {
  it('without a terminal: one line per epoch, no batch updates', () => {
    const s = sink();
    let t = 0;
    const p = new Progress(s.stream, false, () => t);
    p.start('a', 'spiral/baseline', 4);
    p.batch('a', { epoch: 1, step: 3, steps: 10, loss: 0.5 });
    t = 10_000;
    p.epoch('a', { epoch: 1, loss: 0.25, valAccuracy: 0.9, learningRate: 1e-3, seconds: 10 });
    p.finish('a', 'spiral/baseline: trained');
    expect(s.text()).toBe(
      'spiral/baseline: training (4 epochs)\n' +
        'spiral/baseline: epoch 1/4: loss 0.2500, val. accuracy 90.00%, 10.0 s (ETA 30 s)\n' +
        'spiral/baseline: trained\n',
    );
  });

  it('on a terminal: redraws one line per running model in place', () => {
    const s = sink();
    let t = 0;
    const p = new Progress(s.stream, true, () => t);
    p.start('a', 'a', 2);
    p.start('b', 'b', 2);
    t = 1000;
    p.batch('a', { epoch: 2, step: 5, steps: 10, loss: 0.125 });
    const text = s.text();
    expect(text).toContain('\x1b[1A\x1b[2K');
    expect(text).toContain('[###############-----] epoch 2/2 step 5/10 loss 0.1250 ETA 1 s');
    expect(text).not.toContain('epoch 1/2:'); // no per-epoch lines on a terminal
  });

  it('estimates the time left from the epochs trained in this process, not those restored from a checkpoint', () => {
    const s = sink();
    let t = 0;
    const p = new Progress(s.stream, false, () => t);
    p.start('a', 'a', 4);
    t = 10_000; // resumed at epoch 3: epochs 1-2 came from the checkpoint
    p.epoch('a', { epoch: 3, loss: 0.5, learningRate: 1e-3, seconds: 10 });
    expect(s.text()).toContain('a: epoch 3/4: loss 0.5000, 10.0 s (ETA 10 s)');
  });
});
