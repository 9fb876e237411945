import { z } from 'zod';
import type { DominantSpeaker, PeopleService } from '../../calls/people-service.js';
import type { Services } from '../../services.js';
import { audioSourceId } from '../../wire/participant-to-graph.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';
import { bodyComponents, responseComponents } from './schemas.js';

/**
 * Who dominates a conference's conversation (docs/people.md). Graph notifies nothing for it, so
 * the answer also names the speaker's main-audio `sourceId`, the one observable trace.
 */

export const dominantSpeakerPutSchema = z.strictObject({ participantId: z.string().min(1).nullable().describe('The person who talks over everyone; null: nobody.') });
export const dominantSpeakerSchema = z.object({
  conferenceId: z.string(),
  participantId: z.string().optional().describe('Absent when nobody dominates (or the speaker left, muted or held).'),
  sourceId: z.string().optional().describe("The speaker's main-audio mediaStream sourceId in the roster (what app-hosted media reports as the dominant speaker)."),
});

bodyComponents.add(dominantSpeakerPutSchema, { id: 'DominantSpeakerPut' });
responseComponents.add(dominantSpeakerSchema, { id: 'DominantSpeaker' });

const people = (services: Services): PeopleService => services.people;

const conference = `${CONTROL_PREFIX}/conferences/:conferenceId`;
const withSourceId = (speaker: DominantSpeaker): DominantSpeaker & { sourceId?: string } => (speaker.participantId ? { ...speaker, sourceId: audioSourceId(speaker.participantId) } : speaker);

export const dominantSpeakerRoutes = [
  route({
    operationId: 'setDominantSpeaker', method: 'PUT', url: `${conference}/dominant-speaker`, summary: 'A person talks over everyone (Graph notifies nothing for it; see docs/people.md)', tag: 'People', status: 200, body: dominantSpeakerPutSchema, response: dominantSpeakerSchema,
    handle: async ({ services, params, body }) => ok(withSourceId(await people(services).setDominantSpeaker(params.conferenceId ?? '', body.participantId ?? undefined))),
  }),
  route({
    operationId: 'getDominantSpeaker', method: 'GET', url: `${conference}/dominant-speaker`, summary: 'Who dominates the conversation now', tag: 'People', status: 200, response: dominantSpeakerSchema,
    handle: async ({ services, params }) => ok(withSourceId(await people(services).dominantSpeaker(params.conferenceId ?? ''))),
  }),
];
