/**
 * A full CAE dossier with personalisation, made up from the corpus (never copied): a statut on
 * most tâches, and an answer to every question (binaire NON then OUI in turn, the first choice,
 * a proportion of 0.4), for an EPCI of 80,000 inhabitants. Deterministic.
 */
import { parseQuestions, parseReferentiel } from '../../src/node/index.js';
import { tet } from '../support/corpus.js';
import { randomDossierJson } from '../support/random-dossier.js';

export async function fullCaeDossier(): Promise<Record<string, unknown>> {
  const { referentiel } = await parseReferentiel(tet('referentiels', 'cae'));
  const { questions } = await parseQuestions(tet('questions'));
  const reponses: Record<string, unknown> = {};
  questions.forEach((q, i) => {
    if (q.type === 'binaire') reponses[q.id] = i % 2 === 0 ? 'NON' : 'OUI';
    else if (q.type === 'choix' && q.choix[0]) reponses[q.id] = q.choix[0].id;
    else if (q.type === 'proportion') reponses[q.id] = 0.4;
  });
  const dossier = randomDossierJson(referentiel!, 2026);
  return { ...dossier, referentiel: 'cae', date: '2026-06-30', collectivite: { nom: 'Communauté Exemple', type: 'EPCI', population: 80000, localisation: 'Metropole' }, reponses };
}
