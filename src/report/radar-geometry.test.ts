import { describe, expect, it } from 'vitest';
import { computeRadar, pointsAttribute, radarPoint, spokeAngle } from './radar-geometry.js';

const frame = { cx: 200, cy: 150, radius: 100 };
const dist = (p: { x: number; y: number }): number => Math.hypot(p.x - frame.cx, p.y - frame.cy);

describe('radar geometry', () => {
  it('puts 0 % at the centre, 50 % at half the radius and 100 % on the radius, on every spoke', () => {
    for (const count of [1, 2, 3, 5, 8]) {
      for (let i = 0; i < count; i++) {
        expect(radarPoint(0, i, count, frame)).toEqual({ x: 200, y: 150 });
        expect(dist(radarPoint(0.5, i, count, frame))).toBeCloseTo(50, 1);
        expect(dist(radarPoint(1, i, count, frame))).toBeCloseTo(100, 1);
      }
    }
  });

  it('points the first spoke up and turns clockwise (SVG y grows downwards)', () => {
    expect(radarPoint(1, 0, 4, frame)).toEqual({ x: 200, y: 50 });
    expect(radarPoint(1, 1, 4, frame)).toEqual({ x: 300, y: 150 });
    expect(radarPoint(1, 2, 4, frame)).toEqual({ x: 200, y: 250 });
    expect(radarPoint(0.5, 3, 4, frame)).toEqual({ x: 150, y: 150 });
    expect(spokeAngle(0, 3)).toBeCloseTo(-Math.PI / 2);
  });

  it('clamps values outside [0, 1] and treats NaN as 0', () => {
    expect(radarPoint(1.7, 0, 3, frame)).toEqual(radarPoint(1, 0, 3, frame));
    expect(radarPoint(-1, 1, 3, frame)).toEqual({ x: 200, y: 150 });
    expect(radarPoint(Number.NaN, 1, 3, frame)).toEqual({ x: 200, y: 150 });
  });

  it('computes spokes, rings and one polygon per series', () => {
    const g = computeRadar(3, [[0, 0.5, 1], [1, 1, 1]], frame, { rings: [0.5, 1], labelOffset: 20 });
    expect(g.spokes).toHaveLength(3);
    expect(g.rings.map((r) => r.level)).toEqual([0.5, 1]);
    expect(g.rings[0]!.points.every((p) => Math.abs(dist(p) - 50) < 0.01)).toBe(true);
    expect(g.series[0]!.map(dist).map((d) => Math.round(d))).toEqual([0, 50, 100]);
    expect(g.series[1]!.map(dist).every((d) => Math.abs(d - 100) < 0.01)).toBe(true);
    expect(dist(g.spokes[0]!.label)).toBeCloseTo(120, 1);
    expect(g.spokes.map((s) => [s.anchor, s.vertical])).toEqual([['middle', -1], ['start', 1], ['end', 1]]);
    expect(pointsAttribute(g.series[1]!)).toMatch(/^200,50 286\.6,200 113\.4,200$/);
  });

  it('handles a missing value in a series as 0', () => {
    const g = computeRadar(3, [[1]], frame);
    expect(g.series[0]![2]).toEqual({ x: 200, y: 150 });
  });
});
