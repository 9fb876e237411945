import { z } from 'zod';
import { TONES } from '../../domain/calls/media-queue.js';
import type { ClientContextCommand, PlayPromptCommand, Prompt, RecordResponseCommand, SendDtmfTonesCommand } from '../../calls/media/media-api.js';
import { ODATA } from '../odata-type.js';
import { caseInsensitiveEnum, odataType, parseWith } from './odata-schema.js';
import { objectBody, optionalObjectBody } from './request-body.js';

/**
 * Bodies of the media actions. Limits that are rules rather than syntax (≤ 20 prompts, the
 * 1–120 s timeouts, clientContext ≤ 256) are the use cases', so each is reported one way.
 */
const clientContext = z.string().nullish();

const withClientContext = (value: { clientContext?: string | null }): ClientContextCommand => (value.clientContext == null ? {} : { clientContext: value.clientContext });

/** mediaPrompt → mediaInfo {uri, resourceId}; the record example omits mediaInfo's @odata.type. */
const promptSchema = z.looseObject({
  '@odata.type': odataType(ODATA.mediaPrompt),
  mediaInfo: z.looseObject({ '@odata.type': odataType(ODATA.mediaInfo), uri: z.string(), resourceId: z.string().nullish() }),
});

const toPrompt = (prompt: z.infer<typeof promptSchema>): Prompt => ({ uri: prompt.mediaInfo.uri, ...(prompt.mediaInfo.resourceId ? { resourceId: prompt.mediaInfo.resourceId } : {}) });

/** call-playprompt: `prompts`, and beta's `loop`. */
const playPromptSchema = z.looseObject({ prompts: z.array(promptSchema), loop: z.boolean().nullish(), clientContext });

export function parsePlayPrompt(body: unknown): PlayPromptCommand {
  const parsed = parseWith(playPromptSchema, objectBody(body));
  return { prompts: parsed.prompts.map(toPrompt), ...(parsed.loop ? { loop: true } : {}), ...withClientContext(parsed) };
}

const seconds = z.number().int().nullish();

/** call-record: every property is optional; stopTones are kept as sent (the example uses "#", "1", "*"). */
const recordSchema = z.looseObject({
  prompts: z.array(promptSchema).nullish(),
  bargeInAllowed: z.boolean().nullish(),
  initialSilenceTimeoutInSeconds: seconds,
  maxSilenceTimeoutInSeconds: seconds,
  maxRecordDurationInSeconds: seconds,
  playBeep: z.boolean().nullish(),
  stopTones: z.array(z.string()).nullish(),
  clientContext,
});

export function parseRecordResponse(body: unknown, baseUrl: string): RecordResponseCommand {
  const parsed = parseWith(recordSchema, optionalObjectBody(body));
  const defined = Object.fromEntries(Object.entries(parsed).filter(([key, value]) => value != null && key !== 'prompts' && key !== 'clientContext'));
  return { ...(defined as Partial<RecordResponseCommand>), prompts: (parsed.prompts ?? []).map(toPrompt), baseUrl, ...withClientContext(parsed) };
}

/** cancelMediaProcessing and subscribeToTone: only `clientContext`; an empty body is as good as `{}`. Built once, not per request. */
const clientContextOnlySchema = z.looseObject({ clientContext });

export function parseMediaClientContext(body: unknown): ClientContextCommand {
  return withClientContext(parseWith(clientContextOnlySchema, optionalObjectBody(body)));
}

/** call-senddtmftones: `tones` of the `tone` enum (not toneInfo, despite the docs table). */
const sendDtmfSchema = z.looseObject({ tones: z.array(caseInsensitiveEnum(TONES)), delayBetweenTonesMs: z.number().int().min(0).nullish(), clientContext });

export function parseSendDtmfTones(body: unknown): SendDtmfTonesCommand {
  const parsed = parseWith(sendDtmfSchema, objectBody(body));
  return { tones: parsed.tones, ...(parsed.delayBetweenTonesMs == null ? {} : { delayBetweenTonesMs: parsed.delayBetweenTonesMs }), ...withClientContext(parsed) };
}
