import { z } from 'zod';
import { TONES } from '../domain/calls/media-queue.js';
import { DURATION_HINT, parseDuration } from './duration.js';

/**
 * The scenario file format (issue 6): who is in the play, which meetings it happens in, and a
 * timeline of steps. This is the file as written; load-scenario.ts checks references and
 * expand-plan.ts turns it into a sorted, seeded plan. schemas/scenario.schema.json is generated
 * from here (scripts/generate-schemas.ts).
 */

const duration = z
  .union([z.string(), z.number().nonnegative()])
  .refine((value) => parseDuration(value) !== undefined, { message: `expected ${DURATION_HINT}` })
  .transform((value) => parseDuration(value) ?? 0)
  .describe(`When or how long: ${DURATION_HINT} (a bare number is seconds).`);

const name = z.string().min(1);

const personEntry = z.union([
  z.string().min(1).describe('A user of the world: a demo key (alex, adele, megan, …) or a user id.'),
  z.strictObject({ user: name.describe('A demo key or a user id.') }),
  z.strictObject({ guest: name.describe('Display name of an anonymous guest.') }),
  z.strictObject({ phone: z.string().regex(/^\+?[0-9]{3,15}$/, 'expected a phone number like +14255550100').describe('A PSTN caller (E.164 number).') }),
]);

const target = {
  person: name.optional().describe('A person of `people` (or a crowd member, `<group> <n>`).'),
  pick: name.optional().describe('Instead of `person`: a seeded random member of this crowd group who has joined by then.'),
};
const where = { meeting: name.optional().describe('A key of `meetings`; defaults to the only meeting.') };
const at = { at: duration.optional().describe('When, from the start of the run (or of the enclosing repeat round); default 0s.'), note: z.string().optional() };

const step = <A extends string, S extends z.ZodRawShape>(action: A, shape: S, describe: string) =>
  z.strictObject({ action: z.literal(action), ...at, ...shape }).describe(describe);

export const WAIT_CONDITIONS = ['appInMeeting', 'personInLobby', 'personInMeeting', 'callEstablished', 'callEnded'] as const;

const actionSteps = [
  step('join', { ...target, ...where, muted: z.boolean().optional(), video: z.boolean().optional() }, 'The person joins the meeting (the lobby policy applies).'),
  step('leave', target, 'The person leaves the meeting.'),
  step('mute', target, 'The person mutes themselves.'),
  step('unmute', target, 'The person unmutes themselves.'),
  step('video', { ...target, on: z.boolean().default(true) }, 'The person turns their camera on (or off with on: false).'),
  step('share', target, 'The person starts sharing their screen.'),
  step('unshare', target, 'The person stops sharing their screen.'),
  step('hold', target, 'The person puts the call on hold.'),
  step('resume', target, 'The person resumes a held call.'),
  step('speak', target, 'The person becomes the dominant speaker.'),
  step('pressKeys', { ...target, keys: z.union([z.string().regex(/^[0-9*#A-Da-d]+$/, 'expected keypad keys like "1", "12#" or "*0"'), z.array(z.enum(TONES)).min(1)]) }, 'The person presses keypad keys (DTMF) in the meeting or on their call.'),
  step('callApp', { ...target, appId: name.optional().describe('Default: the demo bot.') }, 'The person calls an app peer to peer.'),
  step('hangUp', target, 'The person hangs up their peer-to-peer call.'),
  step('answer', target, 'The person answers the call an app placed to them.'),
  step('decline', target, 'The person declines the call an app placed to them.'),
  step('admit', target, 'The organizer admits the person from the lobby.'),
  step('deny', target, 'The organizer turns the person in the lobby away.'),
  step('remove', target, 'The organizer removes the person from the meeting.'),
  step('endMeeting', where, 'The organizer ends the meeting for everyone.'),
  step('wait', { for: duration.describe('How long; every later step moves by as much.') }, 'Pause the timeline.'),
  step(
    'waitFor',
    {
      ...target,
      ...where,
      condition: z.enum(WAIT_CONDITIONS),
      appId: name.optional().describe('For appInMeeting: which app (default: any).'),
      timeout: duration.optional().describe('Give up (the step fails) after this long; default 60s.'),
    },
    'Hold the timeline until a condition holds (e.g. the bot under test joined); later steps move by the time waited.',
  ),
  step(
    'crowd',
    {
      ...where,
      from: duration.describe('Start of the window.'),
      to: duration.describe('End of the window.'),
      count: z.number().int().min(1).max(10_000),
      group: name.default('crowd').describe('Crowd members are `<group> <n>` and can be picked with `pick: <group>`.'),
      displayName: name.optional().describe('Guest display name prefix (default: the group name capitalised).'),
      muted: z.boolean().optional(),
      video: z.boolean().optional(),
    },
    'count guests join at seeded random times between from and to.',
  ),
] as const;

export const actionStepSchema = z.discriminatedUnion('action', actionSteps);

export const repeatStepSchema = z
  .strictObject({
    ...at,
    repeat: z.strictObject({ times: z.number().int().min(1).max(1_000), every: duration }),
    steps: z.array(actionStepSchema).min(1),
  })
  .describe('Runs its steps `times` times, `every` apart; step times inside are relative to each round.');

export const timelineStepSchema = z.union([actionStepSchema, repeatStepSchema]);

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: name,
    description: z.string().optional(),
    seed: z.union([z.number().int(), z.string()]).default(1).describe('Same seed, same plan: crowd times and picks replay identically.'),
    meeting: name.optional().describe('The meeting: a demo key (standup, townHall, partnerSync) or a meeting id.'),
    meetings: z.record(z.string(), name).optional().describe('Several meetings, by a name of your choice: { main: standup, side: <id> }.'),
    people: z.record(z.string(), personEntry).default({}),
    timeline: z.array(timelineStepSchema).min(1),
  })
  .describe('A Switchboard scenario: simulated people acting on a timeline.');

export type ScenarioFileInput = z.input<typeof scenarioSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type ActionStep = z.output<typeof actionStepSchema>;
export type RepeatStep = z.output<typeof repeatStepSchema>;
export type TimelineStep = z.output<typeof timelineStepSchema>;
export type PersonEntry = z.output<typeof personEntry>;
export type ActionName = ActionStep['action'];
export type WaitCondition = (typeof WAIT_CONDITIONS)[number];
