/**
 * Shard folders that do not make one run: a shard missing or given twice, shards of different seeds,
 * profiles or code, a job in no shard or in two. The input's fault, not a bug: the CLI prints the
 * message without a stack trace (exit 1), as for a FileFormatError.
 */
export class MergeError extends Error {
  override readonly name = 'MergeError';
}
