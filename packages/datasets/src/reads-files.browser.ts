// What the browser twins of the loaders throw: the data is read from files on disk.

/** The error of `name` (a loader of `dataset`) in a browser, saying what to do instead. */
export function readsFiles(name: string, dataset: string): Error {
  return new Error(
    `${name}: reads the ${dataset} IDX files from disk (node:fs), which browsers lack: ` +
      'fetch the four files and parse each with parseIdx, then build the sets from them',
  );
}
