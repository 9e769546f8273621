import { describe, expect, it } from 'vitest';
import { parseFormule } from '../formule/parser.js';
import { parseReferentielFiles } from '../referentiel/parse-referentiel.js';
import { renderCsv, renderMarkdown, renderText } from '../report/index.js';
import { checkDossier } from './check-dossier.js';
import { evaluateDossier } from './evaluate-dossier.js';
import { evaluationToJson, explainAction } from './evaluation-to-json.js';
import { indicateursReferences } from './score-indicatif.js';

const FORMULE = 'si val(cae_7) < limite(cae_7) alors 0\nsinon si val(cae_7) > cible(cae_7) alors 1\nsinon (val(cae_7) - limite(cae_7)) / (cible(cae_7) - limite(cae_7))';
const ROOT = '# Racine\n```yaml\nidentifiant: ""\nreferentiel: "cae"\n```\n';
const AXE = '# Axe\n```yaml\nidentifiant: 1\npoints: 10\n```\n## Actions\n### Sous-axe\n```yaml\nidentifiant: 1.1\n```\n';
const MESURE = `# Mesure\n\`\`\`yaml\nidentifiant: 1.1.1\npoints: 10\n\`\`\`\n## Score indicatif\n\`\`\`formule\n${FORMULE}\n\`\`\`\n`;
const files = (mesure: string) => [{ path: 'cae.md', content: ROOT }, { path: '1.md', content: AXE }, { path: '1.1.1.md', content: mesure }];

const referentiel = () => {
  const r = parseReferentielFiles(files(MESURE));
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.referentiel!;
};

describe('score indicatif', () => {
  it('nomme les indicateurs de toutes les fonctions, dans l’ordre', () => {
    expect(indicateursReferences(parseFormule('cible(b) + val(a) + limite(b) + opt_val(c, src)'))).toEqual(['b', 'a', 'c']);
  });

  it('fait (résultats) et programmé (objectifs), exacts, à côté des points et jamais ajoutés', () => {
    const context = { referentiel: referentiel() };
    const base = { collectivite: { type: 'commune' as const }, statuts: { '1.1.1': 'pas_fait' as const } };
    const sans = evaluateDossier(context, base);
    const ev = evaluateDossier(context, { ...base, indicateurs: { cae_7: { resultat: 3, objectif: 4.1, cible: 5, limite: 2 } } });
    expect(ev.scoresIndicatifs.get('cae_1.1.1')!.fait.score!.toFraction()).toBe('1/3');
    expect(ev.scoresIndicatifs.get('cae_1.1.1')!.programme.score!.toFraction()).toBe('7/10');
    const json = evaluationToJson(ev, { explain: true });
    expect(json.scores['cae_1.1.1']!.scoreIndicatif).toEqual({
      fait: { ratio: 0.3333, exact: '1/3', lu: ['indicateur.cae_7', 'limite.cae_7', 'cible.cae_7'], manquant: [] },
      programme: { ratio: 0.7, exact: '7/10', lu: ['indicateur.cae_7', 'limite.cae_7', 'cible.cae_7'], manquant: [] },
    });
    expect(json.explications!['cae_1.1.1']!.scoreIndicatif).toEqual({
      formule: FORMULE,
      source: '1.1.1.md:8:1',
      entreesFait: { 'indicateur.cae_7': 3, 'limite.cae_7': 2, 'cible.cae_7': 5 },
      entreesProgramme: { 'indicateur.cae_7': 4.1, 'limite.cae_7': 2, 'cible.cae_7': 5 },
    });
    // Never in the points: every other field is as without indicateurs.
    const sansJson = evaluationToJson(sans, { explain: true });
    const { scoreIndicatif: _, ...points } = json.scores['cae_1.1.1']!;
    expect(points).toEqual(sansJson.scores['cae_1.1.1']);
    expect(json.etoile).toEqual(sansJson.etoile);
    expect(Object.keys(sansJson.scores).some((id) => 'scoreIndicatif' in sansJson.scores[id]!)).toBe(false);
    expect(explainAction(sans, 'cae_1.1.1')).not.toHaveProperty('scoreIndicatif');
    // Reports: a separate section / columns, only when there is an indicative score.
    const r = context.referentiel;
    expect(renderText(json, r, { color: false })).toContain('Scores indicatifs (1)');
    expect(renderText(json, r, { color: false })).toContain('1.1.1 Mesure : fait 33,33 % (1/3) · programmé 70,00 % (7/10)');
    expect(renderText(sansJson, r, { color: false })).not.toContain('Scores indicatifs');
    expect(renderMarkdown(json, r)).toContain('| 1.1.1 | Mesure | 33,33 % (1/3) | 70,00 % (7/10) |');
    expect(renderCsv(json, r).split('\n')[0]).toMatch(/,score_indicatif_fait,score_indicatif_programme$/);
    expect(renderCsv(json, r).split('\n')[4]).toMatch(/,0\.3333,0\.7$/);
    expect(renderCsv(sansJson, r).split('\n')[0]).toMatch(/,completed_taches_count$/);
  });

  it('non calculable sans valeur, avec la lecture manquante ; absent si la formule ne nomme aucun indicateur donné', () => {
    const context = { referentiel: referentiel() };
    const ev = evaluateDossier(context, { indicateurs: { cae_7: { cible: 5, limite: 2 } } });
    const si = evaluationToJson(ev).scores['cae_1.1.1']!.scoreIndicatif!;
    expect(si.fait).toEqual({ ratio: null, exact: null, lu: ['indicateur.cae_7', 'limite.cae_7', 'cible.cae_7'], manquant: ['indicateur.cae_7'] });
    expect(renderText(evaluationToJson(ev), context.referentiel, { color: false })).toContain('fait non calculable (manque indicateur.cae_7)');
    const autre = evaluateDossier(context, { indicateurs: { cae_8: { resultat: 1 } } });
    expect(autre.scoresIndicatifs.size).toBe(0);
  });

  it('un indicateur qu’aucune formule ne lit est un avertissement, avec une suggestion', () => {
    const context = { referentiel: referentiel() };
    expect(checkDossier(context, { indicateurs: { cae_7: { resultat: 1 }, 'cae_7 ': { resultat: 1 }, pm10: {} } })).toEqual([
      { code: 'indicateur-non-lu', severity: 'warning', message: 'Indicateur « cae_7  » ignoré : aucune formule de score indicatif ne le lit : vouliez-vous dire « cae_7 » ?', pointer: '/indicateurs/cae_7 ' },
      { code: 'indicateur-non-lu', severity: 'warning', message: 'Indicateur « pm10 » ignoré : aucune formule de score indicatif ne le lit', pointer: '/indicateurs/pm10' },
    ]);
    const sansFormule = parseReferentielFiles(files(MESURE.replace(/## Score indicatif[\s\S]*$/, ''))).referentiel!;
    expect(checkDossier({ referentiel: sansFormule }, { indicateurs: { cae_7: { resultat: 1 } } }).map((d) => d.code)).toEqual(['indicateurs-sans-score-indicatif']);
  });
});
