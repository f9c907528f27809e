declare global {
  interface Window {
    /** What the page computed (each page's own result type), for the test to read. */
    __result?: unknown;
    /** The page's error, message and stack. */
    __failure?: string;
  }
}

/** Publishes what `run` resolves to on window.__result, or why it failed on window.__failure. */
export function report(run: Promise<unknown>): void {
  run.then(
    (result) => {
      window.__result = result;
    },
    (error: unknown) => {
      window.__failure = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    },
  );
}
