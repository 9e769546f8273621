/** A personnalisation question (scoring.md §1.9, §6.3). */
import type { SourcePosition } from '../diagnostics/diagnostic.js';

export type QuestionType = 'binaire' | 'choix' | 'proportion';

export interface Choix {
  id: string;
  label: string;
  ordonnancement: number | null;
  position: SourcePosition;
}

export interface Question {
  id: string;
  type: QuestionType;
  formulation: string;
  thematiqueId: string | null;
  actions: string[];
  typesConcernes: string[] | null;
  ordonnancement: number | null;
  description: string;
  choix: Choix[];
  position: SourcePosition;
}

