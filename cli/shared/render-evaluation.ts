/**
 * Renders an evaluation in the format asked on the command line. The renderers themselves are
 * pure library functions (src/report); only the colour and width decisions read the environment.
 * The Excel writer loads its library only when `--format xlsx` asks for it.
 */
import { type Evaluation, evaluationToJson } from 'label-cae';
import { renderXlsx } from 'label-cae/node';
import { type Niveau, renderCsv, renderHtml, renderMarkdown, renderText, shouldUseColor } from 'label-cae/report';
import { type CliIo, UsageError } from '../io.js';

export const FORMATS = ['text', 'json', 'csv', 'markdown', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string | undefined, fallback: Format): Format {
  if (value === undefined) return fallback;
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError('format-inconnu', `format inattendu « ${value} », attendu ${FORMATS.join(', ')}`);
}

/** The terminal's width, else `COLUMNS` (a positive integer), else 80. */
export function textWidth(io: CliIo): number {
  if (io.stdoutColumns !== undefined && io.stdoutColumns > 0) return io.stdoutColumns;
  const env = io.env['COLUMNS'];
  const n = env !== undefined && /^\d+$/.test(env.trim()) ? Number(env.trim()) : 0;
  return n > 0 ? n : 80;
}

export interface RenderOptions {
  explain: boolean;
  toFile: boolean;
  /** Text only: one axe or one mesure, down to the tâches. */
  axe?: string;
  mesure?: string;
  /** CSV for French Excel: BOM, `;`, decimal comma. */
  csvExcel?: boolean;
  /** JSON and CSV: the level of detail (`--niveau`), every node when absent. */
  niveau?: Niveau;
}

export async function renderEvaluation(ev: Evaluation, format: Format, io: CliIo, options: RenderOptions): Promise<string | Uint8Array> {
  const doc = evaluationToJson(ev, { explain: options.explain, ...(options.niveau ? { niveau: options.niveau } : {}) });
  switch (format) {
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
    case 'csv':
      return renderCsv(doc, ev.referentiel, { excel: options.csvExcel === true, ...(options.niveau ? { niveau: options.niveau } : {}) });
    case 'markdown':
      return renderMarkdown(doc, ev.referentiel);
    case 'html':
      return renderHtml(doc, ev.referentiel);
    case 'xlsx':
      // write-excel-file is loaded by renderXlsx, only for this format.
      return renderXlsx(doc, ev.referentiel);
    case 'text':
      return renderText(doc, ev.referentiel, {
        color: !options.toFile && shouldUseColor({ env: io.env, isTty: io.stdoutIsTty }),
        width: textWidth(io),
        ...(options.axe !== undefined ? { axe: options.axe } : {}),
        ...(options.mesure !== undefined ? { mesure: options.mesure } : {}),
      });
  }
}
