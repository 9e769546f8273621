/**
 * Everything the CLI does with the outside world goes through here, so commands stay thin and
 * testable: reading inputs (`-` is stdin), writing outputs atomically, and the exit-code contract
 * (0 done, 1 findings / invalid input / unmet --min-etoile, 2 usage error or unreadable file).
 */
import { promises as fs } from 'node:fs';
import { decodeDossierBytes } from 'label-cae';
import { writeFileAtomic } from 'label-cae/node';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A problem the user can fix (bad flag, unreadable file). Printed without a stack trace, exit 2. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode = EXIT_USAGE,
  ) {
    super(message);
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout / stderr are terminals (colours, progress bars). */
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  /** The terminal's width when stdout is one (`process.stdout.columns`). */
  stdoutColumns?: number;
  env: Record<string, string | undefined>;
  /** The whole of stdin, as bytes (decoded as strict UTF-8 by readTextInput). */
  readStdin: () => Promise<Uint8Array>;
  /** Streams for line-by-line work (`--batch`): stdin, and stdout with backpressure. */
  stdinStream?: NodeJS.ReadableStream;
  stdoutStream?: NodeJS.WritableStream;
}

let streamsGuarded = false;

/**
 * A closed pipe (`cae build | head -c 100`) ends the command quietly; any other write error on the
 * standard streams (`> /dev/full`) is reported once, without a stack trace, with exit 2.
 */
function guardStandardStreams(): void {
  if (streamsGuarded) return;
  streamsGuarded = true;
  const onError = (name: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    if (name === 'stdout') {
      try {
        process.stderr.write(`cae : écriture impossible sur la sortie standard (${describeFsError(error)}) [ecriture-impossible]\n`);
      } catch {
        // Nothing left to report to.
      }
    }
    process.exit(EXIT_USAGE);
  };
  process.stdout.on('error', onError('stdout'));
  process.stderr.on('error', onError('stderr'));
}

export function processIo(): CliIo {
  guardStandardStreams();
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns > 0 ? { stdoutColumns: process.stdout.columns } : {}),
    env: process.env,
    stdinStream: process.stdin,
    stdoutStream: process.stdout,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** Reads a text input; `-` means stdin. Unreadable paths become a UsageError (exit 2). */
export async function readTextInput(path: string, io: CliIo): Promise<string> {
  let bytes: Uint8Array;
  if (path === '-') bytes = await io.readStdin();
  else {
    try {
      bytes = await fs.readFile(path);
    } catch (error) {
      throw new UsageError('fichier-illisible', `${path} : fichier illisible (${describeFsError(error)})`);
    }
  }
  const decoded = decodeDossierBytes(bytes);
  if (!decoded.ok) {
    const where = `${path === '-' ? '<stdin>' : path}:${decoded.line}:${decoded.column}`;
    throw new UsageError('encodage-invalide', `${where} : ${decoded.message}`, EXIT_FINDINGS);
  }
  return decoded.text;
}

/**
 * The standard streams by name: written through the streams the process already has (reopening
 * them by path fails on a socket, ENXIO, and renaming over them would replace the links).
 */
export const STDOUT_PATHS: ReadonlySet<string> = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);
const STDERR_PATHS: ReadonlySet<string> = new Set(['/dev/stderr', '/dev/fd/2', '/proc/self/fd/2']);

/** Writes the result to `-o FILE` atomically, or to stdout. */
export async function writeOutput(content: string, output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined || output === '-' || STDOUT_PATHS.has(output)) {
    io.stdout(content);
    return;
  }
  if (STDERR_PATHS.has(output)) {
    io.stderr(content);
    return;
  }
  try {
    await writeFileAtomic(output, content);
  } catch (error) {
    throw new UsageError('ecriture-impossible', `${output} : écriture impossible (${describeFsError(error)})`);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'fichier ou dossier introuvable';
    case 'EACCES':
    case 'EPERM':
      return 'permission refusée';
    case 'EISDIR':
      return "c'est un dossier";
    case 'ENOTDIR':
      return "un élément du chemin n'est pas un dossier";
    case 'EROFS':
      return 'système de fichiers en lecture seule';
    case 'ENOSPC':
      return "plus d'espace sur le périphérique";
    case 'EPIPE':
      return 'tube fermé par le lecteur';
    case 'ELOOP':
      return 'boucle de liens symboliques';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
