import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseQuestionsFiles } from '../personnalisation/parse-questions.js';
import { readCsv } from './read-csv.js';
import { writeQuestions } from './write-questions.js';
import type { ImportFiles } from './write-referentiel.js';

const QUESTIONS = `id,formulation,type,thematiqueId,ordonnancement,exprVisible,typesCollectivitesConcernees,description
EP_1,Compétence éclairage ?,choix,energie,1,,,
EP_2,Part de la collectivité ?,proportion,energie,2,"si reponse(EP_1, EP_1_a) alors FAUX
 sinon VRAI",,"Part en %"
dev_eco_2,Part ?,proportion,produire,,,commune,
`;
const CHOICES = 'id,questionId,ordonnancement,formulation\nEP_1_a,EP_1,,Oui\nEP_1_b,EP_1,,Non\n';

describe('writeQuestions', () => {
  it('écrit une question par thématique, visibilité et types relus par parseQuestions', () => {
    const ds: Diagnostic[] = [];
    const files: ImportFiles = new Map();
    const n = writeQuestions({ questions: readCsv(QUESTIONS, 'q.csv', ds), choices: readCsv(CHOICES, 'c.csv', ds), thematiques: null }, new Map([['EP_1', ['cae_2.3.1']]]), files, ds);
    expect(ds).toEqual([]);
    expect(n).toBe(3);
    expect([...files.keys()]).toEqual(['questions/energie.md', 'questions/produire.md']);
    const r = parseQuestionsFiles([...files].map(([path, content]) => ({ path, content })));
    expect(r.diagnostics).toEqual([]);
    const [ep1, ep2, dev] = r.questions;
    expect(ep1).toMatchObject({ id: 'EP_1', type: 'choix', actions: ['cae_2.3.1'], ordonnancement: 1, visibilite: null });
    expect(ep1!.choix.map((c) => [c.id, c.label])).toEqual([['EP_1_a', 'Oui'], ['EP_1_b', 'Non']]);
    expect(ep2!.visibilite).toMatchObject({ formule: 'si reponse(EP_1, EP_1_a) alors FAUX\n sinon VRAI', formulePosition: { file: 'questions/energie.md' } });
    expect(ep2!.visibilite!.ast).not.toBeNull();
    expect(ep2!.description).toBe('Part en %');
    expect(dev).toMatchObject({ typesConcernes: ['commune'], ordonnancement: null });
  });

  it('signale type inconnu, doublon et choix orphelin à leur ligne', () => {
    const ds: Diagnostic[] = [];
    writeQuestions(
      { questions: readCsv('id,formulation,type\na,A ?,binaire\na,Encore ?,binaire\nb,B ?,texte\n', 'q.csv', ds), choices: readCsv('id,questionId,formulation\nz_a,z,Oui\n', 'c.csv', ds), thematiques: null },
      new Map(),
      new Map(),
      ds,
    );
    expect(ds.map((d) => `${d.position!.file}:${d.position!.line}:${d.code}`)).toEqual(['q.csv:3:import-question-dupliquee', 'q.csv:4:import-question-type-inconnu', 'c.csv:2:import-choix-orphelin']);
  });
});
