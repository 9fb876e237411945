import { z } from 'zod';
import { ROUTING_MODES } from '../../domain/calls/audio-routing.js';
import { responseComponents } from './schemas.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';

/**
 * Who hears whom in a call's conference (issue 4, item 1): what audio routing groups, mutes, the
 * lobby and hold music produce, so a developer can check their routing. The rules are those of
 * domain/calls/audio-matrix.ts.
 */

const audioRouteSchema = z.union([
  z.object({ via: z.literal('defaultAudioGroup') }),
  z.object({ via: z.literal('audioRoutingGroup'), callId: z.string().describe('The app leg the group belongs to.'), groupId: z.string() }),
]);

const silenceSchema = z.enum(['speakerNotInConversation', 'listenerNotInConversation', 'speakerOnHold', 'listenerOnHold', 'speakerMuted', 'speakerNotSending', 'listenerNotReceiving', 'noRoute']);

const audioLinkSchema = z.object({
  speakerId: z.string(),
  listenerId: z.string(),
  audible: z.boolean(),
  routes: z.array(audioRouteSchema).describe('Every route from speaker to listener, audible or not.'),
  silencedBy: silenceSchema.optional().describe('Why the speaker is not heard: the first rule that fails.'),
});

const matrixParticipantSchema = z.object({
  id: z.string(),
  kind: z.enum(['person', 'app', 'virtual']),
  displayName: z.string().optional(),
  callId: z.string().optional().describe("For an app's entry: its call leg."),
  isMuted: z.boolean(),
  inConversation: z.boolean().describe('False while waiting in the lobby or ringing (invited).'),
  inDefaultAudioGroup: z.boolean().describe('False for app legs that joined with removeFromDefaultAudioGroup.'),
  hearsHoldMusic: z.object({ byCallId: z.string(), promptUri: z.string().optional() }).optional().describe('Set while on hold.'),
});

export const audioMatrixSchema = z.object({
  callId: z.string(),
  conferenceId: z.string(),
  participants: z.array(matrixParticipantSchema),
  audioRoutingGroups: z.array(
    z.object({ callId: z.string(), group: z.object({ id: z.string(), routingMode: z.enum(ROUTING_MODES), sources: z.array(z.string()), receivers: z.array(z.string()) }) }),
  ),
  hears: z.record(z.string(), z.array(z.string())).describe('Listener participant id → the speaker ids they hear.'),
  links: z.array(audioLinkSchema).describe('One entry per ordered pair of participants.'),
});

responseComponents.add(audioMatrixSchema, { id: 'AudioMatrix' });

export const audioMatrixRoutes = [
  route({
    operationId: 'getCallAudioMatrix',
    method: 'GET',
    url: `${CONTROL_PREFIX}/calls/:callId/audio-matrix`,
    summary: "Who hears whom in the call's conference (audio routing groups, mutes, lobby, hold music)",
    tag: 'Calls',
    status: 200,
    response: audioMatrixSchema,
    handle: async ({ services, params }) => ok(await services.controls.audioMatrix(params.callId ?? '')),
  }),
];
