/**
 * Every rule formula of the lint context, parsed once per call with its file position: the rules
 * that reason on formulas (`personnalisation-impossible`, `question-jamais-posee`) walk these. A
 * formula that does not parse is skipped here: `formule-syntaxe` reports it.
 */
import type { Noeud } from '../formule/ast.js';
import { isFormuleError } from '../formule/errors.js';
import { parseFormuleComplete } from '../formule/parser.js';
import type { Regle, RegleEntry } from '../personnalisation/regle.js';

export interface RegleFormule {
  entry: RegleEntry;
  regle: Regle;
  ast: Noeud;
}

export function* regleFormules(regles: readonly RegleEntry[] | null): Generator<RegleFormule> {
  for (const entry of regles ?? []) {
    for (const regle of entry.regles) {
      const p = regle.formulePosition;
      try {
        yield { entry, regle, ast: parseFormuleComplete(regle.formule, { file: p.file, line: p.line, column: p.column }).ast };
      } catch (error) {
        if (!isFormuleError(error)) throw error;
      }
    }
  }
}
