import type { CliIo } from './io.js';

/** One `cae` sub-command: its own module, its own French help with examples. */
export interface Command {
  /** One line for `cae --help`; the registry (commands/index.ts) holds the one shown. */
  summary?: string;
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}
