/**
 * Writes a file so that readers see either the old content or the new one, never a half-written
 * file: write a sibling temporary file, then rename it over the target (atomic on POSIX).
 * On failure the temporary file is removed and the target is left untouched.
 * A target that exists and is not a regular file (`/dev/null`, a FIFO) is written in place:
 * renaming over it would replace the device or pipe itself.
 *
 * The work is done with synchronous calls: one output per CLI run, and fs/promises' extra handle
 * round trips made `cae build -o` several milliseconds slower. The API stays async.
 */
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export async function isSpecialFile(path: string): Promise<boolean> {
  return isSpecialFileSync(path);
}

function isSpecialFileSync(path: string): boolean {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st !== undefined && !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  if (isSpecialFileSync(path)) {
    writeFileSync(path, content);
    return;
  }
  const tmp = temporarySibling(path);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The original error is the one to report.
    }
    throw error;
  }
}
