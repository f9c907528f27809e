// atomic-file.ts for browsers (package.json's `browser` field): there is no file to write.
import { noFileSystem } from './no-file-system.js';

export async function writeFileAtomic(_path: string, _data: string | Uint8Array): Promise<void> {
  throw noFileSystem('writeFileAtomic');
}
