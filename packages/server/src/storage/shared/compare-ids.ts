/**
 * Orders ids by Unicode code point, which is UTF-8 byte order: the order SQLite's BINARY
 * collation and PostgreSQL's "C" collation give. Plain `<` compares UTF-16 code units and would
 * disagree with them for characters outside the Basic Multilingual Plane.
 */
export function compareIds(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
