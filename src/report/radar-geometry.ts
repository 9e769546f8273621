/**
 * Geometry of a radar (spider) chart, as plain numbers for an inline SVG: one spoke per subject,
 * the first pointing up and the others clockwise at equal angles; a value v ∈ [0, 1] sits at
 * v × radius from the centre on its spoke (values outside are clamped). With 1 or 2 subjects the
 * "polygon" is a point or a segment: the caller draws markers too.
 */

export interface Point {
  x: number;
  y: number;
}

export interface RadarFrame {
  cx: number;
  cy: number;
  radius: number;
}

export interface RadarSpoke {
  angle: number;
  /** Outer end of the spoke (value 1). */
  end: Point;
  /** Where the subject's label goes, `labelOffset` beyond the end. */
  label: Point;
  /** SVG `text-anchor` that keeps the label outside the chart. */
  anchor: 'start' | 'middle' | 'end';
  /** -1 above the centre, 1 below, 0 beside: where the label's lines should grow. */
  vertical: -1 | 0 | 1;
}

export interface RadarGeometry {
  spokes: RadarSpoke[];
  /** Grid polygons, one per ring level (for example 25, 50, 75, 100 %). */
  rings: { level: number; points: Point[] }[];
  /** One polygon per series, one point per subject. */
  series: Point[][];
}

/** Angle of spoke `index` of `count`: −π/2 (up) for the first, clockwise after. */
export function spokeAngle(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / Math.max(1, count);
}

export function radarPoint(value: number, index: number, count: number, frame: RadarFrame): Point {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const a = spokeAngle(index, count);
  return { x: round(frame.cx + v * frame.radius * Math.cos(a)), y: round(frame.cy + v * frame.radius * Math.sin(a)) };
}

export function computeRadar(
  count: number,
  series: readonly (readonly number[])[],
  frame: RadarFrame,
  options: { rings?: readonly number[]; labelOffset?: number } = {},
): RadarGeometry {
  const labelOffset = options.labelOffset ?? 14;
  const spokes: RadarSpoke[] = [];
  for (let i = 0; i < count; i++) {
    const angle = spokeAngle(i, count);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    spokes.push({
      angle,
      end: radarPoint(1, i, count, frame),
      label: { x: round(frame.cx + (frame.radius + labelOffset) * cos), y: round(frame.cy + (frame.radius + labelOffset) * sin) },
      anchor: cos > 0.2 ? 'start' : cos < -0.2 ? 'end' : 'middle',
      vertical: sin < -0.2 ? -1 : sin > 0.2 ? 1 : 0,
    });
  }
  return {
    spokes,
    rings: (options.rings ?? [0.25, 0.5, 0.75, 1]).map((level) => ({
      level,
      points: spokes.map((_, i) => radarPoint(level, i, count, frame)),
    })),
    series: series.map((values) => spokes.map((_, i) => radarPoint(values[i] ?? 0, i, count, frame))),
  };
}

/** `x1,y1 x2,y2 …` for a `points` attribute. */
export function pointsAttribute(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

/** 2 decimals are plenty for SVG and keep the output short and stable. */
const round = (x: number): number => {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
};
