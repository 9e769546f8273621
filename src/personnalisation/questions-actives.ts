/**
 * Active questions, as the platform has them today (TeT HEAD,
 * `personnalisation-questions-actives.service.ts`): before the rules run, an answer counts only if
 * its question is asked of this collectivité. A question is not asked when its
 * `types_concernes` does not include the collectivité's type (an EPCI or a syndicat is `epci`), or
 * when its visibility formula (`exprVisible`) is not true. Visibility formulas read the answers as
 * given (one pass, not the filtered ones), as HEAD does. Every dropped answer is said, with why.
 */
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Noeud } from '../formule/ast.js';
import { type Reponse, evaluateFormule } from '../formule/evaluate.js';
import type { Identite } from '../identite/identite.js';

/** What decides whether a question is asked: the part of a `Question` this step reads. */
export interface ActivationQuestion {
  id: string;
  typesConcernes: readonly string[] | null;
  visibilite: { formule: string; formulePosition: SourcePosition; ast: Noeud | null } | null;
}

export interface ReponseIgnoree {
  questionId: string;
  raison: 'type-non-concerne' | 'question-non-visible';
  /** French, for the constat and `cae explain`. */
  message: string;
}

export interface ReponsesActives {
  reponses: ReadonlyMap<string, Reponse>;
  ignorees: readonly ReponseIgnoree[];
}

/** HEAD names collectivité types in lower case, and counts a syndicat as an EPCI. */
function typeCollectivite(identite: Identite): string | null {
  if (identite.type === undefined) return null;
  return identite.type === 'commune' ? 'commune' : 'epci';
}

function isVisible(question: ActivationQuestion, identite: Identite, reponses: ReadonlyMap<string, Reponse>): boolean {
  const v = question.visibilite;
  if (!v) return true;
  // A formula our language cannot read is not true: HEAD excludes a question whose formula fails.
  if (!v.ast) return false;
  return evaluateFormule(v.ast, { identite, reponses }).value === true;
}

export function filterReponsesActives(questions: ReadonlyMap<string, ActivationQuestion>, identite: Identite, reponses: ReadonlyMap<string, Reponse>): ReponsesActives {
  let kept: Map<string, Reponse> | null = null;
  const ignorees: ReponseIgnoree[] = [];
  const type = typeCollectivite(identite);
  for (const [id] of reponses) {
    const q = questions.get(id);
    if (!q) continue;
    let ignoree: ReponseIgnoree | null = null;
    if (q.typesConcernes !== null && !q.typesConcernes.some((t) => t.toLowerCase() === type)) {
      const types = q.typesConcernes.join(', ');
      ignoree = {
        questionId: id,
        raison: 'type-non-concerne',
        message: `Réponse à ${id} ignorée : la question n'est posée qu'aux collectivités de type ${types}${type === null ? ', et le type de la collectivité n\u2019est pas donné' : `, pas aux ${identite.type === 'commune' ? 'communes' : 'EPCI'}`}`,
      };
    } else if (!isVisible(q, identite, reponses)) {
      const v = q.visibilite!;
      ignoree = {
        questionId: id,
        raison: 'question-non-visible',
        message: `Réponse à ${id} ignorée : la question n'est pas posée à cette collectivité, sa condition de visibilité « ${v.formule.trim()} » (${v.formulePosition.file}:${v.formulePosition.line}:${v.formulePosition.column}) n'est pas vraie`,
      };
    }
    if (ignoree) {
      kept ??= new Map(reponses);
      kept.delete(id);
      ignorees.push(ignoree);
    }
  }
  return { reponses: kept ?? reponses, ignorees };
}
