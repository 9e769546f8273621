/**
 * The étoile gauge of the HTML report, as an inline SVG: 5 stars (the reached ones filled), and a
 * 0–100 % bar with the thresholds marked (0 / 35 / 50 / 65 / 75 % by default) and the current % fait.
 */
import { DEFAULT_ETOILES } from '../etoiles/etoiles-config.js';
import type { EtoileJson } from '../evaluation/evaluation-document.js';
import { formatPercent, formatPercentShort } from './format.js';
import { COLORS } from './radar-chart.js';
import type { Point } from './radar-geometry.js';

export interface SeuilAffiche {
  etoile: number;
  /** Ratio 0–1. */
  seuil: number;
}

/** Thresholds of the référentiel's default configuration (CAE's when it is unknown). */
export function defaultSeuils(referentielId: string): SeuilAffiche[] {
  const config = (Object.hasOwn(DEFAULT_ETOILES, referentielId) ? DEFAULT_ETOILES[referentielId] : undefined) ?? DEFAULT_ETOILES['cae']!;
  return config.seuils.map((s) => ({ etoile: s.etoile, seuil: s.seuil.toNumber() })).sort((a, b) => a.seuil - b.seuil);
}

/** The 10 points of a 5-branch star centred on (cx, cy). */
export function starPoints(cx: number, cy: number, outer: number, inner = outer * 0.5): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push({ x: Math.round((cx + r * Math.cos(a)) * 100) / 100, y: Math.round((cy + r * Math.sin(a)) * 100) / 100 });
  }
  return pts;
}

const pts = (p: Point[]): string => p.map((q) => `${q.x},${q.y}`).join(' ');

export function renderEtoileGauge(etoile: EtoileJson, seuils: readonly SeuilAffiche[]): string {
  const width = 1000;
  const barX = 30;
  const barW = width - 60;
  const barY = 92;
  const barH = 18;
  const x = (r: number): number => Math.round((barX + Math.min(1, Math.max(0, r)) * barW) * 100) / 100;
  const out: string[] = [];
  out.push(`<svg viewBox="0 0 ${width} 160" width="${width}" height="160" role="img" aria-labelledby="etoile-titre" class="jauge">`);
  out.push(`<title id="etoile-titre">${etoile.etoile} étoile${etoile.etoile > 1 ? 's' : ''} sur 5 : ${formatPercent(etoile.ratioFait)} fait</title>`);
  const max = Math.max(5, ...seuils.map((s) => s.etoile));
  for (let i = 1; i <= max; i++) {
    const filled = i <= etoile.etoile;
    const cx = width / 2 + (i - (max + 1) / 2) * 54;
    out.push(`<polygon class="etoile${filled ? ' atteinte' : ''}" points="${pts(starPoints(cx, 34, 22))}" fill="${filled ? COLORS.star : '#ffffff'}" stroke="${filled ? '#b7800b' : COLORS.grid}" stroke-width="2" stroke-linejoin="round"/>`);
  }
  // Bar: the reached part in green over a light track; both outlined so it reads without colour.
  out.push(`<rect x="${barX}" y="${barY}" width="${barW}" height="${barH}" rx="4" fill="#eef0f3" stroke="${COLORS.grid}"/>`);
  out.push(`<rect class="jauge-fait" x="${barX}" y="${barY}" width="${Math.round((x(etoile.ratioFait) - barX) * 100) / 100}" height="${barH}" rx="4" fill="${COLORS.fait}"/>`);
  for (const s of seuils) {
    const sx = x(s.seuil);
    const reached = etoile.ratioFait >= s.seuil;
    out.push(`<line x1="${sx}" y1="${barY - 8}" x2="${sx}" y2="${barY + barH + 8}" stroke="${COLORS.text}" stroke-width="1.5" stroke-dasharray="${reached ? 'none' : '3 2'}"/>`);
    out.push(`<text x="${sx}" y="${barY + barH + 24}" text-anchor="middle" font-size="12" fill="${COLORS.text}">${formatPercentShort(s.seuil)}</text>`);
    out.push(`<text x="${sx}" y="${barY + barH + 40}" text-anchor="middle" font-size="13" fill="${reached ? '#b7800b' : COLORS.muted}">${'★'.repeat(s.etoile)}</text>`);
  }
  const cx = x(etoile.ratioFait);
  out.push(`<polygon points="${cx - 7},${barY - 16} ${cx + 7},${barY - 16} ${cx},${barY - 4}" fill="${COLORS.text}"/>`);
  const anchor = cx > width - 90 ? 'end' : cx < 90 ? 'start' : 'middle';
  out.push(`<text x="${cx}" y="${barY - 21}" text-anchor="${anchor}" font-size="14" font-weight="700" fill="${COLORS.text}">${formatPercent(etoile.ratioFait)} fait</text>`);
  out.push('</svg>');
  return out.join('\n');
}
