/** RFC 6901 pointer: `/statuts/6.1.1.3.5` (`~` and `/` escaped); `''` for the whole document. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}
