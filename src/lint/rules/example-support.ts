/** Helpers for the rules' examples: a dedenting template tag and a small CAE-shaped référentiel. */

/** Removes the common indentation and the first empty line: examples read like the files they are. */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  text = text.replace(/^\n/, '').replace(/\n[ ]*$/, '\n');
  const indents = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => /^ */.exec(l)![0].length);
  const cut = Math.min(...indents);
  return text
    .split('\n')
    .map((l) => l.slice(cut))
    .join('\n');
}

const FENCE = '```';

/** The root file of a mini référentiel `cae` with the given axes (Markdown appended after `## Actions`). */
export function racine(axes: string): string {
  return `# Climat Air Énergie\n${FENCE}yaml\nidentifiant: ""\nreferentiel: cae\n${FENCE}\n## Actions\n${axes}`;
}

/** A `### Axe` heading (level 3, under the root's `## Actions`) with its YAML lines. */
export function axe(titre: string, yaml: string, after = ''): string {
  return `### ${titre}\n${FENCE}yaml\n${yaml}\n${FENCE}\n${after}`;
}

/** A level-5 child under an axe's `#### Actions`. */
export function enfant(titre: string, yaml: string, after = ''): string {
  return `##### ${titre}\n${FENCE}yaml\n${yaml}\n${FENCE}\n${after}`;
}

/** A valid mini référentiel: axe 1 (10 points) with two sous-axes at 60 % and 40 %. */
export const REFERENTIEL_OK = racine(
  axe('Planification', 'identifiant: 1\npoints: 10', '#### Actions\n' + enfant('Stratégie', 'identifiant: 1.1\npourcentage: 60') + enfant('Urbanisme', 'identifiant: 1.2\npourcentage: 40')),
);

/** A questions file with one binaire and one choix question. */
export const QUESTIONS_OK = md`
  # La collectivité a-t-elle la compétence déchets ?
  ${FENCE}yaml
  id: dechets_1
  type: binaire
  actions: [cae_1.1]
  ${FENCE}
  # Quelle est la compétence éclairage public ?
  ${FENCE}yaml
  id: EP_1
  type: choix
  actions: [cae_1.2]
  ${FENCE}
  ## Choix
  ### Totale
  ${FENCE}yaml
  id: EP_1_a
  ${FENCE}
  ### Partielle
  ${FENCE}yaml
  id: EP_1_b
  ${FENCE}
`;

/** A rules file with one entry for `cae_1.1` whose formula is `formule`, of the given type title. */
export function regle(formule: string, type = 'Désactivation', actionId = 'cae_1.1', titre = `Désactivation cae ${actionId.replace(/^cae_/, '')}`): string {
  return `# ${titre}\n${FENCE}yaml\naction_id: ${actionId}\n${FENCE}\n## Règles\n### ${type}\n${FENCE}formule\n${formule}\n${FENCE}\n`;
}
