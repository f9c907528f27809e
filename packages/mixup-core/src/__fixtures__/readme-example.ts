import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const PACKAGE = new URL('../../', import.meta.url);

/** The TypeScript block that follows `<!-- example: <file> ... -->` in this package's README. */
export async function readmeExample(file: string): Promise<string> {
  const readme = await readFile(new URL('README.md', PACKAGE), 'utf8');
  const marker = readme.indexOf(`<!-- example: ${file}`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (marker < 0 || block == null) throw new Error(`readmeExample: README.md has no example block ${file}`);
  return block[1];
}

/**
 * The README's example `file`, imported as it is written: copied under the package's
 * node_modules/.cache/ (which git and the linters ignore), from where its imports resolve to this
 * package's dependencies; vitest compiles it like a source file.
 */
export async function importReadmeExample<T>(file: string): Promise<T> {
  const dir = new URL('node_modules/.cache/readme-examples/', PACKAGE);
  await mkdir(dir, { recursive: true });
  const path = new URL(file, dir);
  await writeFile(path, await readmeExample(file));
  return (await import(fileURLToPath(path))) as T;
}
