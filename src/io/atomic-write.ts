/**
 * Writes a file so that readers see either the old content or the new one, never a half-written
 * file: write a sibling temporary file, then rename it over the target (atomic on POSIX).
 * On failure the temporary file is removed and the target is left untouched.
 * A target that exists and is not a regular file (`/dev/null`, a FIFO) is written in place:
 * renaming over it would replace the device or pipe itself.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export async function isSpecialFile(path: string): Promise<boolean> {
  try {
    const st = await fs.stat(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  if (await isSpecialFile(path)) {
    await fs.writeFile(path, content);
    return;
  }
  const tmp = temporarySibling(path);
  try {
    await fs.writeFile(tmp, content, { flag: 'wx' });
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}
