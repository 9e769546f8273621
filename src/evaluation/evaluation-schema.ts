/**
 * The published JSON Schema (draft 2020-12) of the evaluation document (`label-cae/evaluation@1`,
 * `cae score --format json`). Written from the types of evaluation-document.ts and score-json.ts,
 * closed (`additionalProperties: false`) so a field added to the document without its schema
 * fails `test/package/evaluation-schema.test.ts`, which validates real outputs with ajv.
 */
import { EVALUATION_FORMAT } from './evaluation-document.js';

type Schema = Record<string, unknown>;

const num: Schema = { type: 'number' };
const int: Schema = { type: 'integer' };
const str: Schema = { type: 'string' };
const bool: Schema = { type: 'boolean' };
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const strings: Schema = { type: 'array', items: str };
const valeurs: Schema = { type: 'object', additionalProperties: { type: ['boolean', 'number', 'string', 'null'] } };

/** A closed object whose properties are all required but those named in `optional`. */
function object(properties: Record<string, Schema>, optional: readonly string[] = []): Schema {
  return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)), additionalProperties: false };
}

const scoreIndicatifResultat = object({ ratio: nullable(num), exact: nullable(str), lu: strings, manquant: strings });

const actionScore = object(
  {
    pointReferentiel: num,
    pointPotentiel: num,
    pointPotentielPerso: nullable(num),
    pointFait: num,
    pointProgramme: num,
    pointPasFait: num,
    pointNonRenseigne: num,
    concerne: bool,
    desactive: bool,
    renseigne: bool,
    totalTachesCount: int,
    completedTachesCount: int,
    faitTachesAvancement: num,
    programmeTachesAvancement: num,
    pasFaitTachesAvancement: num,
    pasConcerneTachesAvancement: num,
    ratioFait: num,
    ratioProgramme: num,
    ratioPasFait: num,
    ratioNonRenseigne: num,
    completude: num,
    scoreIndicatif: object({ fait: scoreIndicatifResultat, programme: scoreIndicatifResultat }),
  },
  ['scoreIndicatif'],
);

const critere = object({
  etoile: int,
  actionId: str,
  label: str,
  minFait: num,
  minFaitProgramme: nullable(num),
  etat: str,
  ratioFait: nullable(num),
  ratioFaitProgramme: nullable(num),
  jugeSur: nullable(str),
});

const etoile = object({
  etoile: int,
  label: str,
  ratioFait: num,
  pointFait: num,
  pointPotentiel: num,
  prochaine: nullable(object({ etoile: int, label: str, seuil: num, pointsFaitManquants: num })),
  complet: bool,
  criteres: { type: 'array', items: critere },
  criteresNonRemplis: { type: 'array', items: critere },
  labellisation: nullable(object({ etoile: int, date: nullable(str), prochaine: nullable(int) })),
  etoileCible: int,
  critereScore: object({ etoile: int, seuil: num, atteint: bool }),
  etoileDemandable: nullable(int),
  rempli: bool,
});

const constat = object({ code: str, severity: { enum: ['error', 'warning', 'info'] }, actionId: nullable(str), message: str, pointer: str }, ['pointer']);

const scoreLabel = object({ pointReferentiel: num, pointPotentiel: num, pointFait: num, pointProgramme: num, pointPasFait: num, pointNonRenseigne: num, ratioFait: num });

const regle = object({
  type: { enum: ['desactivation', 'reduction', 'score'] },
  formule: str,
  source: nullable(str),
  valeur: { type: ['boolean', 'number', 'string', 'null'] },
  lu: strings,
  manquant: strings,
  surAction: str,
  effective: bool,
  branche: nullable(object({ rang: int, condition: nullable(str) })),
});

const explication = object(
  {
    regles: { type: 'array', items: regle },
    entrees: valeurs,
    reponsesIgnorees: { type: 'array', items: object({ question: str, raison: { enum: ['type-non-concerne', 'question-non-visible'] }, message: str }) },
    facteur: num,
    redistribution: num,
    statut: nullable(str),
    statutSource: { enum: ['dossier', 'preuve', null] },
    scoreOverride: nullable(object({ ratioAvant: num, ratioApres: num, facteur: num })),
    preuve: nullable(object({ critere: str, compte: int, seuil: num, rempli: bool, elements: strings })),
    scoreIndicatif: object({ formule: str, source: str, entreesFait: valeurs, entreesProgramme: valeurs }),
    alternatives: object({ groupe: strings, retenues: strings, message: str }),
  },
  ['scoreIndicatif', 'alternatives'],
);

const labellisation = object({
  etoileScore: int,
  etoileCible: int,
  etoileDemandable: nullable(int),
  verdict: str,
  raisons: strings,
  conditions: {
    type: 'array',
    items: object({ code: { enum: ['completude', 'score', 'critere'] }, libelle: str, rempli: bool, actionId: nullable(str), jugeSur: nullable(str), constat: str }),
  },
});

const statutDeclare = object({
  statut: { enum: ['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne', 'detaille'] },
  source: { enum: ['dossier', 'preuve', 'parent'] },
  porteur: str,
  avancement: nullable(object({ fait: num, programme: num, pasFait: num })),
});

const personnalisation = object({
  reponses: { type: 'array', items: object({ question: str, theme: str, valeur: { type: ['boolean', 'number', 'string', 'null'] }, retenue: bool }) },
  reponsesIgnorees: { type: 'array', items: object({ question: str, raison: { enum: ['type-non-concerne', 'question-non-visible'] }, message: str }) },
  actions: {
    type: 'array',
    items: object({
      actionId: str,
      effet: { enum: ['desactivation', 'reduction', 'score'] },
      pointAvant: num,
      pointApres: num,
      facteur: nullable(num),
      ratioFaitAvant: nullable(num),
      ratioFaitApres: nullable(num),
      regle: str,
      reponses: strings,
      identite: strings,
    }),
  },
});

/**
 * The JSON Schema of `label-cae/evaluation@1` (`cae schema evaluation`).
 *
 * @example
 * new Ajv2020().compile(evaluationJsonSchema())(JSON.parse(output));
 */
export function evaluationJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://label-cae.example/schemas/evaluation.schema.json',
    title: "Évaluation d'un dossier label-cae (cae score --format json)",
    ...object(
      {
        format: { const: EVALUATION_FORMAT },
        referentiel: str,
        date: nullable(str),
        collectivite: { type: 'object', description: 'La collectivité telle que le dossier la donne (schéma du dossier).' },
        etoile,
        scores: { type: 'object', additionalProperties: actionScore, description: 'Les scores par action id, dans l’ordre du référentiel.' },
        constats: { type: 'array', items: constat },
        scoresLabel: { type: 'object', additionalProperties: scoreLabel },
        labellisation: { ...labellisation, description: 'Peut-on demander une labellisation, et ce qui bloque (docs/reports.md).' },
        statuts: { type: 'object', additionalProperties: statutDeclare, description: 'Le statut déclaré de chaque nœud qui en a un, et sa source.' },
        personnalisation: { ...personnalisation, description: 'Les réponses par thème et ce que les règles de personnalisation en ont fait.' },
        explications: { type: 'object', additionalProperties: explication },
      },
      ['scoresLabel', 'labellisation', 'statuts', 'personnalisation', 'explications'],
    ),
  };
}
