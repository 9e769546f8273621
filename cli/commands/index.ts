import type { Command } from '../command.js';
import { build } from './build.js';
import { compare } from './compare.js';
import { explain } from './explain.js';
import { plan } from './plan.js';
import { schema } from './schema.js';
import { score } from './score.js';

/** The registry of sub-commands; each lives in its own file beside this one. */
export const commands: Record<string, Command> = {
  build,
  score,
  explain,
  compare,
  plan,
  schema,
};
