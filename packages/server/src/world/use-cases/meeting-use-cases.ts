import { buildMeeting, defaultMeetingWindow } from '../../domain/world/meeting-coordinates.js';
import { WORLD_KINDS, type Meeting } from '../../domain/world/types.js';
import type { MeetingCreate, MeetingPatch } from '../world-inputs.schema.js';
import { assertValidChange, inWorldTx, type WorldContext } from '../world-tx.js';
import { requireMeeting } from './resolve.js';

export function getMeeting(ctx: WorldContext, meetingId: string): Promise<Meeting> {
  return inWorldTx(ctx, async (tx) => (await requireMeeting(tx, meetingId)).data);
}

/** Join coordinates not pinned by the caller are derived from the meeting id; the join link always follows. */
export function createMeeting(ctx: WorldContext, input: MeetingCreate): Promise<Meeting> {
  return inWorldTx(ctx, async (tx) => {
    const id = input.id ?? ctx.ids.newId();
    const window = defaultMeetingWindow(input.startDateTime ? Date.parse(input.startDateTime) : ctx.clock.now());
    const meeting = buildMeeting({ ...input, id, startDateTime: input.startDateTime ?? window.startDateTime, endDateTime: input.endDateTime ?? window.endDateTime });
    await tx.ensureAbsent(WORLD_KINDS.meeting, id);
    await assertValidChange(tx, { meetings: [meeting] }, await tx.meetingCheckBase(meeting));
    return tx.insert(WORLD_KINDS.meeting, id, meeting);
  });
}

/** The join coordinates stay put (clients may hold them); a new organizer changes the link's `Oid`. */
export function updateMeeting(ctx: WorldContext, meetingId: string, patch: MeetingPatch): Promise<Meeting> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireMeeting(tx, meetingId);
    const passcode = patch.passcode !== undefined ? patch.passcode : (doc.data.passcode ?? null);
    const next = buildMeeting({ ...doc.data, ...patch, passcode });
    await assertValidChange(tx, { meetings: [next] }, await tx.meetingCheckBase(next));
    return tx.update(doc, next);
  });
}

export function deleteMeeting(ctx: WorldContext, meetingId: string): Promise<void> {
  return inWorldTx(ctx, async (tx) => tx.remove(await requireMeeting(tx, meetingId)));
}
