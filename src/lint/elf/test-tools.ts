/**
 * Host tools the lint unit tests compare against (gcc, readelf, file, lintian). Locally a missing
 * tool skips the comparison; with CI set it fails the run, naming the package to install.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const found = new Map<string, boolean>();

export function findToolSync(name: string, debianPackage: string): boolean {
  let ok = found.get(name);
  if (ok === undefined) {
    ok = (process.env.PATH ?? '').split(delimiter).some((dir) => {
      try {
        accessSync(join(dir || '.', name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
    found.set(name, ok);
  }
  if (!ok && process.env.CI) {
    throw new Error(`${name} is not installed; the test suite needs it. Install it with: apt-get install ${debianPackage}`);
  }
  return ok;
}
