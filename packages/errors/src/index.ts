export { argumentMessage } from './argument-message.js';
export { numberError, rangeError, typeError } from './argument-errors.js';
export { describeFound } from './describe-found.js';
