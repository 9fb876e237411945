/**
 * Scenario durations as people write them: `500ms`, `2s`, `1m30s`, `1h`, or a bare number of
 * seconds. Parsed to milliseconds; anything else is undefined so the schema can say what is wrong.
 */
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;

export const DURATION_HINT = 'a duration like 500ms, 2s, 1m30s or 1h';

export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text * UNIT_MS.s) : undefined;
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === '') return undefined;
  const [, h, m, s, ms] = match;
  const total = part(h, UNIT_MS.h) + part(m, UNIT_MS.m) + part(s, UNIT_MS.s) + part(ms, UNIT_MS.ms);
  return Math.round(total);
}

function part(value: string | undefined, unit: number): number {
  return value === undefined ? 0 : Number(value) * unit;
}

/** 90500 → `1m30.5s`: how run logs show planned times. */
export function formatDuration(ms: number): string {
  if (ms < UNIT_MS.s) return `${ms}ms`;
  const minutes = Math.floor(ms / UNIT_MS.m);
  const seconds = (ms - minutes * UNIT_MS.m) / UNIT_MS.s;
  const rest = seconds ? `${Number(seconds.toFixed(3))}s` : '';
  return minutes ? `${minutes}m${rest}` : rest;
}
