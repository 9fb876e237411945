import { z } from 'zod';
import type { AnswerCommand } from '../../calls/calls-api.js';
import { compact } from './compact.js';
import { callOptionsSchema, mediaConfigSchema, modalitiesSchema } from './media-schemas.js';
import { nonEmptyString, parseWith } from './odata-schema.js';
import { objectBody } from './request-body.js';

/**
 * call-answer parameters. `acceptedModalities` is required by the docs' table although the v1.0
 * CSDL marks it nullable; `callbackUri` is optional in the docs although the CSDL marks it
 * non-nullable (BEHAVIOR.md §11): we follow the docs on both.
 */
const answerSchema = z.looseObject({
  callbackUri: nonEmptyString.nullish(),
  mediaConfig: mediaConfigSchema,
  acceptedModalities: modalitiesSchema,
  participantCapacity: z.number().int().positive().nullish(),
  callOptions: callOptionsSchema.nullish(),
});

export function parseAnswer(body: unknown): AnswerCommand {
  const answer = parseWith(answerSchema, objectBody(body));
  return {
    ...(answer.callbackUri ? { callbackUri: answer.callbackUri } : {}),
    mediaHosting: answer.mediaConfig.mediaHosting,
    acceptedModalities: answer.acceptedModalities,
    ...(answer.participantCapacity ? { participantCapacity: answer.participantCapacity } : {}),
    contentSharingNotifications: answer.callOptions?.isContentSharingNotificationEnabled === true,
    echo: compact({ mediaConfig: answer.mediaConfig.echo, callOptions: answer.callOptions ? compact(answer.callOptions) : undefined }),
  };
}
