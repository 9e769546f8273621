/**
 * A minimal reader of the workbooks `--format xlsx` writes, for the tests: unzips with fflate and
 * reads the sheet names, the shared strings and each sheet's cells (strings and numbers). Written
 * here, independently of the writer, so a test that reads the file back checks what Excel would get.
 */
import { strFromU8, unzipSync } from 'fflate';

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

export interface Workbook {
  sheets: { name: string; rows: (string | number | null)[][] }[];
}

export function readXlsx(bytes: Uint8Array): Workbook {
  const files = unzipSync(bytes);
  const text = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`${name} absent du classeur`);
    return strFromU8(f);
  };
  const shared = files['xl/sharedStrings.xml'] ? [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescapeXml([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''))) : [];
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet [^>]*\/>/g)].map((m) => {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[0])![1]!);
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])![1]!)!.replace(/^\/?(xl\/)?/, 'xl/');
    const rows = [...text(target).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((r) => {
      const row: (string | number | null)[] = [];
      for (const c of r[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
        const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? '')?.[1];
        const type = /t="([^"]+)"/.exec(c[2]!)?.[1];
        row[col] = type === 's' ? shared[Number(v)]! : type === 'inlineStr' ? unescapeXml(inline ?? '') : type === 'str' ? unescapeXml(v ?? '') : v === undefined ? null : Number(v);
      }
      return Array.from(row, (x) => x ?? null);
    });
    return { name, rows };
  });
  return { sheets };
}
