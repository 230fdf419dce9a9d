/**
 * V8's flags, set while the process runs. node:v8 costs ~0.7 ms to load, so it is loaded on the
 * first call and not by every command.
 */
import { createRequire } from 'node:module';

let setFlags: ((flags: string) => void) | undefined;

export function setV8Flag(name: string, on: boolean): void {
  setFlags ??= (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString;
  setFlags(`--${on ? '' : 'no-'}${name}`);
}
