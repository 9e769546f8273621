/** A personnalisation rule entry: one action, up to one rule of each type (scoring.md §1.9, §6.1). */
import type { SourcePosition } from '../diagnostics/diagnostic.js';

export type RegleType = 'desactivation' | 'reduction' | 'score';

export interface Regle {
  type: RegleType;
  titre: string;
  formule: string;
  /** First character of the formula text (not the fence). */
  formulePosition: SourcePosition;
  description: string;
  position: SourcePosition;
}

export interface RegleEntry {
  actionId: string;
  titre: string;
  position: SourcePosition;
  regles: Regle[];
}

