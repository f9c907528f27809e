// Writes the outputs of a package's code generator (its scripts/build-*.mjs) into a folder, each to a
// temporary name beside its target and then renamed, so an interrupted run never leaves half a file.
import { renameSync, writeFileSync } from 'node:fs';

/** Writes `files` ([name, text] pairs) into `folder` (a file: URL ending in '/'). */
export function writeGenerated(folder, files) {
  for (const [name, text] of files) {
    const target = new URL(name, folder);
    const temp = new URL(`${name}.tmp`, folder);
    writeFileSync(temp, text);
    renameSync(temp, target);
  }
}
