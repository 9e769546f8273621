/**
 * The report options of `cae score`: one axe or one mesure down to the tâches (text), the CSV for
 * French Excel, and writing a binary workbook (never to a terminal).
 */
import type { Referentiel } from 'label-cae';
import { writeFileAtomic } from 'label-cae/node';
import { type CliIo, UsageError, writeOutput } from '../io.js';
import type { Format, RenderOptions } from './render-evaluation.js';
import { describeFsError } from '../io.js';

export const REPORT_OPTIONS = {
  axe: { type: 'string' },
  mesure: { type: 'string' },
  'csv-excel': { type: 'boolean', default: false },
} as const;

export const REPORT_HELP = `  --axe N                      texte : seulement l'axe N, jusqu'aux tâches, avec les statuts
  --mesure ID                  texte : seulement la mesure ID (3.2.1), jusqu'aux tâches, avec les statuts
  --csv-excel                  CSV pour Excel en français : BOM, séparateur « ; », virgule décimale
  Le texte suit la largeur du terminal (sinon COLUMNS, sinon 80 colonnes).
  --format xlsx écrit un classeur Excel (une feuille de synthèse, une par axe) : avec -o FICHIER,
  ou sur une sortie standard qui n'est pas un terminal.`;

export function reportOptions(
  values: { axe?: string | undefined; mesure?: string | undefined; 'csv-excel'?: boolean | undefined },
  format: Format,
  io: CliIo,
  referentiel: Referentiel,
): Pick<RenderOptions, 'axe' | 'mesure' | 'csvExcel'> {
  void io;
  const out: Pick<RenderOptions, 'axe' | 'mesure' | 'csvExcel'> = {};
  if (values.axe !== undefined && values.mesure !== undefined) throw new UsageError('axe-et-mesure', '--axe et --mesure ensemble : choisir l’un des deux');
  for (const [name, value] of [['axe', values.axe], ['mesure', values.mesure]] as const) {
    if (value === undefined) continue;
    if (format !== 'text') throw new UsageError('option-texte', `--${name} ne vaut que pour --format text`);
    const node = [...referentiel.actions.values()].find((n) => n.identifiant === value);
    const ok = node !== undefined && (name === 'axe' ? node.depth === 1 : node.depth === referentiel.hierarchie.actionLevel);
    if (!ok) throw new UsageError(`${name}-inconnu`, `--${name} « ${value} » : ${name === 'axe' ? 'aucun axe' : 'aucune mesure'} de ce nom dans le référentiel ${referentiel.id}`);
    out[name] = value;
  }
  if (values['csv-excel']) {
    if (format !== 'csv') throw new UsageError('option-csv', '--csv-excel ne vaut que pour --format csv');
    out.csvExcel = true;
  }
  return out;
}

/** Text goes through `writeOutput`; a workbook is written as bytes, never to a terminal. */
export async function writeReport(content: string | Uint8Array, output: string | undefined, io: CliIo): Promise<void> {
  if (typeof content === 'string') return writeOutput(content, output, io);
  if (output === undefined || output === '-') {
    if (io.stdoutIsTty) throw new UsageError('xlsx-terminal', 'un classeur xlsx est binaire : donner -o FICHIER.xlsx, ou rediriger la sortie standard');
    if (!io.stdoutStream) throw new UsageError('xlsx-sortie', 'sortie standard binaire indisponible : donner -o FICHIER.xlsx');
    io.stdoutStream.write(content);
    return;
  }
  try {
    await writeFileAtomic(output, content);
  } catch (error) {
    throw new UsageError('ecriture-impossible', `${output} : écriture impossible (${describeFsError(error)})`);
  }
}
