/**
 * question-jamais-posee — une règle de personnalisation lit `reponse(Q, …)` là où la question Q ne
 * peut pas être posée : sa visibilité (`## Visibilité`) ne peut pas être vraie, ou ses
 * `types_concernes` excluent tous les types de collectivité possibles, sous les conditions qui mènent
 * à cette lecture (les conditions des `si` qui l'entourent, vraies dans `alors`, fausses dans `sinon`,
 * et les opérandes de `et` / `ou` évalués avant elle). Au calcul, la réponse est alors toujours
 * ignorée (constat `reponse-ignoree`) : la branche ne compte jamais comme prévu.
 *
 * La vérification est exhaustive sur l'espace fini des réponses en jeu (OUI / NON, chaque choix,
 * proportions, types de collectivité, et chaque réponse absente, comme `personnalisation-impossible`)
 * et n'avertit que si aucune combinaison ne rend à la fois les conditions et la visibilité vraies ;
 * au-delà de 4 096 combinaisons, ou pour une visibilité illisible, rien n'est dit. Le message ne
 * garde que les conditions nécessaires à la contradiction.
 */
import type { Noeud, NoeudReponse } from '../../formule/ast.js';
import type { QuestionCatalogue } from '../../formule/check.js';
import { evaluateFormule } from '../../formule/evaluate.js';
import { enfants } from '../../formule/parser.js';
import { BUDGET, forEachReponses, tailleEspace } from '../../personnalisation/espace-reponses.js';
import type { Question } from '../../personnalisation/question.js';
import { questionCatalogue } from '../../personnalisation/compile-personnalisation.js';
import { regleFormules } from '../regle-formules.js';
import type { LintRule } from '../types.js';
import { md, REFERENTIEL_OK, regle } from './example-support.js';

/** A condition on the way to a read: true in `alors` / right of `et`, not true in `sinon` / right of `ou`. */
interface Contrainte {
  noeud: Noeud;
  vraie: boolean;
}

interface Lecture {
  noeud: NoeudReponse;
  chemin: Contrainte[];
}

/** Every `reponse(…)` of a tree with the conditions under which it is evaluated. */
function lectures(n: Noeud, chemin: Contrainte[], out: Lecture[]): void {
  switch (n.kind) {
    case 'reponse':
      out.push({ noeud: n, chemin });
      return;
    case 'si':
      lectures(n.condition, chemin, out);
      lectures(n.alors, [...chemin, { noeud: n.condition, vraie: true }], out);
      if (n.sinon) lectures(n.sinon, [...chemin, { noeud: n.condition, vraie: false }], out);
      return;
    case 'logique':
      lectures(n.gauche, chemin, out);
      lectures(n.droite, [...chemin, { noeud: n.gauche, vraie: n.op === 'et' }], out);
      return;
    default:
      for (const c of enfants(n)) lectures(c, chemin, out);
  }
}

/** HEAD names collectivité types in lower case, and counts a syndicat as an EPCI (questions-actives.ts). */
function typeHead(type: string | undefined): string | null {
  if (type === undefined) return null;
  return type === 'commune' ? 'commune' : 'epci';
}

/** Forces the collectivité type into the answer space when `types_concernes` is checked. */
const TYPE_NODE = { kind: 'identite', champ: { nom: 'type' }, valeur: { nom: 'commune' }, cle: 'identite.type', pos: { offset: 0, line: 1, column: 1 }, end: 0 } as unknown as Noeud;

/** One tree holding every node whose inputs must vary (only its nodes matter to the answer space). */
function ensemble(noeuds: Noeud[]): Noeud {
  return noeuds.reduce((gauche, droite) => ({ kind: 'logique', op: 'et', gauche, droite, pos: gauche.pos, end: gauche.end }) as Noeud);
}

type Verdict = 'chemin-impossible' | 'posee' | 'jamais-posee' | 'inconnu';

/** Whether some answers make every condition hold and the question asked (by its types, its visibility, or both). */
function verdict(chemin: readonly Contrainte[], q: Question, avec: { types: boolean; visibilite: boolean }, catalogue: ReadonlyMap<string, QuestionCatalogue>): Verdict {
  const vis = avec.visibilite ? q.visibilite?.ast ?? null : null;
  const types = avec.types ? q.typesConcernes : null;
  const noeuds = chemin.map((c) => c.noeud);
  if (vis) noeuds.push(vis);
  if (types) noeuds.push(TYPE_NODE);
  if (noeuds.length === 0) return 'posee';
  const tout = ensemble(noeuds);
  if (tailleEspace(tout, catalogue) > BUDGET) return 'inconnu';
  let cheminPossible = false;
  let posee = false;
  forEachReponses(tout, catalogue, (ctx) => {
    for (const c of chemin) if ((evaluateFormule(c.noeud, ctx).value === true) !== c.vraie) return false;
    cheminPossible = true;
    if (types) {
      const t = typeHead(ctx.identite.type);
      if (!types.some((x) => x.toLowerCase() === t)) return false;
    }
    if (vis && evaluateFormule(vis, ctx).value !== true) return false;
    posee = true;
    return true;
  });
  return !cheminPossible ? 'chemin-impossible' : posee ? 'posee' : 'jamais-posee';
}

const texte = (formule: string, n: Noeud): string => formule.slice(n.pos.offset, n.end).replace(/\s+/g, ' ').trim();

/** `si X alors VRAI` is shown as `X`; any other visibility as written. */
function texteVisibilite(q: Question): string {
  const v = q.visibilite!;
  const ast = v.ast!;
  if (ast.kind === 'si' && ast.alors.kind === 'booleen' && ast.alors.valeur && (ast.sinon === null || (ast.sinon.kind === 'booleen' && !ast.sinon.valeur))) return texte(v.formule, ast.condition);
  return v.formule.replace(/\s+/g, ' ').trim();
}

export const questionJamaisPosee: LintRule = {
  id: 'question-jamais-posee',
  severity: 'warning',
  fixable: false,
  summary: 'Règle qui lit une question jamais posée dans cette branche (visibilité ou types concernés) : sa réponse sera toujours ignorée.',
  check(ctx, report) {
    if (!ctx.questions) return;
    const questions = new Map(ctx.questions.map((q) => [q.id, q]));
    const catalogue = questionCatalogue(ctx.questions);
    for (const { regle: r, ast } of regleFormules(ctx.regles)) {
      const p = r.formulePosition;
      const lues: Lecture[] = [];
      lectures(ast, [], lues);
      for (const { noeud, chemin } of lues) {
        const q = questions.get(noeud.question.nom);
        if (!q) continue; // formule-reference-inconnue
        const visible = q.visibilite !== null && q.visibilite.ast !== null; // unreadable: question-visibilite-non-lue
        if (!visible && q.typesConcernes === null) continue;
        const avec = { types: q.typesConcernes !== null, visibilite: visible };
        if (verdict(chemin, q, avec, catalogue) !== 'jamais-posee') continue;
        // Which of the two makes it impossible: the types alone, else the visibility (with the types).
        const parTypes = avec.types && verdict(chemin, q, { types: true, visibilite: false }, catalogue) === 'jamais-posee';
        const mode = parTypes ? { types: true, visibilite: false } : avec;
        // Keep only the conditions the contradiction needs, the nearest ones first (outer ones are dropped first).
        let garde = [...chemin];
        for (let i = 0; i < garde.length; ) {
          const sans = garde.filter((_, j) => j !== i);
          if (verdict(sans, q, mode, catalogue) === 'jamais-posee') garde = sans;
          else i++;
        }
        const quand = garde.length === 0 ? 'lue' : `lue quand ${garde.map((c) => (c.vraie ? `\`${texte(r.formule, c.noeud)}\`` : `\`${texte(r.formule, c.noeud)}\` faux`)).join(' et ')}`;
        const posee = parTypes ? `qu'aux collectivités de type ${q.typesConcernes!.map((t) => `\`${t}\``).join(', ')}` : `que si \`${texteVisibilite(q)}\``;
        report(`Question \`${q.id}\` ${quand}, mais elle n'est posée ${posee} : la réponse sera toujours ignorée`, { file: p.file, line: noeud.pos.line, column: noeud.pos.column });
      }
    }
  },
  examples: [
    {
      title: 'ok',
      files: {
        referentiel: { 'cae.md': REFERENTIEL_OK },
        questions: { 'q.md': questionsVisibles() },
        personnalisations: {
          'r.md':
            regle('si reponse(PCAET_1, NON) et reponse(PCAET_2, OUI) alors VRAI sinon FAUX') +
            regle('si reponse(PCAET_1, OUI) alors FAUX sinon si reponse(PCAET_2, OUI) alors VRAI sinon FAUX', 'Désactivation', 'cae_1.2') +
            regle('si identite(type, commune) et reponse(voirie_1, OUI) alors 0.5 sinon 1', 'Réduction de potentiel', 'cae_1'),
        },
      },
      expected: [],
    },
    {
      title: 'not-ok',
      files: {
        referentiel: { 'cae.md': REFERENTIEL_OK },
        questions: { 'q.md': questionsVisibles() },
        personnalisations: {
          'r.md':
            regle('si reponse(PCAET_1, OUI) et reponse(PCAET_2, OUI) alors VRAI sinon FAUX') +
            regle('si reponse(PCAET_1, NON) alors FAUX\nsinon si reponse(PCAET_2, NON) alors VRAI\nsinon FAUX', 'Désactivation', 'cae_1.2') +
            regle('si identite(type, EPCI) alors si reponse(voirie_1, OUI) alors 0.5 sinon 1 sinon 1', 'Réduction de potentiel', 'cae_1'),
        },
      },
      expected: [
        "r.md:8:29  warning  Question `PCAET_2` lue quand `reponse(PCAET_1, OUI)`, mais elle n'est posée que si `reponse(PCAET_1, NON)` : la réponse sera toujours ignorée  question-jamais-posee",
        "r.md:18:10  warning  Question `PCAET_2` lue quand `reponse(PCAET_1, NON)` faux, mais elle n'est posée que si `reponse(PCAET_1, NON)` : la réponse sera toujours ignorée  question-jamais-posee",
        "r.md:28:34  warning  Question `voirie_1` lue quand `identite(type, EPCI)`, mais elle n'est posée qu'aux collectivités de type `commune` : la réponse sera toujours ignorée  question-jamais-posee",
      ],
    },
  ],
};

/** PCAET_2 asked only when PCAET_1 is NON; voirie_1 asked only of communes. */
function questionsVisibles(): string {
  const F = '```';
  return md`
    # La collectivité a-t-elle la compétence PCAET ?
    ${F}yaml
    id: PCAET_1
    type: binaire
    ${F}
    # L'EPCI a-t-il transféré la compétence PCAET ?
    ${F}yaml
    id: PCAET_2
    type: binaire
    ${F}
    ## Visibilité
    ${F}formule
    si reponse(PCAET_1, NON) alors VRAI
    ${F}
    # La commune a-t-elle la compétence voirie ?
    ${F}yaml
    id: voirie_1
    type: binaire
    types_concernes: [commune]
    ${F}
  `;
}
