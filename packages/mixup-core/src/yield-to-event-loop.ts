// wasm and cpu compute synchronously: a long fit must hand the event loop back now and then so
// timers, signals, I/O (Node) and rendering and input (browsers) keep running.

/** Resolves on the next turn of the event loop: setImmediate in Node, a MessageChannel in browsers. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      // The DOM's MessagePort (Node's typings describe Node's own, event-emitter one).
      (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
