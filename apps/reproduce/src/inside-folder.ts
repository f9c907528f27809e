import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` is `folder` or inside it, comparing resolved paths (so `a/../..` cannot climb out). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** `path` with every link followed (where it really is), or merely resolved when it does not exist. */
export async function realPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(path);
    throw error;
  }
}

/** Whether `path`, links followed, is inside one of `folders` (links followed too). */
export async function isReallyInside(folders: readonly string[], path: string): Promise<boolean> {
  const real = await realPath(path);
  for (const folder of folders) if (isInside(await realPath(folder), real)) return true;
  return false;
}
