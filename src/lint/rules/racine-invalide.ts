/**
 * racine-invalide — un référentiel sans action racine (`identifiant: ""`), ou dont la racine n'a pas de `referentiel` en minuscules ASCII (`cae`, `eci`),
 * ou déclare une `hierarchie` invalide.
 */
import type { LintRule } from '../types.js';
import { REFERENTIEL_OK } from './example-support.js';

export const racineInvalide: LintRule = {
  id: 'racine-invalide',
  severity: 'error',
  fixable: false,
  summary: 'Référentiel sans racine, ou racine sans nom de référentiel ou hiérarchie valide.',
  codes: ['racine-manquante', 'referentiel-manquant', 'referentiel-invalide', 'hierarchie-invalide'],
  examples: [
    { title: 'ok', files: { referentiel: { 'cae.md': REFERENTIEL_OK } }, expected: [] },
    { title: 'not-ok', files: { referentiel: { 'cae.md': '# Racine\n```yaml\nidentifiant: ""\nreferentiel: Climat Air\n```\n' } }, expected: [
        "cae.md:4:14  error  Nom de référentiel inattendu `Climat Air`, attendu des minuscules ASCII (`cae`, `eci`)  racine-invalide",
      ] },
  ],
};
