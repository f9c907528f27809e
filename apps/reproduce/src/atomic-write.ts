import { writeFileAtomic } from '@manifold-mixup/mixup-core';

// The one atomic writer lives in mixup-core (its checkpoints use it); re-exported for this app's callers.
export { writeFileAtomic };

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
