import * as tf from '@tensorflow/tfjs-core';

/**
 * Makes the registered backend `name` tfjs' active one and waits until it is initialised; throws when
 * tf.setBackend refuses it (e.g. its initialisation failed).
 */
export async function activateBackend(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
}
