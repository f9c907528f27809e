import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkOutputs } from './check-outputs.js';

// The committed reproduction (repository root, and paper/ for the paper profile) is the reference: every figure,
// drawn again by the current viz from the committed results and figure arrays, must equal the committed SVG byte for
// byte, and the README blocks must equal what the results render to. A change to viz or to the figure specs that
// moves a single coordinate fails here, not only at the lead's `--check`.
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the committed outputs', () => {
  it.each(['.', 'paper'])('in %s redraw byte for byte from their results', async (folder) => {
    expect(await checkOutputs(join(root, folder))).toEqual([]);
  });
});
