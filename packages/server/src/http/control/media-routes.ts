import { z } from 'zod';
import { TONES } from '../../domain/calls/media-queue.js';
import { bodyComponents, responseComponents } from './schemas.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';

/**
 * Control-API rows of the media operations: a person presses keypad keys. Legs that called
 * subscribeToTone get one `updated` call notification with toneInfo per key
 * (call-subscribetotone); the answer says which legs heard them.
 */

export const dtmfPressSchema = z.object({
  tones: z.array(z.enum(TONES)).min(1).describe('Keys in order: tone0–tone9, star, pound, a–d, flash.'),
});

export const keysPressedSchema = z.object({
  notifiedCallIds: z.array(z.string()).describe('App legs subscribed to tones that were notified.'),
});

bodyComponents.add(dtmfPressSchema, { id: 'DtmfPress' });
responseComponents.add(keysPressedSchema, { id: 'KeysPressed' });

export const mediaControlRoutes = [
  route({
    operationId: 'pressKeysInConference', method: 'POST', url: `${CONTROL_PREFIX}/conferences/:conferenceId/participants/:participantId/dtmf`, summary: 'The person presses keypad keys (tone notifications to subscribed app legs)', tag: 'People', status: 200, body: dtmfPressSchema, response: keysPressedSchema,
    handle: async ({ services, params, body }) => ok(await services.media.pressKeys(params.conferenceId ?? '', params.participantId ?? '', body.tones)),
  }),
  route({
    operationId: 'pressKeysOnCall', method: 'POST', url: `${CONTROL_PREFIX}/calls/:callId/dtmf`, summary: 'The person on the other end of a peer-to-peer call presses keypad keys', tag: 'People', status: 200, body: dtmfPressSchema, response: keysPressedSchema,
    handle: async ({ services, params, body }) => ok(await services.media.pressKeysOnCall(params.callId ?? '', body.tones)),
  }),
];
