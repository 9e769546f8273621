/**
 * Renders an evaluation in the format asked on the command line. The renderers themselves are
 * pure library functions (src/report); only the colour decision reads the environment.
 */
import type { Evaluation } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import type { Niveau } from '../../src/evaluation/niveau.js';
import { shouldUseColor } from '../../src/report/color.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { type CliIo, UsageError } from '../io.js';

export const FORMATS = ['text', 'json', 'csv', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string | undefined, fallback: Format): Format {
  if (value === undefined) return fallback;
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError('format-inconnu', `format inattendu « ${value} », attendu ${FORMATS.join(', ')}`);
}

export function renderEvaluation(ev: Evaluation, format: Format, io: CliIo, options: { explain: boolean; toFile: boolean; niveau?: Niveau }): string {
  const doc = evaluationToJson(ev, { explain: options.explain, ...(options.niveau ? { niveau: options.niveau } : {}) });
  switch (format) {
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
    case 'csv':
      return renderCsv(doc, ev.referentiel);
    case 'markdown':
      return renderMarkdown(doc, ev.referentiel);
    case 'html':
      return renderHtml(doc, ev.referentiel);
    case 'text':
      return renderText(doc, ev.referentiel, { color: !options.toFile && shouldUseColor({ env: io.env, isTty: io.stdoutIsTty }) });
  }
}
