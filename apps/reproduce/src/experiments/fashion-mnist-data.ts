import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFashionMnistDir, MNIST_FILES } from '@manifold-mixup/datasets';

const INSTALL = 'sudo apt-get install dataset-fashion-mnist';

/**
 * Throws, naming the first missing file and the command that installs it, unless Debian's Fashion-MNIST
 * folder holds all four files (raw or .gz). Nothing is downloaded; the loader verifies checksums later.
 * `exists` is a parameter so tests need not touch the machine's folders.
 */
export function checkFashionMnistFiles(experiment: string, exists: (path: string) => boolean = existsSync): void {
  let dir: string;
  try {
    dir = defaultFashionMnistDir();
  } catch (error) {
    throw new Error(`${experiment}: Fashion-MNIST is not installed (${INSTALL}); ${(error as Error).message}`, {
      cause: error,
    });
  }
  for (const name of Object.values(MNIST_FILES)) {
    const path = join(dir, name);
    if (!exists(path) && !exists(`${path}.gz`))
      throw new Error(`${experiment}: ${path}.gz (or ${path}) is missing; install it with: ${INSTALL}`);
  }
}
