/**
 * JSON values kept as frozen object trees instead of text (the memory store). freezeJson gives
 * exactly what JSON.parse(JSON.stringify(value)) would, frozen, and reuses every subtree it made
 * before: writing back a document read with getShared costs only its new parts, so a join adds
 * one participant to a 10,000-entry roster without re-encoding the other 9,999. thawJson makes
 * the private mutable copy the DocumentPort contract promises callers.
 */

/**
 * Marks the subtrees freezeJson produced (normalized and immutable, hence safe to share). A
 * non-enumerable symbol, invisible to JSON, Object.keys, spreads and deepEqual: checking it is a
 * property read, several times cheaper than a WeakSet lookup per roster entry.
 */
const FROZEN_JSON = Symbol('frozenJson');

/** True for a value freezeJson made (or a part of one): normalized, immutable, safe to share. */
export function isFrozenJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { [FROZEN_JSON]?: true })[FROZEN_JSON] === true;
}

function seal<T extends object>(value: T): Readonly<T> {
  Object.defineProperty(value, FROZEN_JSON, { value: true });
  return Object.freeze(value);
}

/** JSON.stringify's view of a value: toJSON applied, boxed primitives unboxed. */
function serializable(value: unknown, key: string): unknown {
  const converted = typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function' ? (value as { toJSON(key: string): unknown }).toJSON(key) : value;
  if (converted instanceof Number || converted instanceof String || converted instanceof Boolean) return converted.valueOf();
  return converted;
}

/** undefined where JSON.stringify leaves the value out (undefined, functions, symbols). */
function freezeValue(raw: unknown, key: string, path: Set<object>): unknown {
  const value = serializable(raw, key);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === 'bigint') throw new TypeError('storage: a BigInt is not JSON-serializable');
  if (typeof value !== 'object') return undefined;
  if (isFrozenJson(value)) return value;
  if (path.has(value)) throw new TypeError('storage: a circular structure is not JSON-serializable');
  path.add(value);
  const frozen = Array.isArray(value) ? freezeArray(value, path) : freezeObject(value as Record<string, unknown>, path);
  path.delete(value);
  return frozen;
}

function freezeArray(array: unknown[], path: Set<object>): readonly unknown[] {
  const copy = new Array<unknown>(array.length);
  for (let index = 0; index < array.length; index++) {
    const item = array[index];
    copy[index] = isFrozenJson(item) ? item : (freezeValue(item, String(index), path) ?? null);
  }
  return seal(copy);
}

function freezeObject(object: Record<string, unknown>, path: Set<object>): Readonly<Record<string, unknown>> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const item = object[key];
    const value = isFrozenJson(item) ? item : freezeValue(item, key, path);
    if (value !== undefined) setData(copy, key, value);
  }
  return seal(copy);
}

/** A "__proto__" key is data in JSON, not the prototype: plain assignment would set the latter. */
function setData(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** The frozen JSON form of `value`; throws a TypeError where JSON.stringify would fail or give nothing. */
export function freezeJson(value: unknown): unknown {
  const frozen = freezeValue(value, '', new Set());
  if (frozen === undefined) throw new TypeError('storage: value is not JSON-serializable');
  return frozen;
}

/** A mutable deep copy of a frozen JSON value. */
export function thawJson<T>(value: unknown): T {
  if (value === null || typeof value !== 'object') return value as T;
  if (Array.isArray(value)) return value.map((item) => thawJson(item)) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setData(copy, key, thawJson((value as Record<string, unknown>)[key]));
  return copy as T;
}
