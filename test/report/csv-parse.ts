/** A small RFC 4180 parser, independent of the renderer, to read exports back in tests. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch === '\r') {
      throw new Error(`CR inattendu à l'index ${i}`);
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) throw new Error('guillemet non fermé');
  if (field !== '' || row.length > 0) throw new Error('dernière ligne sans \\n');
  return rows;
}
