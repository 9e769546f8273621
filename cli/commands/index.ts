import type { Command } from '../command.js';

/**
 * The registry of sub-commands. Each lives in its own module, loaded only when it runs, so that
 * `cae build` does not pay for the scoring engine nor `cae score` for the linter; the five that
 * score dossiers share their code and are loaded together (scoring.ts).
 */
export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  score: { summary: 'note un dossier (texte, JSON, CSV, Markdown, HTML)', load: async () => (await import('./scoring.js')).score },
  explain: { summary: "explique les nombres d'une action (règles, redistribution, statut)", load: async () => (await import('./scoring.js')).explain },
  compare: { summary: 'compare deux dossiers (avant / après audit)', load: async () => (await import('./scoring.js')).compare },
  plan: { summary: "propose les tâches qui mènent à l'étoile suivante", load: async () => (await import('./scoring.js')).plan },
  projeter: { summary: 'reporte les statuts CAE/ECI sur le référentiel TE (bascule de TeT)', load: async () => (await import('./scoring.js')).projeter },
  build: { summary: 'compile un référentiel Markdown en JSON', load: async () => (await import('./build.js')).build },
  lint: { summary: 'vérifie un référentiel, ses règles, questions et preuves', load: async () => (await import('./lint.js')).lint },
  import: { summary: 'importe un référentiel des tableurs de TeT (CSV) en Markdown', load: async () => (await import('./import.js')).importCommand },
  serve: { summary: 'le moteur de notation en service HTTP (POST /evaluations)', load: async () => (await import('./serve.js')).serve },
  app: { summary: "écrit la page d'autoévaluation hors ligne (HTML autonome)", load: async () => (await import('./app.js')).app },
  schema: { summary: 'affiche un schéma JSON (dossier, référentiel, bundle, évaluation)', load: async () => (await import('./schema.js')).schema },
};
