/**
 * The personalisation questions the page asks: those the engine asks of this collectivité (its
 * type, each question's visibility formula on the answers given), decided by the engine's own
 * `filterReponsesActives`, so the page never shows a question whose answer would be ignored.
 */
import type { Identite } from '../identite/identite.js';
import type { Question } from '../personnalisation/question.js';
import { filterReponsesActives } from '../personnalisation/questions-actives.js';
import { toReponseValue } from '../dossier/dossier-inputs.js';
import type { ReponseSaisie } from './dossier-edit.js';

/** An answer of the right type, only to ask the engine whether the question would be kept. */
const sonde = (q: Question): ReponseSaisie => (q.type === 'binaire' ? 'OUI' : q.type === 'choix' ? (q.choix[0]?.id ?? '') : 0);

export function questionsActives(questions: readonly Question[], identite: Identite, reponses: Readonly<Record<string, ReponseSaisie>>): Question[] {
  const donnees = new Map(Object.entries(reponses).map(([id, v]) => [id, toReponseValue(v)]));
  return questions.filter((q) => {
    // The question's own answer (or a probe) with the others as given: visibility reads those.
    const avec = new Map(donnees);
    if (!avec.has(q.id)) avec.set(q.id, toReponseValue(sonde(q)));
    return filterReponsesActives(new Map([[q.id, q]]), identite, avec).ignorees.length === 0;
  });
}
