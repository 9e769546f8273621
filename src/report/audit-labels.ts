/**
 * The words every report uses for the audit sections: declared statuts (French, never raw codes),
 * the labellisation readiness and the personalisation, so text, Markdown, HTML, CSV and Excel say
 * the same thing.
 */
import type { EvaluationJson, LabellisationJson, PersonnalisationJson, StatutDeclareJson } from '../evaluation/evaluation-document.js';
import type { Referentiel } from '../referentiel/model.js';
import { formatPercent, formatPoints } from './format.js';
import { actionLabel } from './tree.js';

export const STATUT_LABELS: Record<StatutDeclareJson['statut'], string> = {
  fait: 'fait',
  programme: 'programmé',
  pas_fait: 'pas fait',
  non_concerne: 'non concerné',
  non_renseigne: 'non renseigné',
  detaille: 'détaillé',
};

/** `pas_fait` → `pas fait`; an unknown code is returned as is. */
export function statutLabelFr(code: string | null): string {
  if (code === null) return '—';
  return (STATUT_LABELS as Record<string, string>)[code] ?? code;
}

/** `fait`, `détaillé 50/25/25`, with ` (preuve)` or ` (porté par 1.2.3.1)` when it is not the dossier's own statut. */
export function describeStatut(s: StatutDeclareJson | undefined, referentiel: Referentiel): string {
  if (!s) return '';
  const pc = (r: number): string => String(Math.round(r * 10000) / 100).replace('.', ',');
  const base = s.statut === 'detaille' && s.avancement ? `détaillé ${pc(s.avancement.fait)}/${pc(s.avancement.programme)}/${pc(s.avancement.pasFait)}` : STATUT_LABELS[s.statut];
  if (s.source === 'preuve') return `${base} (preuve)`;
  if (s.source === 'parent') return `${base} (porté par ${actionLabel(s.porteur, referentiel)})`;
  return base;
}

export const TITRE_LABELLISATION = 'Demande de labellisation';

/** « Étoile atteinte par le score : 3 » then « Étoile demandable : aucune » — never one for the other. */
export function readinessHeadline(l: LabellisationJson): string[] {
  const lines = [`Étoile atteinte par le score : ${l.etoileScore}`];
  if (l.etoileCible !== l.etoileScore) lines.push(`Étoile visée (critères jugés pour elle) : ${l.etoileCible}`);
  lines.push(`Étoile demandable : ${l.etoileDemandable ?? 'aucune'}${l.raisons.length > 0 ? ` — ${l.raisons.join(' ; ')}` : ''}`);
  return lines;
}

/** One line per condition: `✓ toutes les tâches sont renseignées — 1111 / 1111 tâches renseignées`. */
export function conditionLines(l: LabellisationJson, referentiel: Referentiel): { rempli: boolean; texte: string }[] {
  return l.conditions.map((c) => {
    const where = c.actionId ? ` [${actionLabel(c.actionId, referentiel)}${c.jugeSur && c.jugeSur !== c.actionId ? `, jugé sur ${actionLabel(c.jugeSur, referentiel)}` : ''}]` : '';
    return { rempli: c.rempli, texte: `${c.libelle}${where} — ${c.constat}` };
  });
}

export const TITRE_PERSONNALISATION = 'Personnalisation';

/** `EP_1 = EP_1_b`, `dechets_4 = 0,5`, `AOM_1 = oui`. */
export function describeReponse(r: PersonnalisationJson['reponses'][number]): string {
  const v = r.valeur === true ? 'oui' : r.valeur === false ? 'non' : typeof r.valeur === 'number' ? String(r.valeur).replace('.', ',') : String(r.valeur ?? '—');
  return `${r.question} = ${v}`;
}

/** The answers by theme: `[['dechets', ['dechets_1 = oui', …]], …]`. */
export function reponsesParTheme(p: PersonnalisationJson): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const r of p.reponses) {
    const list = by.get(r.theme) ?? [];
    list.push(describeReponse(r) + (r.retenue ? '' : ' (ignorée)'));
    by.set(r.theme, list);
  }
  return [...by];
}

export const EFFET_LABELS: Record<PersonnalisationJson['actions'][number]['effet'], string> = {
  desactivation: 'désactivée',
  reduction: 'réduite',
  score: 'score plafonné',
};

/** `réduite : 10 → 5 points (facteur 0,5), règle cae_1.md:3:1, réponses EP_1` */
export function describeActionPersonnalisee(a: PersonnalisationJson['actions'][number]): string {
  const pts = `${formatPoints(a.pointAvant)} → ${formatPoints(a.pointApres)} points`;
  const facteur = a.facteur !== null ? ` (facteur ${String(a.facteur).replace('.', ',')})` : '';
  const ratio = a.ratioFaitAvant !== null && a.ratioFaitApres !== null ? ` ; fait ${formatPercent(a.ratioFaitAvant)} → ${formatPercent(a.ratioFaitApres)}` : '';
  const causes = [...a.reponses, ...a.identite.map((i) => `identité ${i}`)];
  return `${EFFET_LABELS[a.effet]} : ${pts}${facteur}${ratio} — ${causes.length > 0 ? causes.join(', ') : 'sans réponse lue'} (règle ${a.regle})`;
}

export function hasAuditSections(doc: EvaluationJson): boolean {
  return doc.labellisation !== undefined;
}
