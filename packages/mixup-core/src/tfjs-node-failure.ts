// Why `import('@tensorflow/tfjs-node')` failed, in words that say what to do. The common cases differ
// in cause and cure: the package is simply absent (an opt-in optional peer); it is installed but its
// install script could not download libtensorflow and the prebuilt addon (offline or blocked
// installs); or the addon is there but cannot be loaded.

const PACKAGE = '@tensorflow/tfjs-node';

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
}

/** A short reason for BackendInfo.skipped, from the error that importing tfjs-node threw. */
export function explainTfjsNodeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  // Only the package itself missing: a missing dependency of tfjs-node names that dependency instead.
  // Node says "Cannot find package"; Vite's resolver (vitest, dev servers) "Could not resolve".
  const nodeMissing =
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    new RegExp(`Cannot find (package|module) '${PACKAGE}'`).test(message);
  if (nodeMissing || message.startsWith(`Could not resolve "${PACKAGE}"`)) {
    return `not installed (npm install ${PACKAGE} to opt in)`;
  }
  // tfjs-node's own check (dist/index.js) before it requires lib/napi-v*/tfjs_binding.node.
  if (/native addon module \(tfjs_binding\.node\) can not be found/.test(message)) {
    return (
      'installed without its native addon and libtensorflow, which its install script downloads ' +
      `(an offline or blocked install skips them): run npm rebuild ${PACKAGE} with network access, or uninstall it`
    );
  }
  if (/libtensorflow/.test(message)) {
    return `installed, but its native addon cannot load libtensorflow (${firstLine(error)}): npm rebuild ${PACKAGE}`;
  }
  if (code === 'ERR_DLOPEN_FAILED') {
    return `installed, but its native addon failed to load (${firstLine(error)}): npm rebuild ${PACKAGE}`;
  }
  return `failed to load (${firstLine(error)})`;
}
