/**
 * The label held, end to end on the embedded référentiel: its checks against the context, the
 * evaluation JSON (new fields beside the unchanged ones), the text report and `cae plan`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDossierText } from '../dossier/parse-dossier.js';
import type { Referentiel } from '../referentiel/model.js';
import { parseEmbeddedReferentiel } from '../referentiel/read-referentiel.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import { checkDossier } from './check-dossier.js';
import { evaluateDossier } from './evaluate-dossier.js';
import { evaluationToJson } from './evaluation-to-json.js';
import { planEtoile } from './plan-etoile.js';

let referentiel: Referentiel;
beforeAll(async () => {
  referentiel = (await parseEmbeddedReferentiel()).referentiel!;
});

const dossier = (extra: Record<string, unknown>) => parseDossierText(JSON.stringify({ referentiel: 'cae', date: '2026-06-30', statuts: { '6.1.1.1': 'fait', '6.1.1.2': 'fait' }, ...extra })).dossier!;

describe('labellisation in a dossier', () => {
  it('is refused when its étoile is not one of the configuration, and warned about when obtained after the évaluation', () => {
    const ctx = { referentiel, etoiles: { seuils: [{ etoile: 1, label: 'une', seuil: referentiel.root.points.sub(referentiel.root.points) }], criteres: [] } };
    expect(checkDossier(ctx, dossier({ labellisation: { etoile: 2 } })).map((d) => [d.code, d.severity, d.pointer])).toEqual([['labellisation-etoile-inconnue', 'error', '/labellisation/etoile']]);
    expect(checkDossier({ referentiel }, dossier({ labellisation: { etoile: 2, date: '2027-01-01' } })).map((d) => [d.code, d.severity, d.pointer])).toEqual([['labellisation-date-posterieure', 'warning', '/labellisation/date']]);
    expect(checkDossier({ referentiel }, dossier({ labellisation: { etoile: 2, date: '2025-01-01' } }))).toEqual([]);
  });

  it('keeps the existing JSON fields and adds the target, the global criterion and the étoile demandable', () => {
    const sans = evaluationToJson(evaluateDossier({ referentiel }, dossier({})));
    const avec = evaluationToJson(evaluateDossier({ referentiel }, dossier({ labellisation: { etoile: 2, date: '2024-01-01' } })));
    // 6.1.1.1 and 6.1.1.2 fait: 2.1 of 6 points, 35 %.
    expect([sans.etoile.etoile, sans.etoile.etoileCible, sans.etoile.labellisation, sans.etoile.critereScore]).toEqual([2, 2, null, { etoile: 2, seuil: 0.35, atteint: true }]);
    expect(sans.etoile.etoileDemandable).toBeNull(); // incomplete
    expect(sans.etoile.rempli).toBe(true); // HEAD's rempli leaves complétude aside
    const { labellisation, etoileCible, critereScore, rempli, ...rest } = avec.etoile;
    expect(rest).toEqual((({ labellisation: _l, etoileCible: _c, critereScore: _s, rempli: _r, ...r }) => r)(sans.etoile));
    expect([labellisation, etoileCible, critereScore, rempli]).toEqual([{ etoile: 2, date: '2024-01-01', prochaine: 3 }, 3, { etoile: 3, seuil: 0.5, atteint: false }, false]);
  });

  it('shows the label, the target and its global criterion in the text report', () => {
    const ev = evaluateDossier({ referentiel }, dossier({ labellisation: { etoile: 2, date: '2024-01-01' } }));
    const text = renderText(evaluationToJson(ev), referentiel, { color: false });
    expect(text).toContain('  label obtenu : 2 étoiles le 01/01/2024');
    expect(text).toContain('  étoile visée : 3 étoiles — score minimum 50,00 % fait : non atteint');
    expect(text).toContain("Critères de l'étoile visée (3 étoiles)");
    expect(renderMarkdown(evaluationToJson(ev), referentiel)).toContain("## Critères de l'étoile visée (3 étoiles)");
  });

  it('plans for the target étoile of a labelled collectivité when it is above the next one', () => {
    const ev = evaluateDossier({ referentiel }, dossier({ labellisation: { etoile: 4 } }));
    const plan = planEtoile({ referentiel }, ev);
    expect([plan.etoileActuelle, plan.etoileLabellisee, plan.etoileCible, plan.atteignable]).toEqual([2, 4, 5, true]);
    expect(planEtoile({ referentiel }, evaluateDossier({ referentiel }, dossier({}))).etoileCible).toBe(3);
  });
});
