import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

// Debian's package installs /usr/bin/chromium; other systems name it differently. Never a
// downloaded browser: the test uses the one the machine has (CI installs Debian's).
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
export const CHROMIUM_VARIABLE = 'CHROMIUM_PATH';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to run: $CHROMIUM_PATH, else the first of NAMES on $PATH; null when there is none. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const explicit = env[CHROMIUM_VARIABLE];
  if (explicit != null && explicit !== '') {
    if (!isExecutable(explicit)) {
      throw new Error(`environment variable ${CHROMIUM_VARIABLE}: expected an executable file, found ${explicit}`);
    }
    return explicit;
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    for (const name of NAMES) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return null;
}

/** What the test prints when it finds no Chromium. */
export const NO_CHROMIUM =
  `no Chromium found (looked for ${NAMES.join(', ')} on PATH, and ${CHROMIUM_VARIABLE}); ` +
  'install it with `apt-get install -y chromium` (.ci/run does) or set CHROMIUM_PATH';
