import { DomainError } from '../../domain/errors/index.js';
import { WORLD_KINDS, consentId, type WorldMode, type WorldSnapshot } from '../../domain/world/types.js';
import { checkWorld, type WorldProblem } from '../../domain/world/world-check.js';
import { applicationView, type ApplicationView } from '../application-view.js';
import { certificateProblems } from '../certificates.js';
import { demoWorldFile } from '../demo-world.js';
import { entitiesFromFile } from '../world-file-entities.js';
import type { WorldFile } from '../world-file.schema.js';
import { inWorldTx, validationFailed, type WorldContext, type WorldKind, type WorldTx } from '../world-tx.js';

export interface SeedReport {
  /** True when the store had no tenant yet and got the demo world. */
  demoSeeded: boolean;
  /** What the world file contributed, when one was applied. */
  applied?: { mode: WorldMode; tenants: number; users: number; applications: number; consents: number; meetings: number };
}

/**
 * Start-up seeding, in one transaction. `extend`: the demo world on first start (no tenant yet),
 * then the file upserted by id on top, on every start, so the file stays authoritative for what
 * it declares. `replace`: the world kinds are cleared and only the file remains.
 */
export function seedWorld(ctx: WorldContext, file?: WorldFile, mode: WorldMode = file?.mode ?? 'extend'): Promise<SeedReport> {
  return inWorldTx(ctx, async (tx) => {
    if (mode === 'replace' && !file) throw new DomainError('replaceNeedsWorldFile');
    const demoSeeded = mode === 'extend' && (await tx.all(WORLD_KINDS.tenant)).length === 0;
    if (mode === 'replace') await clearWorld(tx);
    if (demoSeeded) await applyFile(ctx, tx, demoWorldFile());
    const applied = file ? await applyFile(ctx, tx, file) : undefined;
    // Every start passes here: a store written before the meeting indexes existed gets them now.
    await tx.rebuildMeetingIndexes();
    return applied ? { demoSeeded, applied: { mode, ...counts(applied) } } : { demoSeeded };
  });
}

async function applyFile(ctx: WorldContext, tx: WorldTx, file: WorldFile): Promise<WorldSnapshot> {
  const problems = [...checkWorld(file, await tx.snapshot()), ...certificateProblems(file)];
  if (problems.length) throw doesNotFit(problems);
  const world = entitiesFromFile(file, { now: ctx.clock.now(), hashSecret: ctx.hashSecret });
  for (const t of world.tenants) await tx.upsert(WORLD_KINDS.tenant, t.id, t);
  for (const u of world.users) await tx.upsert(WORLD_KINDS.user, u.id, u);
  for (const a of world.applications) await tx.upsert(WORLD_KINDS.application, a.appId, a);
  for (const c of world.consents) await tx.upsert(WORLD_KINDS.consent, consentId(c.tenantId, c.appId), c);
  for (const m of world.meetings) await tx.upsert(WORLD_KINDS.meeting, m.id, m);
  return world;
}

/** The file was valid on its own (the loader checked it) but not against what this store holds. */
function doesNotFit(problems: WorldProblem[]): DomainError {
  const { params } = validationFailed(problems);
  return new DomainError('validationFailed', params, { message: `The world file does not fit the stored world: ${String(params.details)}` });
}

async function clearWorld(tx: WorldTx): Promise<void> {
  for (const kind of Object.values(WORLD_KINDS) as WorldKind[]) {
    for (const doc of await tx.all(kind)) await tx.remove(doc);
  }
}

function counts(world: WorldSnapshot): Omit<NonNullable<SeedReport['applied']>, 'mode'> {
  return { tenants: world.tenants.length, users: world.users.length, applications: world.applications.length, consents: world.consents.length, meetings: world.meetings.length };
}

/** The whole world as JSON (`GET /_switchboard/world`, `switchboard world`): no secret hashes. */
export interface WorldExport {
  tenants: WorldSnapshot['tenants'];
  users: WorldSnapshot['users'];
  applications: ApplicationView[];
  consents: WorldSnapshot['consents'];
  meetings: WorldSnapshot['meetings'];
}

export function exportWorld(ctx: WorldContext): Promise<WorldExport> {
  return inWorldTx(ctx, async (tx) => {
    const world = await tx.snapshot();
    return { ...world, applications: world.applications.map(applicationView) };
  });
}
