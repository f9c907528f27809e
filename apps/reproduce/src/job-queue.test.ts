import { describe, expect, it } from 'vitest';
import { runQueue } from './job-queue.js';

/** A fake job: resolves after the given number of event-loop turns, recording concurrency. */
function fakeJobs() {
  let inFlight = 0;
  let maxInFlight = 0;
  const started: number[] = [];
  const run = async (turns: number, _slot: number, index: number): Promise<number> => {
    started.push(index);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
    if (turns < 0) throw new Error(`job ${index} failed`);
    return turns * 10;
  };
  return { run, started, max: () => maxInFlight };
}

describe('runQueue', () => {
  it('keeps results in input order, whatever order jobs finish in', async () => {
    const jobs = fakeJobs();
    const results = await runQueue([5, 1, 3, 2, 4], 2, jobs.run);
    expect(results).toEqual([50, 10, 30, 20, 40]);
    expect(jobs.started).toEqual([0, 1, 2, 3, 4]);
  });

  it('never runs more than `concurrency` jobs at once, and uses them all', async () => {
    const jobs = fakeJobs();
    await runQueue([3, 3, 3, 3, 3, 3, 3], 3, jobs.run);
    expect(jobs.max()).toBe(3);
    const serial = fakeJobs();
    await runQueue([2, 2, 2], 1, serial.run);
    expect(serial.max()).toBe(1);
  });

  it('gives each lane its own slot number', async () => {
    const slots = new Map<number, number>();
    let active = 0;
    await runQueue([1, 1, 1, 1], 2, async (_item, slot, index) => {
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(slot).toBeLessThan(2);
      active++;
      expect(active).toBeLessThanOrEqual(2);
      slots.set(index, slot);
      await new Promise((resolve) => setImmediate(resolve));
      active--;
    });
    expect(new Set(slots.values())).toEqual(new Set([0, 1]));
  });

  it('stops starting jobs after a failure, waits for the running ones, rethrows the first error', async () => {
    const jobs = fakeJobs();
    await expect(runQueue([5, -1, 1, 1, 1], 2, jobs.run)).rejects.toThrow('job 1 failed');
    // job 0 was in flight and awaited; jobs 2-4 never started.
    expect(jobs.started).toEqual([0, 1]);
  });

  it('handles an empty list and rejects a bad concurrency', async () => {
    expect(await runQueue([], 4, async () => 1)).toEqual([]);
    await expect(runQueue([1], 0, async () => 1)).rejects.toThrow(
      new RangeError('runQueue: concurrency must be an integer >= 1, found 0'),
    );
  });
});
