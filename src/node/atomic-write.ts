/**
 * Writes a file so that readers see either the old content or the new one, never a half-written
 * file: write a sibling temporary file, then rename it over the target (atomic on POSIX).
 * On failure (a full disk, a permission) the temporary file is removed, the target is left
 * untouched and the error is thrown.
 *
 * - A symbolic link is written through, to its target: the link stays a link.
 * - The target's permission bits are kept (a script stays executable, a private file private).
 * - A target that is not a regular file (`/dev/stdout`, `/dev/null`, a FIFO, a terminal) or that
 *   lives under `/dev` or `/proc` is written in place: renaming over it would replace the device,
 *   the pipe or the machine's `/dev/stdout` link itself.
 *
 * The work is done with synchronous calls: one output per CLI run, and fs/promises' extra handle
 * round trips made `cae build -o` several milliseconds slower. The API stays async.
 */
import { type Stats, chmodSync, closeSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * True when `path` must be written in place rather than replaced (see the module comment).
 *
 * @example
 * isSpecialFile('/dev/stdout'); // true: written in place, never renamed over
 */
export function isSpecialFile(path: string): boolean {
  const absolute = resolve(path);
  if (absolute.startsWith('/dev/') || absolute.startsWith('/proc/')) return true;
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st !== undefined && !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/**
 * The file a write to `path` must replace: the end of its chain of symbolic links. A path that
 * does not exist yet is its own target (its folder resolved, so a linked folder is honoured).
 *
 * @example
 * writeTarget('lien-vers-rapport.html'); // the absolute path the link points to
 */
export function writeTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** The file's status, or undefined when it cannot be had (absent, a file in the path): the write reports why. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
}

/** Writes all of `content` to an open descriptor; a short write (a full disk) throws. */
function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Where an atomic write of `path` goes: the link-resolved target, its temporary sibling, its mode. */
export interface AtomicTarget {
  target: string;
  tmp: string;
  /** The existing target's permission bits, to keep; null for a new file. */
  mode: number | null;
}

/**
 * The plan of an atomic write to a regular file (streams use it too: `cae score --batch -o`).
 *
 * @example
 * const { target, tmp, mode } = atomicTarget('resultats.jsonl'); // stream into tmp, then keepMode(tmp, mode) and rename(tmp, target)
 */
export function atomicTarget(path: string): AtomicTarget {
  const target = writeTarget(path);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
  return { target, tmp: temporarySibling(target), mode: existing ? existing.mode & 0o7777 : null };
}

/**
 * The mode given to open is filtered by the umask; the target's own bits are restored exactly.
 *
 * @example
 * keepMode(plan.tmp, plan.mode); renameSync(plan.tmp, plan.target);
 */
export function keepMode(tmp: string, mode: number | null): void {
  if (mode !== null) chmodSync(tmp, mode);
}

/**
 * Writes a file atomically: readers see the old content or the new one, never half (a temporary
 * sibling renamed over the target). A symbolic link is written through to its target, the target's
 * permission bits are kept, a device or pipe is written in place. On failure the target is
 * untouched and the error is thrown.
 *
 * @example
 * await writeFileAtomic('rapport.html', renderHtml(doc, ev.referentiel));
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  writeFileAtomicSync(path, content);
}

/**
 * `writeFileAtomic`, synchronous.
 *
 * @example
 * writeFileAtomicSync('cae.json', JSON.stringify(bundle));
 */
export function writeFileAtomicSync(path: string, content: string | Uint8Array): void {
  if (isSpecialFile(path)) {
    const fd = openSync(path, 'w');
    try {
      writeAll(fd, content);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const { target, tmp, mode } = atomicTarget(path);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    keepMode(tmp, mode);
    writeAll(fd, content);
    closeSync(fd);
    fd = null;
    renameSync(tmp, target);
  } catch (error) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // The write error is the one to report.
      }
    }
    rmSync(tmp, { force: true });
    throw error;
  }
}
