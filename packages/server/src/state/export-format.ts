import { z } from 'zod';
import { DomainError } from '../domain/errors/domain-error.js';
import { splitConferenceRosters } from './upgrade-v1-rosters.js';

/**
 * The versioned export file (docs/export-format.md). A server reads its own version and every
 * older one (each older version is lifted by its upgrade step, one version at a time); it refuses
 * a newer one, whose meaning it cannot know.
 */
export const EXPORT_FORMAT = 'switchboard-export';
export const EXPORT_VERSION = 2;

const documentSchema = z.strictObject({ kind: z.string().min(1), id: z.string().min(1), data: z.unknown() });
const outboxSchema = z.strictObject({
  stream: z.string().min(1),
  payload: z.unknown(),
  availableAt: z.number().int(),
  createdAt: z.number().int().optional(),
  attempts: z.number().int().min(0).optional(),
  lastError: z.string().optional(),
});
const timerSchema = z.strictObject({ key: z.string().min(1), dueAt: z.number().int(), payload: z.unknown() });
const clockSchema = z.strictObject({ now: z.number().int(), scale: z.number().positive().max(100_000), paused: z.boolean() });

export const exportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  clock: clockSchema,
  documents: z.array(documentSchema),
  timers: z.array(timerSchema),
  outbox: z.array(outboxSchema),
  /** The delivery log, oldest first; only when asked for (it can be large). */
  deliveries: z.array(z.record(z.string(), z.unknown())).optional(),
});

export type SwitchboardExport = z.infer<typeof exportSchema>;
export type ExportedDocument = z.infer<typeof documentSchema>;
export type ExportedOutboxMessage = z.infer<typeof outboxSchema>;
export type ExportedClock = z.infer<typeof clockSchema>;

type Upgrade = (older: Record<string, unknown>) => Record<string, unknown>;

/**
 * `UPGRADES[n]` lifts a version-n file to version n + 1; a format change adds its step here and
 * bumps EXPORT_VERSION.
 */
export const UPGRADES: Readonly<Record<number, Upgrade>> = {
  /** Version 2 stores each roster entry as its own document. */
  1: splitConferenceRosters,
};

/** Checks, upgrades and validates an export; every failure is a clear 400 (exportInvalid, exportTooNew). */
export function parseExport(input: unknown): SwitchboardExport {
  const file = upgradeExport(input, UPGRADES, EXPORT_VERSION);
  const parsed = exportSchema.safeParse(file);
  if (!parsed.success) throw new DomainError('exportInvalid', { details: describeIssues(parsed.error.issues) });
  return parsed.data;
}

function envelopeOf(input: unknown): Record<string, unknown> & { version: number } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new DomainError('exportInvalid', { details: 'expected a JSON object' });
  const file = input as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) throw new DomainError('exportInvalid', { details: `"format" must be "${EXPORT_FORMAT}"` });
  if (!Number.isInteger(file.version) || (file.version as number) < 1) throw new DomainError('exportInvalid', { details: '"version" must be a positive integer' });
  return file as Record<string, unknown> & { version: number };
}

/** Checks the envelope (format, version) and applies the upgrade steps from the file's version up to `current`. */
export function upgradeExport(input: unknown, upgrades: Readonly<Record<number, Upgrade>>, current: number): Record<string, unknown> {
  const file = envelopeOf(input);
  if (file.version > current) throw new DomainError('exportTooNew', { version: file.version, supported: current });
  let lifted: Record<string, unknown> = file;
  for (let version = file.version; version < current; version++) {
    const step = upgrades[version];
    if (!step) throw new DomainError('exportInvalid', { details: `no upgrade from version ${version}` });
    lifted = { ...step(lifted), version: version + 1 };
  }
  return lifted;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return shown.join('; ') + (issues.length > 5 ? ` (and ${issues.length - 5} more)` : '');
}
