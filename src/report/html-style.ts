/**
 * The stylesheet of the HTML report. On screen: a readable page with a table of contents. In print
 * (A4): the summary alone on the first page, then the annex in small type, headings kept with the
 * start of their table, tables allowed to break between rows (a whole table kept on one page left
 * most pages half empty), a fixed column layout that leaves the Intitulé column most of the width.
 */
import { COLORS } from './radar-chart.js';

export const HTML_CSS = `
:root { --fait: ${COLORS.fait}; --programme: ${COLORS.programme}; --pas-fait: ${COLORS.pasFait}; --non-renseigne: ${COLORS.nonRenseigne}; --texte: ${COLORS.text}; --discret: ${COLORS.muted}; --trait: #d5d9de; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; font-size: 14px; line-height: 1.45; color: var(--texte); background: #fff; }
h1 { font-size: 28px; margin: 4px 0; }
h2 { font-size: 21px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--texte); }
h3 { font-size: 16px; margin: 22px 0 8px; }
a { color: inherit; }
.surtitre { margin: 0; color: var(--discret); text-transform: uppercase; letter-spacing: .04em; font-size: 12px; }
.date { margin: 0; color: var(--discret); }
.score-global { font-size: 16px; }
.pct { font-size: 20px; }
.cartes { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.carte { flex: 1 1 150px; border: 1px solid var(--trait); border-top: 5px solid var(--discret); border-radius: 6px; padding: 10px 12px; display: flex; flex-direction: column; }
.carte.fait { border-top-color: var(--fait); } .carte.programme { border-top-color: var(--programme); }
.carte.pas-fait { border-top-color: var(--pas-fait); } .carte.non-renseigne { border-top-color: var(--non-renseigne); }
.carte .etiquette { font-size: 12px; color: var(--discret); text-transform: uppercase; }
.carte .valeur { font-size: 22px; font-weight: 700; }
.carte .points { color: var(--discret); }
.repartition-globale { width: 100%; height: 16px; display: block; }
.alerte { border-left: 4px solid #b7800b; padding: 4px 10px; }
.jauge { width: 100%; height: auto; display: block; margin: 8px 0; }
.resume-grille { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
figure.radar { margin: 0; display: flex; flex-direction: column; align-items: center; }
.radar-svg { max-width: 100%; height: auto; }
figcaption { color: var(--discret); max-width: 720px; text-align: center; }
ul.legende { list-style: none; padding: 0; margin: 6px 0; display: flex; gap: 24px; }
ul.legende li { display: flex; align-items: center; gap: 6px; }
.verdict { font-size: 17px; font-weight: 700; margin: 6px 0; }
.verdict.non { color: var(--pas-fait); } .verdict.oui { color: var(--fait); }
ul.conditions { list-style: none; padding: 0; margin: 4px 0; }
ul.conditions li { padding: 2px 0 2px 20px; text-indent: -20px; }
ul.conditions li.non-rempli { color: var(--pas-fait); }
nav.sommaire { border: 1px solid var(--trait); border-radius: 6px; padding: 8px 16px; margin: 16px 0; }
nav.sommaire ol { margin: 4px 0; padding-left: 20px; }
nav.sommaire ol ol { columns: 2; font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
th, td { border-bottom: 1px solid var(--trait); padding: 4px 6px; vertical-align: top; text-align: left; }
th { font-size: 12px; color: var(--discret); border-bottom: 2px solid var(--texte); }
table.scores { table-layout: fixed; }
table.scores col.c-id { width: 7.5em; } table.scores col.c-statut { width: 8.5em; } table.scores col.c-num { width: 6.2em; } table.scores col.c-barre { width: 130px; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num small { display: block; color: var(--discret); font-size: 11px; }
td.id { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nom { overflow-wrap: anywhere; }
td.zero { color: #8a929b; }
td.fait { color: var(--fait); } td.programme { color: var(--programme); } td.pas-fait { color: var(--pas-fait); } td.non-renseigne { color: #616161; }
tr.niveau-axe td, tr.profondeur-0 td { font-weight: 700; }
tr.niveau-axe td.nom { font-size: 15px; }
tr.profondeur-1 td.nom { padding-left: 22px; } tr.profondeur-2 td.nom { padding-left: 40px; } tr.profondeur-3 td.nom { padding-left: 58px; }
table.detail tr.niveau-sous-action td { border-top: 1px solid #9aa1a9; }
.non-concerne { color: var(--discret); font-style: italic; }
.pastille { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-left: 8px; border: 1px solid #555; }
.pastille.fait { background: var(--fait); } .pastille.programme { background: var(--programme); } .pastille.pas-fait { background: var(--pas-fait); } .pastille.non-renseigne { background: var(--non-renseigne); }
.mesure h3 .id { color: var(--discret); margin-right: 6px; }
.resume { margin: 0 0 4px; color: var(--discret); }
dl.reponses { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; }
dl.reponses dt { font-weight: 700; }
dl.reponses dd { margin: 0; }
ul.constats { padding-left: 0; list-style: none; }
.constat { border-left: 4px solid var(--discret); padding: 4px 10px; margin: 6px 0; }
.constat.error { border-left-color: var(--pas-fait); } .constat.warning { border-left-color: #b7800b; } .constat.info { border-left-color: var(--programme); }
.severite { font-weight: 700; text-transform: uppercase; font-size: 12px; margin-right: 6px; }
.constat .code { color: var(--discret); font-size: 12px; display: block; }
tr.critere.non-rempli td { color: var(--pas-fait); }
footer { margin-top: 40px; color: var(--discret); font-size: 12px; border-top: 1px solid var(--trait); padding-top: 8px; }
@page { size: A4; margin: 11mm 10mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 7.5pt; line-height: 1.15; font-family: "DejaVu Sans Condensed", "Arial Narrow", "DejaVu Sans", sans-serif; }
  nav.sommaire, .ecran { display: none; }
  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin: 10pt 0 4pt; } h3 { font-size: 9.5pt; margin: 8pt 0 2pt; }
  h2, h3, h4, .resume { break-after: avoid; page-break-after: avoid; }
  #resume { break-after: page; page-break-after: always; }
  #resume .cartes { margin: 4pt 0; gap: 6pt; } #resume .carte { padding: 3pt 6pt; }
  #resume .carte .valeur { font-size: 12pt; }
  .jauge { max-height: 28mm; }
  .radar-svg { max-height: 88mm; }
  .verdict { font-size: 11pt; }
  #resume, figure, .cartes, .jauge, ul.conditions li { break-inside: avoid; page-break-inside: avoid; }
  table { margin: 2pt 0 6pt; }
  th, td { padding: 0.5pt 2pt; }
  th { font-size: 6pt; }
  table.scores th.num { white-space: normal; overflow-wrap: normal; }
  table.scores col.c-id { width: 14mm; } table.scores col.c-statut { width: 16mm; } table.scores col.c-num { width: 12.5mm; } table.scores col.c-barre { width: 0; }
  table.scores th.barre, table.scores td.barre { display: none; }
  td.num small { font-size: 6pt; line-height: 1.05; }
  tr.niveau-axe td.nom { font-size: 8pt; }
  tr.profondeur-1 td.nom { padding-left: 8pt; } tr.profondeur-2 td.nom { padding-left: 14pt; } tr.profondeur-3 td.nom { padding-left: 20pt; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .constat { padding: 1pt 6pt; margin: 2pt 0; }
  .carte { border-top-width: 1px; }
  td.fait, td.programme, td.pas-fait, td.non-renseigne, tr.critere.non-rempli td, ul.conditions li.non-rempli { color: #000; }
  .pastille { display: none; }
  footer { margin-top: 8pt; }
}
`;
