/**
 * personnalisation-impossible — une règle de personnalisation qui peut donner une valeur
 * impossible : facteur de réduction négatif (potentiel négatif), score réalisé hors de [0, 1]
 * (au-dessus du potentiel), division par zéro (facteur infini). La formule est évaluée sur tout
 * l'espace fini des réponses qu'elle lit (chaque choix, OUI et NON, proportions 0, ¼, ½, ¾ et 1,
 * valeurs d'identité et populations autour de chaque seuil, ratios 0, ½ et 1, et chaque réponse
 * absente) ; le message donne un exemple de réponses. Une division par une constante nulle est
 * signalée même dans une branche jamais prise. Au calcul, une telle règle n'est pas appliquée et
 * donne le constat `personnalisation-impossible`.
 */
import { Rational } from '../../exact/rational.js';
import type { NoeudArithmetique } from '../../formule/ast.js';
import { type ContexteEvaluation, evaluateFormule } from '../../formule/evaluate.js';
import { forEachReponses, nodesOf } from '../../personnalisation/espace-reponses.js';
import { KIND_LABEL, valeurImpossible } from '../../personnalisation/valeur-impossible.js';
import { questionCatalogue } from '../../personnalisation/compile-personnalisation.js';
import { regleFormules } from '../regle-formules.js';
import type { LintRule } from '../types.js';
import { QUESTIONS_OK, REFERENTIEL_OK, regle } from './example-support.js';

const EMPTY: ContexteEvaluation = { identite: {}, reponses: new Map() };

/** `reponse.EP_1 = EP_1_b, identite.population = 2999`: the inputs the formula read, as given. */
function witness(reads: readonly string[], ctx: ContexteEvaluation): string {
  const show = (v: unknown): string => (v === undefined || v === null ? 'absente' : v === true ? 'OUI' : v === false ? 'NON' : v instanceof Rational ? v.toFraction() : String(v));
  const parts = reads.map((key) => {
    const [kind, ...rest] = key.split('.');
    const name = rest.join('.');
    const v = kind === 'reponse' ? ctx.reponses.get(name) : kind === 'identite' ? (ctx.identite as Record<string, unknown>)[name] : ctx.score?.(name);
    return `${key} = ${show(v)}`;
  });
  return parts.length === 0 ? 'quelles que soient les réponses' : `par exemple avec ${parts.join(', ')}`;
}

export const personnalisationImpossible: LintRule = {
  id: 'personnalisation-impossible',
  severity: 'error',
  fixable: false,
  summary: 'Règle qui peut donner un facteur négatif, un score réalisé hors de [0, 1] ou diviser par zéro.',
  check(ctx, report) {
    const catalogue = ctx.questions ? questionCatalogue(ctx.questions) : null;
    for (const { entry, regle: r, ast } of regleFormules(ctx.regles)) {
      const p = r.formulePosition;
      const label = `Règle « ${KIND_LABEL[r.type]} » de ${entry.actionId}`;
      const at = (n: NoeudArithmetique) => ({ file: p.file, line: n.pos.line, column: n.pos.column });
      // A constant divisor equal to zero: wrong wherever it stands, even in a branch never taken.
      const constantZero = nodesOf(ast).find(
        (n): n is NoeudArithmetique => n.kind === 'arithmetique' && n.op === '/' && !nodesOf(n.droite).some((d) => d.kind === 'reponse' || d.kind === 'identite' || d.kind === 'score') && isZero(evaluateFormule(n.droite, EMPTY).value),
      );
      if (constantZero) {
        report(`${label} : division par zéro inattendue, attendu un diviseur non nul`, at(constantZero));
        continue;
      }
      forEachReponses(ast, catalogue, (c) => {
        const e = evaluateFormule(ast, c);
        const raison = valeurImpossible(r.type, e);
        if (!raison) return false;
        report(`${label} : ${raison}, ${witness(e.reads, c)}`, e.divisionParZero ? at(e.divisionParZero) : p);
        return true;
      });
    }
  },
  examples: [
    {
      title: 'ok',
      files: {
        referentiel: { 'cae.md': REFERENTIEL_OK },
        questions: { 'q.md': QUESTIONS_OK },
        personnalisations: { 'r.md': regle('si reponse(EP_1, EP_1_b) alors 1.5 sinon 0.5', 'Réduction de potentiel') + regle('min(score(cae_1.2), 1)', 'Score réalisé', 'cae_1.2') },
      },
      expected: [],
    },
    {
      title: 'not-ok',
      files: {
        referentiel: { 'cae.md': REFERENTIEL_OK },
        questions: { 'q.md': QUESTIONS_OK },
        personnalisations: {
          'r.md':
            regle('si reponse(dechets_1, NON) alors 0.5 - 1 sinon 1', 'Réduction de potentiel') +
            regle('score(cae_1.1) * 2', 'Score réalisé', 'cae_1.2') +
            regle('si identite(type, commune) alors 1 sinon 2 / (1 - 1)', 'Réduction de potentiel', 'cae_1'),
        },
      },
      expected: [
        'r.md:8:1  error  Règle « Réduction de potentiel » de cae_1.1 : facteur `-1/2` inattendu, attendu un facteur positif ou nul, par exemple avec reponse.dechets_1 = NON  personnalisation-impossible',
        'r.md:17:1  error  Règle « Score réalisé » de cae_1.2 : score réalisé `2` inattendu, attendu un ratio entre 0 et 1 (au plus le potentiel), par exemple avec score.cae_1.1 = 1  personnalisation-impossible',
        'r.md:26:42  error  Règle « Réduction de potentiel » de cae_1 : division par zéro inattendue, attendu un diviseur non nul  personnalisation-impossible',
      ],
    },
  ],
};

function isZero(v: unknown): boolean {
  return v instanceof Rational && v.isZero();
}
