import type { Command } from '../command.js';

/** The registry of sub-commands; each lives in its own file beside this one. */
export const commands: Record<string, Command> = {};
