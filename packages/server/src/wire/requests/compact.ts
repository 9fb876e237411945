/**
 * The value without `undefined` members, as it would read after a JSON round trip: echoed
 * request properties are stored and compared as JSON.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => compact(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, member]) => member !== undefined);
  return Object.fromEntries(entries.map(([key, member]) => [key, compact(member)])) as T;
}
