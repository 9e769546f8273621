/**
 * Hand-built fixtures for the report renderers: the embedded référentiel reduced to measure 6.1.1
 * (cae > 6 > 6.1 > 6.1.1 > sous-actions > tâches) and the evaluation of the golden dossier of
 * /work/shared/docs/example-6.1.1.md, number for number. Built by hand so the renderers can be
 * tested without the Markdown parser.
 */
import { Rational } from '../../src/exact/rational.js';
import { HIERARCHIE_CAE } from '../../src/referentiel/hierarchie.js';
import type { ActionNode, NiveauAction, Referentiel } from '../../src/referentiel/model.js';
import { EVALUATION_FORMAT, type CritereJson, type EvaluationJson } from '../../src/evaluation/evaluation-document.js';
import type { ActionScoreJson } from '../../src/score/score-json.js';

const TYPES: NiveauAction[] = ['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache'];

export interface NodeSpec {
  identifiant: string;
  nom: string;
  points: number;
  children?: NodeSpec[];
}

/** A `Referentiel` from a nested spec; types follow the CAE hierarchy by depth. */
export function buildReferentiel(id: string, nom: string, specs: NodeSpec[], rootPoints?: number): Referentiel {
  const actions = new Map<string, ActionNode>();
  const make = (spec: NodeSpec, depth: number, parentId: string | null): ActionNode => {
    const nodeId = spec.identifiant === '' ? id : `${id}_${spec.identifiant}`;
    const node: ActionNode = {
      id: nodeId,
      identifiant: spec.identifiant,
      referentiel: id,
      type: TYPES[depth]!,
      depth,
      parentId,
      children: [],
      nom: spec.nom,
      points: Rational.fromNumber(spec.points),
      pointsSource: null,
      pourcentage: null,
      categorie: null,
      categorieSource: null,
      climatPraticId: null,
      sections: {},
      extra: {},
      position: { file: `${id}.md`, line: 1, column: 1 },
      keyPositions: {},
    };
    actions.set(nodeId, node);
    node.children = (spec.children ?? []).map((c) => make(c, depth + 1, nodeId));
    return node;
  };
  const total = rootPoints ?? specs.reduce((s, x) => s + x.points, 0);
  const root = make({ identifiant: '', nom, points: total, children: specs }, 0, null);
  return { id, nom, hierarchie: HIERARCHIE_CAE, root, actions };
}

const t = (identifiant: string, nom: string, points: number): NodeSpec => ({ identifiant, nom, points });

/** Measure 6.1.1 as in referentiel/cae/6.1.1.md (names shortened where they are very long). */
export const SPEC_6_1_1: NodeSpec = {
  identifiant: '6.1.1',
  nom: 'Développer une stratégie partenariale multi-niveaux',
  points: 6,
  children: [
    {
      identifiant: '6.1.1.1', nom: 'Identifier les acteurs clés à associer', points: 0.6,
      children: [
        t('6.1.1.1.1', 'Identifier et cartographier les acteurs clés (privés et publics, interne et externe) à associer', 0.3),
        t('6.1.1.1.2', 'Inscrire la coopération dans les fiches de poste des agents concernés', 0.3),
      ],
    },
    {
      identifiant: '6.1.1.2', nom: 'Echanger et s’impliquer dans des projets à l’échelle extra-locale', points: 1.5,
      children: [
        t('6.1.1.2.1', 'Coopérer avec les territoires voisins', 0.3),
        t('6.1.1.2.2', 'Echanger et coopérer avec les institutions nationales et régionales', 0.3),
        t('6.1.1.2.3', 'Echanger et coopérer avec les chambres consulaires', 0.3),
        t('6.1.1.2.4', 'Participer aux groupes de travail dans les services régionaux', 0.3),
        t('6.1.1.2.5', 'Participer aux commissions de suivi des sites', 0.3),
      ],
    },
    {
      identifiant: '6.1.1.3', nom: 'Formaliser la stratégie partenariale', points: 1.5,
      children: [
        t('6.1.1.3.1', 'Planifier le dialogue et la collaboration à travers des accords de partenariat formalisés', 0.3),
        t('6.1.1.3.2', 'Renforcer les engagements demandés aux partenaires', 0.3),
        t('6.1.1.3.3', 'Proposer un accompagnement technique vis-à-vis des partenaires', 0.3),
        t('6.1.1.3.4', 'Voter et budgéter le plan de coopération (valables sur plusieurs années)', 0.3),
        t('6.1.1.3.5', 'Mettre en œuvre au moins 2 partenariats significatifs et multi-acteurs', 0.3),
      ],
    },
    {
      identifiant: '6.1.1.4', nom: 'S’impliquer dans l’évolution du cadre réglementaire et législatif climat air énergie', points: 0.9,
      children: [
        t('6.1.1.4.1', 'Interpeller les acteurs sur les blocages législatifs et réglementaires rencontrés', 0.225),
        t('6.1.1.4.2', 'Interpeller officiellement le niveau national voire européen', 0.225),
        t('6.1.1.4.3', 'Proposer les évolutions législatives, réglementaires et autres initiatives', 0.225),
        t('6.1.1.4.4', 'Prendre position lors de procédures de consultation ordinaires', 0.225),
      ],
    },
    {
      identifiant: '6.1.1.5', nom: 'Mettre en place des actions au niveau international', points: 1.5,
      children: [
        t('6.1.1.5.1', 'S’engager dans des projets européens (LIFE, Interreg…)', 0.3),
        t('6.1.1.5.2', 'Sensibiliser les élus, agents et acteurs du territoire à la coopération décentralisée', 0.3),
        t('6.1.1.5.3', 'Intégrer les questions climat air énergie dans les accords existants', 0.3),
        t('6.1.1.5.4', 'Monter un ou plusieurs projets de coopération décentralisée', 0.3),
        t('6.1.1.5.5', 'Budgéter l’aide au développement et les projets de coopération décentralisée', 0.3),
      ],
    },
  ],
};

export function referentiel611(): Referentiel {
  return buildReferentiel('cae', 'Climat Air Énergie', [
    {
      identifiant: '6', nom: 'Coopération, communication', points: 6,
      children: [{ identifiant: '6.1', nom: 'Stratégie de coopération et de communication', points: 6, children: [SPEC_6_1_1] }],
    },
  ]);
}

/** potentiel, fait, programmé, pas fait, non renseigné, concerné — exact values; the JSON rounds them. */
type Row = [number, number, number, number, number, boolean];

function score(pointReferentiel: number, [pot, fait, prog, pasFait, nonRens, concerne]: Row, taches: number, completed: number): ActionScoreJson {
  const r = (x: number) => (pot === 0 ? 0 : Math.round((x / pot) * 10000) / 10000);
  const pt = (x: number) => Math.round(x * 1000) / 1000;
  return {
    pointReferentiel,
    pointPotentiel: pt(pot),
    pointPotentielPerso: null,
    pointFait: pt(fait),
    pointProgramme: pt(prog),
    pointPasFait: pt(pasFait),
    pointNonRenseigne: pt(nonRens),
    concerne,
    desactive: false,
    renseigne: nonRens === 0,
    totalTachesCount: taches,
    completedTachesCount: completed,
    faitTachesAvancement: 0,
    programmeTachesAvancement: 0,
    pasFaitTachesAvancement: 0,
    pasConcerneTachesAvancement: concerne ? 0 : taches,
    ratioFait: r(fait),
    ratioProgramme: r(prog),
    ratioPasFait: r(pasFait),
    ratioNonRenseigne: r(nonRens),
    completude: taches === 0 ? 0 : Math.round((completed / taches) * 10000) / 10000,
  };
}

/** The golden numbers of example-6.1.1.md, exact (the doc's table shows them rounded), keyed by identifiant. */
export const GOLDEN: Record<string, { ref: number; row: Row; taches: number; completed: number }> = {
  '6.1.1': { ref: 6, row: [6, 3.560625, 0.8653125, 0.5390625, 1.035, true], taches: 21, completed: 18 },
  '6.1.1.1': { ref: 0.6, row: [0.825, 0.4125, 0.4125, 0, 0, true], taches: 2, completed: 2 },
  '6.1.1.1.1': { ref: 0.3, row: [0.4125, 0.4125, 0, 0, 0, true], taches: 1, completed: 1 },
  '6.1.1.1.2': { ref: 0.3, row: [0.4125, 0, 0.4125, 0, 0, true], taches: 1, completed: 1 },
  '6.1.1.2': { ref: 1.5, row: [1.725, 1.725, 0, 0, 0, true], taches: 5, completed: 5 },
  '6.1.1.3': { ref: 1.5, row: [1.725, 1.078125, 0.1078125, 0.5390625, 0, true], taches: 5, completed: 5 },
  '6.1.1.3.1': { ref: 0.3, row: [0.43125, 0.215625, 0.1078125, 0.1078125, 0, true], taches: 1, completed: 1 },
  '6.1.1.3.2': { ref: 0.3, row: [0.43125, 0, 0, 0.43125, 0, true], taches: 1, completed: 1 },
  '6.1.1.3.3': { ref: 0.3, row: [0.43125, 0.43125, 0, 0, 0, true], taches: 1, completed: 1 },
  '6.1.1.3.4': { ref: 0.3, row: [0, 0, 0, 0, 0, false], taches: 1, completed: 1 },
  '6.1.1.3.5': { ref: 0.3, row: [0.43125, 0.43125, 0, 0, 0, true], taches: 1, completed: 1 },
  '6.1.1.4': { ref: 0.9, row: [0, 0, 0, 0, 0, false], taches: 4, completed: 4 },
  '6.1.1.5': { ref: 1.5, row: [1.725, 0.345, 0.345, 0, 1.035, true], taches: 5, completed: 2 },
  '6.1.1.5.1': { ref: 0.3, row: [0.345, 0, 0.345, 0, 0, true], taches: 1, completed: 1 },
  '6.1.1.5.2': { ref: 0.3, row: [0.345, 0.345, 0, 0, 0, true], taches: 1, completed: 1 },
};
for (const i of [1, 2, 3, 4, 5]) GOLDEN[`6.1.1.2.${i}`] = { ref: 0.3, row: [0.345, 0, 0, 0, 0.345, true], taches: 1, completed: 0 };
for (const i of [1, 2, 3, 4]) GOLDEN[`6.1.1.4.${i}`] = { ref: 0.225, row: [0, 0, 0, 0, 0, false], taches: 1, completed: 1 };
for (const i of [3, 4, 5]) GOLDEN[`6.1.1.5.${i}`] = { ref: 0.3, row: [0.345, 0, 0, 0, 0.345, true], taches: 1, completed: 0 };
// The ancestors carry the measure's numbers (the référentiel is reduced to this measure).
for (const id of ['', '6', '6.1']) GOLDEN[id] = { ...GOLDEN['6.1.1']! };

const critere = (etoile: number, actionId: string, label: string, minFait: number, minFaitProgramme: number | null): CritereJson => ({
  etoile, actionId, label, minFait, minFaitProgramme, etat: 'non_applicable', ratioFait: null, ratioFaitProgramme: null, jugeSur: null,
});

/** The evaluation of the golden dossier, as `cae score --format json` would print it. */
export function evaluation611(): EvaluationJson {
  const scores: Record<string, ActionScoreJson> = {};
  for (const [identifiant, g] of Object.entries(GOLDEN)) {
    scores[identifiant === '' ? 'cae' : `cae_${identifiant}`] = score(g.ref, g.row, g.taches, g.completed);
  }
  const criteres = [
    critere(1, 'cae_5.1.2.1.1', 'élu·e référent·e', 100, null),
    critere(1, 'cae_5.1.1.1.3', 'personne technique', 100, null),
    { ...critere(1, 'cae_6.1.1.3.5', 'partenariats « significatifs » & <multi-acteurs>', 100, 100), etat: 'non_rempli' as const, ratioFait: 0.5, ratioFaitProgramme: 0.75, jugeSur: 'cae_6.1.1.3.5' },
  ];
  return {
    format: EVALUATION_FORMAT,
    referentiel: 'cae',
    date: '2026-06-30',
    collectivite: { nom: 'Saint-Exemple', type: 'commune', population: 2500, localisation: 'Metropole' },
    etoile: {
      etoile: 3,
      label: 'troisième étoile',
      ratioFait: 0.5934,
      pointFait: 3.561,
      pointPotentiel: 6,
      prochaine: { etoile: 4, label: 'quatrième étoile', seuil: 0.65, pointsFaitManquants: 0.339 },
      complet: false,
      criteres,
      criteresNonRemplis: criteres.filter((c) => c.etat === 'non_rempli'),
      labellisation: null,
      etoileCible: 3,
      critereScore: { etoile: 3, seuil: 0.5, atteint: true },
      etoileDemandable: null,
      rempli: false,
    },
    scores,
    constats: [
      { code: 'preuve-contredit-statut', severity: 'warning', actionId: 'cae_6.1.1.3.5', message: 'Le statut « fait » de 6.1.1.3.5 contredit les preuves : 1 partenariat, 2 attendus.', pointer: '/statuts/6.1.1.3.5' },
      { code: 'statut-ignore', severity: 'info', actionId: null, message: 'Statut ignoré pour une action absente du référentiel.' },
    ],
  };
}

/** 6 axes × 3 sous-axes × 4 mesures × 4 sous-actions × 4 tâches ≈ 1,471 nodes. */
export function bigFixture(): { referentiel: Referentiel; evaluation: EvaluationJson } {
  const specs: NodeSpec[] = [];
  for (let a = 1; a <= 6; a++) {
    const sa: NodeSpec[] = [];
    for (let b = 1; b <= 3; b++) {
      const me: NodeSpec[] = [];
      for (let c = 1; c <= 4; c++) {
        const so: NodeSpec[] = [];
        for (let d = 1; d <= 4; d++) {
          const ta: NodeSpec[] = [];
          for (let e = 1; e <= 4; e++) ta.push({ identifiant: `${a}.${b}.${c}.${d}.${e}`, nom: `Tâche ${e} à réaliser`, points: 1 });
          so.push({ identifiant: `${a}.${b}.${c}.${d}`, nom: `Sous-action ${d}`, points: 4, children: ta });
        }
        me.push({ identifiant: `${a}.${b}.${c}`, nom: `Mesure ${c} « énergie »`, points: 16, children: so });
      }
      sa.push({ identifiant: `${a}.${b}`, nom: `Sous-axe ${b}`, points: 64, children: me });
    }
    specs.push({ identifiant: `${a}`, nom: `Axe ${a} — climat`, points: 192, children: sa });
  }
  const referentiel = buildReferentiel('cae', 'Climat Air Énergie', specs);
  const base = evaluation611();
  const scores: EvaluationJson['scores'] = {};
  let k = 0;
  for (const id of referentiel.actions.keys()) {
    const f = (k++ % 10) / 10;
    scores[id] = { ...base.scores['cae_6.1.1']!, pointFait: f * 6, ratioFait: f };
  }
  return { referentiel, evaluation: { ...base, scores } };
}
