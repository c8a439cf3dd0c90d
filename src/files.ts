import { renameSync, writeFileSync } from 'node:fs';

/** Writes a whole file or nothing: to `file.tmp-<pid>`, then renamed into place. */
export function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
