import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkOutputs } from './check-outputs.js';

// The committed reproductions (the repository root and the Fashion-MNIST page) are the reference: every
// figure, drawn again by the current viz from the committed results and figure arrays, must equal the
// committed SVG byte for byte, and the README blocks must equal what the results render to. A change to
// viz or to the figure specs that moves a single coordinate fails here, not only at `--check`.
// paper/ is not among them: it is the record of an earlier commit's run (schema 2), checked against its
// checksums by .ci/run until it is regenerated (paper/README.md says how).
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the committed outputs', () => {
  it.each(['.', 'fashion-mnist'])(
    'in %s redraw byte for byte from their results',
    async (folder) => {
      expect(await checkOutputs(join(root, folder))).toEqual([]);
    },
    60_000,
  );
});
