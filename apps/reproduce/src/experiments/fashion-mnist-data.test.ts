import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFashionMnistFiles } from './fashion-mnist-data.js';

const DIR = '/usr/share/datasets/fashion-mnist';

describe.skipIf(!existsSync(DIR))('checkFashionMnistFiles (Debian folder present)', () => {
  it('passes when all four files are there, raw or .gz', () => {
    expect(() => checkFashionMnistFiles('x', (p) => p.endsWith('.gz'))).not.toThrow();
  });

  it('names the missing file and the command that installs it', () => {
    const exists = (p: string) => !p.includes('t10k-labels');
    expect(() => checkFashionMnistFiles('generalisation-fashion-mnist', exists)).toThrow(
      `generalisation-fashion-mnist: ${DIR}/t10k-labels-idx1-ubyte.gz (or ${DIR}/t10k-labels-idx1-ubyte) is missing; ` +
        'install it with: sudo apt-get install dataset-fashion-mnist',
    );
  });
});
