export { argumentMessage } from './argument-message.js';
export { rangeError, typeError } from './argument-errors.js';
export { describeFound } from './describe-found.js';
