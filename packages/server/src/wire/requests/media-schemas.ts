import { z } from 'zod';
import type { Modality } from '../../domain/calls/types.js';
import { ODATA } from '../odata-type.js';
import { compact } from './compact.js';
import { caseInsensitiveEnum, odataType, polymorphic } from './odata-schema.js';
import { wireIssue } from './wire-error.js';

export interface MediaConfigInput {
  mediaHosting: 'service' | 'app';
  /** The mediaConfig as sent, with its canonical `@odata.type`: the call resource echoes it. */
  echo: Record<string, unknown>;
}

const mediaInfoSchema = z.looseObject({
  '@odata.type': odataType(ODATA.mediaInfo),
  uri: z.string(),
  resourceId: z.string().nullish(),
});

const serviceHostedSchema = z
  .looseObject({
    '@odata.type': odataType(ODATA.serviceHostedMediaConfig),
    preFetchMedia: z.array(mediaInfoSchema).nullish(),
    removeFromDefaultAudioGroup: z.boolean().nullish(),
  })
  .transform((echo): MediaConfigInput => ({ mediaHosting: 'service', echo: compact(echo) }));

/** Without its blob an app-hosted call cannot set up media; Kiota drops it (CLIENTS.md §4). */
const appHostedSchema = z
  .looseObject({
    '@odata.type': odataType(ODATA.appHostedMediaConfig),
    blob: z.string().nullish(),
    removeFromDefaultAudioGroup: z.boolean().nullish(),
  })
  .superRefine((config, ctx) => {
    if (!config.blob) ctx.addIssue({ ...wireIssue('missingMediaConfigBlob'), path: ['blob'] });
  })
  .transform((echo): MediaConfigInput => ({ mediaHosting: 'app', echo: compact(echo) }));

/** Required on create and answer; Graph answers 8523 when it is missing. */
export const mediaConfigSchema = polymorphic<MediaConfigInput>(
  { [ODATA.serviceHostedMediaConfig]: serviceHostedSchema, [ODATA.appHostedMediaConfig]: appHostedSchema },
  { base: 'mediaConfig', whenMissing: 'missingMediaConfig' },
);

/** Modalities a bot may request or accept (`unknown` is a value Graph reports, not one to ask for). */
export const MODALITIES = ['audio', 'video', 'videoBasedScreenSharing', 'data'] as const satisfies readonly Modality[];

export const modalitiesSchema = z.array(caseInsensitiveEnum(MODALITIES));

/** outgoingCallOptions (create) / incomingCallOptions (answer); both derive from callOptions. */
export const callOptionsSchema = z.looseObject({
  '@odata.type': odataType(ODATA.outgoingCallOptions, ODATA.incomingCallOptions),
  isContentSharingNotificationEnabled: z.boolean().nullish(),
  hideBotAfterEscalation: z.boolean().nullish(),
  isDeltaRosterEnabled: z.boolean().nullish(),
  isInteractiveRosterEnabled: z.boolean().nullish(),
});
