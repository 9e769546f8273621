/**
 * A référentiel set laid out like TeT's (`referentiels/cae`, `questions/`, `personnalisations/`,
 * `regles-preuve/`) built from the embedded référentiel and three small hand-written companions:
 * binary questions (one asked only of EPCI that answered OUI to the first), a choice and a
 * proportion question, a désactivation and two reduction rules, and the embedded evidence rule. Self-contained, so tests of the checks never need ../shared.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDED_DIR } from './corpus.js';

export const MINI_QUESTIONS = `# La collectivité a-t-elle la compétence collecte des déchets ?
\`\`\`yaml
id: dechets_1
type: binaire
thematique_id: dechets
actions: [cae_6.1.1]
\`\`\`

# La collectivité exerce-t-elle l'éclairage des voies ?
\`\`\`yaml
id: EP_1
type: choix
thematique_id: energie
actions: [cae_6.1.1]
\`\`\`
## Choix
### Oui, partout
\`\`\`yaml
id: EP_1_a
\`\`\`
### Oui partiellement
\`\`\`yaml
id: EP_1_b
\`\`\`
### Non pas du tout
\`\`\`yaml
id: EP_1_c
\`\`\`

# La collectivité traite-t-elle elle-même ses déchets ?
\`\`\`yaml
id: dechets_2
type: binaire
thematique_id: dechets
actions: [cae_6.1.1]
types_concernes: [epci]
\`\`\`
## Visibilité
\`\`\`formule
reponse(dechets_1, OUI)
\`\`\`

# Quelle est la part de la collectivité dans le syndicat ?
\`\`\`yaml
id: habitat_2
type: proportion
thematique_id: habitat
actions: [cae_6.1.1]
\`\`\`
`;

export const MINI_REGLES = `# Désactivation cae 6.1.1.4 sans collecte
\`\`\`yaml
action_id: cae_6.1.1.4
\`\`\`
## Règles
### Désactivation
\`\`\`formule
reponse(dechets_1, NON)
\`\`\`

# Réduction cae 6.1.1.2 sans traitement des déchets
\`\`\`yaml
action_id: cae_6.1.1.2
\`\`\`
## Règles
### Réduction de potentiel
\`\`\`formule
si reponse(dechets_2, NON) alors 1/2
\`\`\`

# Réduction cae 6.1.1.5 selon l'éclairage public
\`\`\`yaml
action_id: cae_6.1.1.5
\`\`\`
## Règles
### Réduction de potentiel
\`\`\`formule
si reponse(EP_1, EP_1_c) alors 1/2
\`\`\`
`;

/** Writes the set under `root` and returns the référentiel folder (`root/referentiels/cae`). */
export function writeMiniSet(root: string): string {
  const ref = join(root, 'referentiels', 'cae');
  mkdirSync(join(root, 'referentiels'), { recursive: true });
  cpSync(join(EMBEDDED_DIR, 'cae'), ref, { recursive: true });
  cpSync(join(EMBEDDED_DIR, 'regles-preuve'), join(root, 'regles-preuve'), { recursive: true });
  mkdirSync(join(root, 'questions'), { recursive: true });
  mkdirSync(join(root, 'personnalisations'), { recursive: true });
  writeFileSync(join(root, 'questions', 'questions.md'), MINI_QUESTIONS);
  writeFileSync(join(root, 'personnalisations', 'cae_6.md'), MINI_REGLES);
  return ref;
}
