/**
 * Every backend keeps documents and payloads as JSON text, the memory one included, so the
 * in-memory mode behaves like the durable ones (a Date comes back as a string, callers never
 * share mutable objects with the store).
 */
export function encodeJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    throw new TypeError('storage: value is not JSON-serializable');
  }
  return text;
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
