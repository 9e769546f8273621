/**
 * Everything the CLI does with the outside world goes through here, so commands stay thin and
 * testable: reading inputs (`-` is stdin), writing outputs atomically, and the exit-code contract
 * (0 done, 1 findings / invalid input / unmet --min-etoile, 2 usage error or unreadable file).
 */
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../src/io/atomic-write.js';

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
  env: Record<string, string | undefined>;
  readStdin: () => Promise<string>;
  /** Streams for line-by-line work (`--batch`): stdin, and stdout with backpressure. */
  stdinStream?: NodeJS.ReadableStream;
  stdoutStream?: NodeJS.WritableStream;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    env: process.env,
    stdinStream: process.stdin,
    stdoutStream: process.stdout,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Reads a text input; `-` means stdin. Unreadable paths become a UsageError (exit 2). */
export async function readTextInput(path: string, io: CliIo): Promise<string> {
  if (path === '-') return io.readStdin();
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError('fichier-illisible', `${path} : fichier illisible (${describeFsError(error)})`);
  }
}

/** Writes the result to `-o FILE` atomically, or to stdout. */
export async function writeOutput(content: string, output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined || output === '-') {
    io.stdout(content);
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
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
