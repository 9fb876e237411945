import { z } from 'zod';
import type { PeopleService } from '../../calls/people-service.js';
import type { Services } from '../../services.js';
import { bodyComponents, responseComponents } from './schemas.js';
import { CONTROL_PREFIX, created, noContent, ok, route, type RouteInput } from './route-table.js';
import { dominantSpeakerRoutes } from './dominant-speaker-routes.js';

/**
 * Simulated people (issue 3, item 5; issue 6) and a debugging view of call legs. People join
 * meetings (users, guests, anonymous and phone callers), wait in the lobby, mute themselves, turn
 * their camera on and off, hold, leave, call apps, hang up, and answer or decline apps' calls; the
 * organizer admits, denies, removes and ends the meeting. Every change notifies the app legs
 * concerned, as Graph would (docs/people.md).
 */

const identitySchema = z.object({
  kind: z.enum(['user', 'application', 'applicationInstance', 'guest', 'phone']),
  id: z.string(),
  displayName: z.string().optional(),
  tenantId: z.string().optional(),
});
const directionSchema = z.enum(['inactive', 'sendOnly', 'receiveOnly', 'sendReceive']);

export const rosterParticipantSchema = z.object({
  id: z.string(),
  kind: z.enum(['person', 'app', 'virtual']).describe('virtual: a participant the platform adds for an app leg (the large gallery view).'),
  identity: identitySchema,
  callId: z.string().optional().describe("For an app's entry: the id of its call leg."),
  isMuted: z.boolean(),
  isInLobby: z.boolean(),
  audio: directionSchema,
  video: directionSchema,
  screenSharing: directionSchema,
  serverMuted: z.boolean(),
  joinedAt: z.number().describe('Milliseconds since the epoch (server clock).'),
  rosterSequenceNumber: z.number().describe('Roster version in which this entry last changed.'),
  invitation: z
    .object({ operationId: z.string(), callId: z.string(), invitedAt: z.number() })
    .optional()
    .describe('Present while an invited person has not answered (participants/invite); DELETE participant cancels the invitation.'),
  recordingInfo: z.object({ initiator: identitySchema, status: z.enum(['notRecording', 'recording', 'failed']) }).optional().describe('What the app reported with updateRecordingStatus.'),
  metadata: z.string().optional(),
  ownerCallId: z.string().optional().describe('For a virtual participant: the app leg it was added for.'),
  held: z.object({ audio: directionSchema, video: directionSchema }).optional().describe('Present while the person has the call on hold: the directions a resume restores.'),
});

export const meetingRosterSchema = z.object({
  meetingId: z.string(),
  conferenceId: z.string().optional().describe('Absent while nobody is in the meeting.'),
  rosterSequence: z.number(),
  participants: z.array(rosterParticipantSchema),
});

export const personJoinSchema = z
  .strictObject({
    userId: z.string().min(1).optional().describe('A user of the world (id).'),
    guest: z.strictObject({ displayName: z.string().min(1) }).optional().describe('A guest (identity.guest in Graph).'),
    anonymous: z.strictObject({ displayName: z.string().min(1).optional() }).optional().describe("An anonymous participant (identity.guest; named 'Anonymous' when no name is given)."),
    phone: z.strictObject({ number: z.string().describe('E.164, e.g. +14255550100.'), displayName: z.string().min(1).optional() }).optional().describe('A phone (dial-in) caller (identity.phone, id = the number).'),
    muted: z.boolean().optional(),
    video: z.boolean().optional(),
  })
  .refine((body) => [body.userId, body.guest, body.anonymous, body.phone].filter((who) => who !== undefined).length === 1, { message: 'give exactly one of userId, guest, anonymous or phone' });

export const personJoinedSchema = z.object({ conferenceId: z.string(), participantId: z.string(), isInLobby: z.boolean() });
export const personCallSchema = z.strictObject({ appId: z.string().min(1).describe('The app to call (it needs a callingWebhookUrl).') });
export const phoneCallSchema = z.strictObject({
  appId: z.string().min(1).describe('The app to call (it needs a callingWebhookUrl).'),
  displayName: z.string().min(1).optional().describe("The caller's name as the app sees it (identity.phone.displayName); phone callers usually have none."),
});
export const personCallPlacedSchema = z.object({ callId: z.string().describe("The app's incoming call leg.") });
export const videoSchema = z.strictObject({ on: z.boolean().describe('true: camera on (video sendReceive); false: off (receiveOnly).') });
export const meetingJoinTokenSchema = z.object({ token: z.string().describe('Use as tokenMeetingInfo.token in a create-call body.') });

export const callLegSchema = z.looseObject({
  id: z.string(),
  appId: z.string(),
  tenantId: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  scenario: z.enum(['meeting', 'groupCall', 'peerToPeer', 'incoming']),
  state: z.string(),
  callbackUri: z.string(),
  conferenceId: z.string().optional(),
  myParticipantId: z.string().optional(),
  resultInfo: z.object({ code: z.number(), subcode: z.number(), message: z.string() }).optional(),
  createdAt: z.number(),
  stateChangedAt: z.number(),
});
export const callLegListSchema = z.object({ value: z.array(callLegSchema) });

bodyComponents.add(personJoinSchema, { id: 'PersonJoin' });
bodyComponents.add(personCallSchema, { id: 'PersonCall' });
bodyComponents.add(phoneCallSchema, { id: 'PhoneCall' });
bodyComponents.add(videoSchema, { id: 'PersonVideo' });
for (const [schema, id] of [
  [rosterParticipantSchema, 'RosterParticipant'],
  [meetingRosterSchema, 'MeetingRoster'],
  [personJoinedSchema, 'PersonJoined'],
  [personCallPlacedSchema, 'PersonCallPlaced'],
  [meetingJoinTokenSchema, 'MeetingJoinToken'],
  [callLegSchema, 'CallLeg'],
  [callLegListSchema, 'CallLegList'],
] as const) {
  responseComponents.add(schema, { id });
}

const people = (services: Services): PeopleService => services.people;

const meeting = `${CONTROL_PREFIX}/meetings/:meetingId`;
const participant = `${CONTROL_PREFIX}/conferences/:conferenceId/participants/:participantId`;
const ids = (params: RouteInput<unknown>['params']): [string, string] => [params.conferenceId ?? '', params.participantId ?? ''];

const meetingRoutes = [
  route({
    operationId: 'joinMeeting', method: 'POST', url: `${meeting}/people`, summary: 'A person joins the meeting (a user or a guest; the lobby policy applies)', tag: 'People', status: 201, body: personJoinSchema, response: personJoinedSchema,
    handle: async ({ services, params, body }) => {
      const joined = await people(services).joinMeeting(params.meetingId ?? '', body);
      return created(`${CONTROL_PREFIX}/conferences/${joined.conferenceId}/participants/${joined.participantId}`, joined);
    },
  }),
  route({
    operationId: 'getMeetingRoster', method: 'GET', url: `${meeting}/roster`, summary: "The meeting's current roster (people and app legs)", tag: 'People', status: 200, response: meetingRosterSchema,
    handle: async ({ services, params }) => ok(await people(services).roster(params.meetingId ?? '')),
  }),
  route({
    operationId: 'endMeeting', method: 'POST', url: `${meeting}/end`, summary: 'The organizer ends the meeting: every app leg is terminated (200/5003)', tag: 'People', status: 204,
    handle: async ({ services, params }) => {
      await people(services).endMeeting(params.meetingId ?? '');
      return noContent();
    },
  }),
  route({
    operationId: 'getMeetingJoinToken', method: 'GET', url: `${meeting}/join-token`, summary: 'A tokenMeetingInfo token for joining this meeting', tag: 'People', status: 200, response: meetingJoinTokenSchema,
    handle: async ({ services, params }) => ok({ token: await people(services).meetingToken(params.meetingId ?? '') }),
  }),
];

const ACTION_SUMMARIES = {
  mute: 'The person mutes themselves',
  unmute: 'The person unmutes themselves',
  admit: 'The organizer admits a participant from the lobby',
  hold: 'The person puts the call on hold (their audio and video go inactive)',
  resumeHeld: 'The person resumes a call they put on hold',
} as const;
const ACTION_PATHS = { mute: 'mute', unmute: 'unmute', admit: 'admit', hold: 'hold', resumeHeld: 'resume' } as const;

const participantRoutes = [
  route({
    operationId: 'getConferenceParticipant', method: 'GET', url: participant, summary: 'Read one roster entry', tag: 'People', status: 200, response: rosterParticipantSchema,
    handle: async ({ services, params }) => ok(await people(services).participant(...ids(params))),
  }),
  route({
    operationId: 'leaveConference', method: 'DELETE', url: participant, summary: 'A person leaves (apps hang up through Graph)', tag: 'People', status: 204,
    handle: async ({ services, params }) => {
      await people(services).leave(...ids(params));
      return noContent();
    },
  }),
  ...(['mute', 'unmute', 'admit', 'hold', 'resumeHeld'] as const).map((action) =>
    route({
      operationId: `${action}Participant`, method: 'POST', url: `${participant}/${ACTION_PATHS[action]}`, summary: ACTION_SUMMARIES[action], tag: 'People', status: 200, response: rosterParticipantSchema,
      handle: async ({ services, params }) => ok(await people(services)[action](...ids(params))),
    }),
  ),
  route({
    operationId: 'inviteApp', method: 'POST', url: `${participant}/invite-app`, summary: "This person invites an app into the meeting or group call (incoming call at the app's calling webhook, with chatInfo and meetingInfo)", tag: 'People', status: 201, body: personCallSchema, response: personCallPlacedSchema,
    handle: async ({ services, params, body }) => {
      const call = await people(services).inviteApp(...ids(params), body.appId);
      return created(`${CONTROL_PREFIX}/calls/${call.id}`, { callId: call.id });
    },
  }),
  route({
    operationId: 'denyParticipant', method: 'POST', url: `${participant}/deny`, summary: "The organizer denies entry to someone waiting in the lobby (their entry leaves the roster; an app's call ends with 200/5300)", tag: 'People', status: 204,
    handle: async ({ services, params }) => {
      await people(services).deny(...ids(params));
      return noContent();
    },
  }),
  route({
    operationId: 'setParticipantVideo', method: 'POST', url: `${participant}/video`, summary: 'The person turns their camera on or off (main-video direction in the roster)', tag: 'People', status: 200, body: videoSchema, response: rosterParticipantSchema,
    handle: async ({ services, params, body }) => ok(await people(services).setVideo(...ids(params), body.on)),
  }),
  route({
    operationId: 'removeParticipant', method: 'POST', url: `${participant}/remove`, summary: "The organizer removes a participant (an app's call ends with 200/5300)", tag: 'People', status: 204,
    handle: async ({ services, params }) => {
      await people(services).remove(...ids(params));
      return noContent();
    },
  }),
];

const ringRoutes = [
  route({
    operationId: 'answerAppCall', method: 'POST', url: `${CONTROL_PREFIX}/calls/:callId/answer`, summary: "The user an app calls (answerMode manual or noAnswer) answers: the app's call becomes established", tag: 'People', status: 200, response: callLegSchema,
    handle: async ({ services, params }) => ok(await people(services).answerCall(params.callId ?? '')),
  }),
  route({
    operationId: 'declineAppCall', method: 'POST', url: `${CONTROL_PREFIX}/calls/:callId/decline`, summary: "The user an app calls declines: the app's call ends (480/10076)", tag: 'People', status: 204,
    handle: async ({ services, params }) => {
      await people(services).declineCall(params.callId ?? '');
      return noContent();
    },
  }),
];

const callRoutes = [
  route({
    operationId: 'callApp', method: 'POST', url: `${CONTROL_PREFIX}/users/:userId/call`, summary: 'The user calls an app peer to peer (incoming call at its calling webhook)', tag: 'People', status: 201, body: personCallSchema, response: personCallPlacedSchema,
    handle: async ({ services, params, body }) => {
      const call = await people(services).callApp(params.userId ?? '', body.appId);
      return created(`${CONTROL_PREFIX}/calls/${call.id}`, { callId: call.id });
    },
  }),
  route({
    operationId: 'callAppFromPhone', method: 'POST', url: `${CONTROL_PREFIX}/phone/:number/call`, summary: 'A phone (PSTN) caller dials an app peer to peer (incoming call with source identity.phone; number in E.164)', tag: 'People', status: 201, body: phoneCallSchema, response: personCallPlacedSchema,
    handle: async ({ services, params, body }) => {
      const call = await people(services).callAppFromPhone(params.number ?? '', body.appId, body.displayName);
      return created(`${CONTROL_PREFIX}/calls/${call.id}`, { callId: call.id });
    },
  }),
  route({
    operationId: 'hangUpCall', method: 'POST', url: `${CONTROL_PREFIX}/calls/:callId/hangup`, summary: 'The person on the other end of a peer-to-peer call hangs up', tag: 'People', status: 204,
    handle: async ({ services, params }) => {
      await people(services).hangUp(params.callId ?? '');
      return noContent();
    },
  }),
  route({
    operationId: 'listCallLegs', method: 'GET', url: `${CONTROL_PREFIX}/calls`, summary: 'Every app call leg, ended ones until purged (debugging)', tag: 'Calls', status: 200, response: callLegListSchema,
    handle: async ({ services }) => ok({ value: await people(services).listCalls() }),
  }),
  route({
    operationId: 'getCallLeg', method: 'GET', url: `${CONTROL_PREFIX}/calls/:callId`, summary: 'One app call leg, whatever app owns it (debugging)', tag: 'Calls', status: 200, response: callLegSchema,
    handle: async ({ services, params }) => ok(await people(services).getCall(params.callId ?? '')),
  }),
];

export const peopleRoutes = [...meetingRoutes, ...participantRoutes, ...dominantSpeakerRoutes, ...ringRoutes, ...callRoutes];
