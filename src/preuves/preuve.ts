/** A regulatory proof linked to actions (scoring.md §1.9). */
import type { SourcePosition } from '../diagnostics/diagnostic.js';

export interface Preuve {
  id: string;
  nom: string;
  actions: string[];
  description: string;
  position: SourcePosition;
}

