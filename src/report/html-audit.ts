/**
 * The audit sections of the HTML report: the labellisation readiness (on the summary page), the
 * personalisation (answers by theme, answers ignored, actions changed) and the statut cell of the
 * detail tables. Every text from the référentiel or the dossier goes through `escapeHtml`.
 */
import type { EvaluationJson } from '../evaluation/evaluation-document.js';
import type { Referentiel } from '../referentiel/model.js';
import { TITRE_LABELLISATION, TITRE_PERSONNALISATION, conditionLines, describeActionPersonnalisee, readinessHeadline, reponsesParTheme } from './audit-labels.js';
import { escapeHtml as e } from './html-escape.js';
import { actionLabel } from './tree.js';

export function readinessHtml(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const l = evaluation.labellisation;
  if (!l) return '';
  const [score, ...rest] = readinessHeadline(l);
  const demandable = rest.pop()!;
  const conditions = conditionLines(l, referentiel).map((c) => `<li class="${c.rempli ? 'rempli' : 'non-rempli'}">${c.rempli ? '✓' : '✗'} ${e(c.texte)}</li>`);
  return `<section id="labellisation"><h2>${e(TITRE_LABELLISATION)}</h2>
<p class="verdict ${l.etoileDemandable === null ? 'non' : 'oui'}">${e(demandable)}</p>
<p>${[score!, ...rest].map(e).join('<br>')}</p>
<ul class="conditions">${conditions.join('\n')}</ul>
</section>`;
}

export function personnalisationHtml(evaluation: EvaluationJson, referentiel: Referentiel): string {
  const p = evaluation.personnalisation;
  if (!p) return '';
  const themes = reponsesParTheme(p);
  const reponses = themes.length === 0 ? '<p>Aucune réponse dans le dossier.</p>' : `<dl class="reponses">${themes.map(([t, list]) => `<dt>${e(t)}</dt><dd>${list.map(e).join(' · ')}</dd>`).join('\n')}</dl>`;
  const ignorees = p.reponsesIgnorees.length === 0 ? '' : `<h3>Réponses ignorées (${p.reponsesIgnorees.length})</h3><ul>${p.reponsesIgnorees.map((i) => `<li>${e(i.message)}</li>`).join('\n')}</ul>`;
  const valeurs = new Map(p.reponses.map((r) => [r.question, r]));
  const rows = p.actions.map((a) => {
    const causes = a.reponses.map((q) => (valeurs.has(q) ? `${q} = ${String(valeurs.get(q)!.valeur)}` : `${q} (sans réponse)`));
    return `<tr><td class="id">${e(actionLabel(a.actionId, referentiel) ?? a.actionId)}</td><td>${e(describeActionPersonnalisee(a))}</td><td>${e(causes.join(', ') || '—')}</td></tr>`;
  });
  const actions =
    rows.length === 0
      ? '<p>Aucune action réduite ni désactivée.</p>'
      : `<table class="personnalisation"><thead><tr><th scope="col">Action</th><th scope="col">Effet, points avant → après, règle</th><th scope="col">Réponses lues</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
  return `<section id="personnalisation"><h2>${e(TITRE_PERSONNALISATION)}</h2>
<h3>Réponses par thème (${p.reponses.length})</h3>
${reponses}
${ignorees}
<h3>Actions réduites, désactivées ou plafonnées (${p.actions.length})</h3>
${actions}
</section>`;
}
