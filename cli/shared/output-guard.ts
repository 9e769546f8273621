/**
 * An input is never lost: `-o` may not name an input file (by any path: a symbolic link, `./`,
 * a hard link) nor a place inside an input folder. Checked before anything is read or written.
 */
import { type Stats, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { writeTarget } from 'label-cae/node';
import { UsageError } from '../io.js';

/** The file's status, or undefined when it cannot be had (absent, a file in the path): the write reports why. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Throws `sortie-est-une-entree` (exit 2) when writing `output` would touch one of `inputs`. */
export function refuseOutputOverInput(output: string | undefined, inputs: readonly (string | undefined)[]): void {
  if (output === undefined || output === '-') return;
  const target = writeTarget(output);
  const targetStat = statOrUndefined(target);
  for (const input of inputs) {
    if (input === undefined || input === '-') continue;
    const real = realOrNull(input);
    if (real === null) continue;
    const st = statOrUndefined(real);
    if (!st) continue;
    const same = target === real || (targetStat !== undefined && targetStat.dev === st.dev && targetStat.ino === st.ino);
    const inside = st.isDirectory() && target.startsWith(real.endsWith(sep) ? real : real + sep);
    if (same || inside) {
      throw new UsageError(
        'sortie-est-une-entree',
        `-o ${output} : ${inside ? `se trouve dans le dossier d'entrée ${input}` : `désigne le fichier d'entrée ${input}`} ; il serait écrasé. Choisissez un autre fichier de sortie`,
      );
    }
  }
}
