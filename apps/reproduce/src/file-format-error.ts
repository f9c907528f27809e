/** What is wrong with a file from elsewhere; stable, for programs to switch on. */
export type FileFormatCode =
  | 'TOO_LARGE' // more bytes than the file's limit: refused unparsed
  | 'NOT_JSON' // does not parse
  | 'BAD_FIELD' // a field of the wrong type, shape or value
  | 'OUTSIDE_FOLDER'; // a path it names resolves outside the folder it must stay in

/**
 * A shard manifest, results file, figure arrays file or cache entry that is malformed, tampered with
 * or points outside its folder: these files travel between machines and are untrusted input. The
 * message names the file and the field and says what was expected and what was found; the same facts
 * are fields. The CLI reports it without a stack trace (exit 1); --check lists it as a problem.
 */
export class FileFormatError extends Error {
  override readonly name = 'FileFormatError';
  readonly code: FileFormatCode;
  readonly file: string;
  readonly field: string;
  readonly expected: string;
  readonly found: string;

  constructor(
    code: FileFormatCode,
    where: { file: string; field: string },
    expected: string,
    found: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    const hint = options.hint ? ` (${options.hint})` : '';
    const problem =
      code === 'NOT_JSON' ? `not valid JSON (${found})` : `${where.field}: expected ${expected}, found ${found}`;
    super(`${where.file}: ${problem}${hint}`, { cause: options.cause });
    this.code = code;
    this.file = where.file;
    this.field = where.field;
    this.expected = expected;
    this.found = found;
  }
}
