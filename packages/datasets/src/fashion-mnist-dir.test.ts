import { describe, expect, it } from 'vitest';
import { DEBIAN_FASHION_MNIST_DIR, fashionMnistDir } from './fashion-mnist-dir.js';

describe('fashionMnistDir', () => {
  it("is Debian's folder when it exists", () => {
    const asked: string[] = [];
    const dir = fashionMnistDir((path) => {
      asked.push(path);
      return true;
    });
    expect(dir).toBe('/usr/share/datasets/fashion-mnist');
    expect(asked).toEqual([DEBIAN_FASHION_MNIST_DIR]);
  });

  it('says how to get the files when the folder is missing', () => {
    const missing = (): unknown => fashionMnistDir(() => false);
    expect(missing).toThrow(
      /^defaultFashionMnistDir: \/usr\/share\/datasets\/fashion-mnist does not exist, .*unless options\.dir is given: apt-get install dataset-fashion-mnist .*zalandoresearch\/fashion-mnist .*\{ dir: <that folder> \}$/,
    );
    try {
      missing();
    } catch (error) {
      expect((error as Error).constructor).toBe(Error);
    }
  });
});
