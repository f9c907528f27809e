import { CheckpointFormatError } from './checkpoint-format-error.js';

/** JSON.parse of a file's text, with an error that names the file and says what kind of damage it is. */
export function parseJsonFile(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CheckpointFormatError(
      path,
      undefined,
      `not valid JSON (truncated or corrupted?): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
