/**
 * The personalisation questions asked of this collectivité (questionsActives: the engine decides),
 * rebuilt only when that set changes, so typing never loses the focus.
 */
import type { Question } from '../../personnalisation/question.js';
import { withReponse } from '../dossier-edit.js';
import { questionsActives } from '../questions-actives.js';
import { type Etat, abonner, changer } from './etat.js';
import { champ, el, options } from './dom.js';

function identiteDe(etat: Etat) {
  const c = etat.dossier.collectivite ?? {};
  return { ...(c.type ? { type: c.type } : {}), ...(c.population !== undefined ? { population: c.population } : {}), ...(c.localisation ? { localisation: c.localisation } : {}) };
}

function controle(etat: Etat, q: Question): HTMLElement {
  const id = `question-${q.id}`;
  const valeur = etat.dossier.reponses?.[q.id];
  if (q.type === 'proportion') {
    const input = el('input', { id, type: 'number', min: '0', max: '100', step: 'any', value: typeof valeur === 'number' ? String(Math.round(valeur * 10000) / 100) : '' });
    input.addEventListener('input', () => changer(etat, withReponse(etat.dossier, q.id, input.value === '' ? null : Number(input.value) / 100)));
    return champ(`${q.formulation} (en %)`, input);
  }
  const choix: [string, string][] = q.type === 'binaire' ? [['OUI', 'Oui'], ['NON', 'Non']] : q.choix.map((c) => [c.id, c.label]);
  const select = options(el('select', { id }), [['', '(sans réponse)'], ...choix], typeof valeur === 'string' ? valeur : '');
  select.addEventListener('change', () => changer(etat, withReponse(etat.dossier, q.id, select.value || null)));
  return champ(q.formulation, select);
}

export function vueQuestions(etat: Etat, questions: readonly Question[]): HTMLElement {
  const liste = el('div', { class: 'questions' });
  const section = el('section', { 'aria-labelledby': 'titre-questions' }, el('h2', { id: 'titre-questions' }, 'Personnalisation'), liste);
  let affichees = '';
  const maj = (e: Etat, force = false): void => {
    const actives = questionsActives(questions, identiteDe(e), e.dossier.reponses ?? {});
    const cle = actives.map((q) => q.id).join(' ');
    if (cle === affichees && !force) return;
    affichees = cle;
    liste.replaceChildren(...(actives.length > 0 ? actives.map((q) => controle(e, q)) : [el('p', {}, questions.length === 0 ? 'Ce référentiel n’a pas de questions de personnalisation.' : 'Aucune question ne se pose à cette collectivité.')]));
  };
  maj(etat, true);
  abonner(maj);
  (section as HTMLElement & { reconstruire?: () => void }).reconstruire = () => maj(etat, true);
  return section;
}
