import { z } from 'zod';
import type { AudioRoutingGroupCommand, AudioRoutingGroupPatchCommand, ControlCommand, MuteAllCommand, StartHoldMusicCommand } from '../../calls/controls/controls-api.js';
import { ROUTING_MODES } from '../../domain/calls/audio-routing.js';
import { ODATA } from '../odata-type.js';
import { caseInsensitiveEnum, nonEmptyString, odataType, parseWith } from './odata-schema.js';
import { objectBody, optionalObjectBody } from './request-body.js';

/**
 * Bodies of the meeting-control methods. `clientContext` is a string here; its 256-character
 * limit is the use cases' (checkClientContext), as for every action that returns an operation.
 */
const clientContext = z.string().nullish();

const withClientContext = (value: { clientContext?: string | null | undefined }): ControlCommand => (value.clientContext == null ? {} : { clientContext: value.clientContext });

/** Participant ids: a routing group or muteAll names roster entries by id. */
const participantIds = z.array(nonEmptyString);

const routingMode = caseInsensitiveEnum(ROUTING_MODES);

/** call-post-audioroutinggroups: an audioRoutingGroup; `routingMode`, `sources` and `receivers` are needed to route anything. */
const audioRoutingGroupSchema = z.looseObject({
  '@odata.type': odataType(ODATA.audioRoutingGroup),
  id: nonEmptyString.nullish(),
  routingMode,
  sources: participantIds,
  receivers: participantIds,
});

export function parseAudioRoutingGroup(body: unknown): AudioRoutingGroupCommand {
  const { id, routingMode, sources, receivers } = parseWith(audioRoutingGroupSchema, objectBody(body));
  return { ...(id ? { id } : {}), routingMode, sources, receivers };
}

/** audioroutinggroup-update: every property optional, omitted ones keep their values. */
const audioRoutingGroupPatchSchema = z.looseObject({
  '@odata.type': odataType(ODATA.audioRoutingGroup),
  id: nonEmptyString.nullish(),
  routingMode: routingMode.nullish(),
  sources: participantIds.nullish(),
  receivers: participantIds.nullish(),
});

export function parseAudioRoutingGroupPatch(body: unknown): AudioRoutingGroupPatchCommand {
  const parsed = parseWith(audioRoutingGroupPatchSchema, objectBody(body));
  const members = (['id', 'routingMode', 'sources', 'receivers'] as const).filter((key) => parsed[key] != null).map((key) => [key, parsed[key]]);
  return Object.fromEntries(members) as AudioRoutingGroupPatchCommand;
}

/** Built once: zod compiles an object schema on first use, which per request costs more than the parse. */
const controlCommandSchema = z.looseObject({ clientContext });

/**
 * call-mute, call-unmute, participant-mute, participant-stopholdmusic: only `clientContext`; no
 * body reads as `{}`. The bodies clients send (no clientContext, a string or null) need nothing
 * zod would add, so they skip it (a mute's parse cost more than its roster change); any other
 * clientContext gets zod's answer.
 */
export function parseControlCommand(body: unknown): ControlCommand {
  const object = optionalObjectBody(body);
  const given = object.clientContext;
  if (given === undefined || given === null || typeof given === 'string') return withClientContext({ clientContext: given });
  return withClientContext(parseWith(controlCommandSchema, object));
}

/** participant-muteall (beta): `participants` (ids) and `clientContext`, both optional. */
const muteAllSchema = z.looseObject({ participants: z.array(z.string()).nullish(), clientContext });

export function parseMuteAll(body: unknown): MuteAllCommand {
  const parsed = parseWith(muteAllSchema, optionalObjectBody(body));
  return { participants: parsed.participants ?? [], ...withClientContext(parsed) };
}

/** participant-startholdmusic: an optional `customPrompt` (mediaPrompt with its mediaInfo) and `clientContext`. */
const customPromptSchema = z.looseObject({
  '@odata.type': odataType(ODATA.mediaPrompt),
  mediaInfo: z.looseObject({ '@odata.type': odataType(ODATA.mediaInfo), uri: nonEmptyString, resourceId: z.string().nullish() }),
});

const startHoldMusicSchema = z.looseObject({ customPrompt: customPromptSchema.nullish(), clientContext });

export function parseStartHoldMusic(body: unknown): StartHoldMusicCommand {
  const parsed = parseWith(startHoldMusicSchema, optionalObjectBody(body));
  const media = parsed.customPrompt?.mediaInfo;
  const customPrompt = media ? { uri: media.uri, ...(media.resourceId ? { resourceId: media.resourceId } : {}) } : undefined;
  return { ...(customPrompt ? { customPrompt } : {}), ...withClientContext(parsed) };
}
