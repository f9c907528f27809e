/**
 * A NaN or ±Inf where training cannot go on: in the loss, the weights or the gradients of a step
 * (fit stops before the update), or in a weight `save` was asked to write (nothing is written).
 * A state of the run, not of the arguments: a caller catches it to lower the learning rate, resume
 * from the last checkpoint (which never holds one) or record the run as diverged. The message says
 * which tensor, the value, where in it and when.
 */
export class NonFiniteError extends Error {
  override readonly name = 'NonFiniteError';
  /** What held the value, as the message names it: `the training loss`, `the gradient of dense_Dense1/kernel`, a weight's name. */
  readonly tensor: string | undefined;
  /** The first non-finite value found: NaN, Infinity or -Infinity (undefined when not located). */
  readonly value: number | undefined;

  constructor(message: string, tensor?: string, value?: number) {
    super(message);
    this.tensor = tensor;
    this.value = value;
  }
}
