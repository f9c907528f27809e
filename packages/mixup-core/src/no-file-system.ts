/** What every file operation says in a browser build (checkpoint-fs.browser.ts, atomic-file.browser.ts). */
export function noFileSystem(operation: string): Error {
  return new Error(
    `${operation}: checkpoints are files (model.json and weights), and browsers have no file system: ` +
      'saving, loading and fit({ checkpointDir }) run in Node only',
  );
}
