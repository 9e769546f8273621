import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { crop, decodePng, encodePng, pixelStats } from './png.js';

describe('test PNG codec', () => {
  it('round-trips an RGBA image and crops it', () => {
    const data = new Uint8Array(3 * 2 * 4);
    data.set([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 10, 20, 30, 255]);
    const img = decodePng(encodePng({ width: 3, height: 2, data }));
    expect(img).toEqual({ width: 3, height: 2, data });
    expect(pixelStats(img)).toEqual({ distinctColors: 5, nonWhiteRatio: 4 / 6 });
    expect(crop(img, 2, 1, 5, 5)).toEqual({ width: 1, height: 1, data: new Uint8Array([10, 20, 30, 255]) });
  });

  it('undoes the Sub, Up, Average and Paeth filters of an RGB image', () => {
    // 2×4 RGB, one row per filter type 1–4; expected pixels chosen, filtered bytes computed here.
    const pixels = [
      [10, 20, 30, 40, 50, 60],
      [15, 25, 35, 45, 55, 65],
      [100, 90, 80, 70, 60, 50],
      [1, 2, 3, 200, 210, 220],
    ];
    const rows: number[] = [];
    pixels.forEach((row, y) => {
      const filter = y + 1;
      rows.push(filter);
      row.forEach((v, i) => {
        const a = i >= 3 ? row[i - 3]! : 0;
        const b = y > 0 ? pixels[y - 1]![i]! : 0;
        const c = y > 0 && i >= 3 ? pixels[y - 1]![i - 3]! : 0;
        const p = a + b - c;
        const pred = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1
          : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        rows.push((v - pred) & 0xff);
      });
    });
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(2, 0);
    ihdr.writeUInt32BE(4, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const chunk = (type: string, body: Buffer): Buffer => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(body.length, 0);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, body, Buffer.alloc(4)]); // the decoder does not check CRCs
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from(rows))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const img = decodePng(png);
    const rgb = [...img.data].filter((_, i) => i % 4 !== 3);
    expect(rgb).toEqual(pixels.flat());
  });
});
