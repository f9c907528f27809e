// TEMPORARY: mixup-core's training loop yields with Node's setImmediate, which browsers lack; its
// replacement by a browser-safe yield is on its way. Delete this file and its import then: the test
// must prove that the packages need no shim.
const scope = globalThis as { setImmediate?: (callback: () => void) => unknown };
if (typeof scope.setImmediate !== 'function') scope.setImmediate = (callback) => setTimeout(callback, 0);
