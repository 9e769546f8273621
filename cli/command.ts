import type { CliIo } from './io.js';

/** One `cae` sub-command: its own module, its own French help with examples. */
export interface Command {
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}
