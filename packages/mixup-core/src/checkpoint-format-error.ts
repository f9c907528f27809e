/**
 * A checkpoint (or tf.io model folder) that is malformed, inconsistent with itself or with the
 * model, not made of regular files inside its folder, or unable to continue the fit resuming from
 * it (written with other settings, or past its epochs). The message starts with the file, then
 * the manifest field when one is at fault: `<file>: <field>: expected ..., found ...`. It never
 * quotes a file outside the folder (none is read).
 */
export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
  /** The file at fault: the folder's model.json or its weights file. */
  readonly file: string;
  /** The manifest field at fault (e.g. `weights[0].shape`); undefined when the file as a whole is. */
  readonly field: string | undefined;

  constructor(file: string, field: string | undefined, detail: string, options?: { cause?: unknown }) {
    super(`${file}: ${field == null ? '' : `${field}: `}${detail}`, options);
    this.file = file;
    this.field = field;
  }
}
