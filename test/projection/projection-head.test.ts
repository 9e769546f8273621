/**
 * Projection end to end over HEAD's content (../shared/tet-head, imported at run time): the four
 * fixture dossiers' collectivités, answers and statuts (measure 6.1.1), with statuts generated on
 * tâches of several other mesures of HEAD's CAE, carried to HEAD's
 * TE. The TE dossier must score without error, and every statut must be the one HEAD's
 * switch-to-TE rule gives, recomputed here independently in floating point as HEAD does.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Dossier, StatutSaisi } from '../../src/dossier/dossier-schema.js';
import { type Evaluation, type EvaluationContext, evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { findCompanions } from '../../src/evaluation/context-sources.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { projeterVersTe } from '../../src/projection/projeter-vers-te.js';
import { originesOfNode } from '../../src/projection/origine.js';
import { PROJECT_DIR } from '../support/corpus.js';
import { importHeadContent } from '../support/head-content.js';
import { runCae } from '../support/run-cae.js';
import { describeTetHead } from '../support/tet-head.js';

const FIXTURES = join(PROJECT_DIR, 'fixtures', 'dossiers');
const CYCLE: (StatutSaisi | null)[] = ['fait', 'programme', 'pas_fait', { fait: 0.5, programme: 0.25, pas_fait: 0.25 }, null, 'non_concerne', 'fait'];

async function load(dir: string): Promise<EvaluationContext> {
  const { context, diagnostics } = await loadEvaluationContext({ referentiel: dir, ...findCompanions(dir) });
  if (!context) throw new Error(diagnostics.map((d) => d.message).join(' ; '));
  return context;
}

/** HEAD's rule as HEAD writes it, in floating point: the independent oracle. */
function regleHead(te: Evaluation, cae: Evaluation, teId: string): unknown {
  const teScore = te.result.scores.get(teId)!;
  if (!teScore.concerne) return 'non_concerne';
  const node = te.referentiel.actions.get(teId)!;
  const o = originesOfNode(node);
  if (o.kind !== 'liste') throw new Error(teId);
  const kept = o.origines.map((x) => ({ s: x.referentiel === 'cae' ? cae.result.scores.get(x.actionId) : undefined, w: x.ponderation?.toNumber() || 1 })).filter((x) => x.s !== undefined && x.s.concerne);
  if (kept.length === 0) return 'non_concerne';
  const pot = teScore.pointPotentiel.toNumber();
  const roundTo = (n: number) => Math.round(n * 1000 + Number.EPSILON) / 1000;
  const total = kept.reduce((a, x) => a + x.s!.pointReferentiel.toNumber() * x.w, 0);
  const ratio = total ? pot / total : 0;
  const part = (k: 'faitTachesAvancement' | 'programmeTachesAvancement' | 'pasFaitTachesAvancement') =>
    roundTo(ratio * kept.reduce((a, x) => a + (x.s![k].toNumber() / (x.s!.totalTachesCount || 1)) * x.s!.pointReferentiel.toNumber() * x.w, 0));
  const [f, p, pf] = [part('faitTachesAvancement'), part('programmeTachesAvancement'), part('pasFaitTachesAvancement')];
  if (f === 0 && p === 0 && pf === 0) return 'non_renseigne';
  const t = pot === 0 ? [0, 0, 0] : [f / pot, p / pot, pf / pot];
  const e = 1e-3;
  const discret = (a: number, b: number, c: number) => a >= 1 - e && b <= e && c <= e;
  if (discret(t[0]!, t[1]!, t[2]!) || discret(t[1]!, t[0]!, t[2]!) || discret(t[2]!, t[0]!, t[1]!)) return t[0]! >= 1 - e ? 'fait' : t[1]! >= 1 - e ? 'programme' : 'pas_fait';
  // HEAD floors value × 100 / 5 in floating point; a 1e-9 tolerance keeps its binary noise out.
  const cinq = (v: number) => Math.floor((v * 100) / 5 + 1e-9) * 5;
  const [cf, cp] = [cinq(t[0]!), cinq(t[1]!)];
  return { fait: cf / 100, programme: cp / 100, pas_fait: (100 - cf - cp) / 100 };
}

describeTetHead('cae projeter : CAE de HEAD vers TE de HEAD', () => {
  let work: string;
  let caeDir: string;
  let teDir: string;
  let cae: EvaluationContext;
  let te: EvaluationContext;
  const dossiers: { nom: string; dossier: Dossier }[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cae-projection-'));
    caeDir = await importHeadContent('cae', join(work, 'cae'));
    teDir = await importHeadContent('te', join(work, 'te'));
    [cae, te] = await Promise.all([load(caeDir), load(teDir)]);
    const mesures = [...cae.referentiel.actions.values()].filter((n) => n.type === 'mesure');
    const questions = cae.personnalisation?.questions;
    for (const [k, file] of readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort().entries()) {
      const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Dossier;
      const statuts: Record<string, StatutSaisi> = {};
      mesures.forEach((m, i) => {
        if ((i + k) % 4 !== 0) return;
        const taches = [...cae.referentiel.actions.values()].filter((n) => n.type === 'tache' && n.id.startsWith(`${m.id}.`));
        taches.forEach((t, j) => {
          const s = CYCLE[(i + j + k) % CYCLE.length]!;
          if (s !== null) statuts[t.identifiant] = s;
        });
      });
      const reponses = Object.fromEntries(Object.entries(fixture.reponses ?? {}).filter(([q]) => questions?.has(q)));
      // The fixture's own statuts (measure 6.1.1, which HEAD's CAE has too) are carried as well.
      const dossier: Dossier = { referentiel: 'cae', ...(fixture.date ? { date: fixture.date } : {}), ...(fixture.collectivite ? { collectivite: fixture.collectivite } : {}), reponses, statuts: { ...statuts, ...(fixture.statuts ?? {}) } };
      dossiers.push({ nom: file, dossier });
    }
  }, 120_000);

  it('chaque dossier projeté se note sans erreur et chaque statut suit la règle de HEAD', () => {
    expect(dossiers).toHaveLength(4);
    for (const { nom, dossier } of dossiers) {
      const ev = evaluateDossier(cae, dossier);
      const p = projeterVersTe(te, [ev]);
      expect(p.reportes.length, nom).toBeGreaterThan(10);
      const sansStatuts = { ...p.dossier };
      delete sansStatuts.statuts;
      const avant = evaluateDossier(te, sansStatuts);
      const apres = evaluateDossier(te, p.dossier);
      expect(apres.constats.filter((c) => c.severity === 'error'), nom).toEqual([]);
      expect(apres.result.scores.get('te')!.pointFait.isZero(), nom).toBe(false);
      for (const [identifiant, statut] of Object.entries(p.dossier.statuts ?? {})) {
        expect(statut, `${nom} te_${identifiant}`).toEqual(regleHead(avant, ev, `te_${identifiant}`));
      }
      const kinds = new Set(p.reportes.map((r) => r.statut.statut));
      expect([...kinds].sort(), nom).toEqual(expect.arrayContaining(['detaille', 'fait']));
      for (const n of p.nonReportees) expect(['cible-non-concernee', 'aucune-origine-concernee', 'origines-non-renseignees', 'sans-origine']).toContain(n.code);
    }
  });

  it('la commande écrit le dossier TE et montre les scores avant et après', () => {
    const input = join(work, 'dossier-cae.json');
    writeFileSync(input, JSON.stringify(dossiers[0]!.dossier, null, 2));
    const out = join(work, 'dossier-te.json');
    const r = runCae(['projeter', input, '--vers', 'te', '--referentiel', teDir, '--cae', caeDir, '-o', out], [input, join(work, 'cae'), join(work, 'te')], { cwd: work, timeout: 120_000 });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/avant \(cae\)\s+après \(te\)/);
    expect(r.stdout).toMatch(/^étoile\s+\d\s+\d/m);
    expect(r.stdout).toMatch(/statut\(s\) reporté\(s\) en te/);
    const projete = JSON.parse(readFileSync(out, 'utf8')) as Dossier;
    expect(projete.referentiel).toBe('te');
    expect(Object.keys(projete.statuts ?? {}).length).toBeGreaterThan(10);
    const again = runCae(['score', out, '--referentiel', teDir, '--format', 'json'], [out], { cwd: work, timeout: 120_000 });
    expect(again.status, again.stderr).toBe(0);
    const over = runCae(['projeter', input, '--vers', 'te', '--referentiel', teDir, '--cae', caeDir, '-o', input], [input], { cwd: work, timeout: 120_000 });
    expect(over.status).toBe(2);
    expect(over.stderr).toContain('sortie-est-une-entree');
    const vers = runCae(['projeter', input, '--vers', 'eci', '--referentiel', teDir], [input], { cwd: work });
    expect(vers.status).toBe(2);
    expect(vers.stderr).toContain('vers-inconnu');
  }, 300_000);
});
