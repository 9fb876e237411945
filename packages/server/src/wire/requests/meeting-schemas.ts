import { z } from 'zod';
import { ODATA } from '../odata-type.js';
import { compact } from './compact.js';
import { identitySetSchema } from './identity-schemas.js';
import { nonEmptyString, odataType, polymorphic } from './odata-schema.js';
import { wireIssue } from './wire-error.js';

/** One meetingInfo variant (BEHAVIOR.md §4), with the value as sent for the echo. */
export type MeetingInfoInput = { echo: Record<string, unknown> } & (
  | { method: 'organizerMeetingInfo'; organizerId: string; organizerTenantId?: string }
  | { method: 'joinMeetingId'; joinMeetingId: string; passcode?: string }
  | { method: 'tokenMeetingInfo'; token: string }
);

const allowConversationWithoutHost = z.boolean().nullish();

/** The organizer must be a user: the meeting is found by its organizer and chat thread. */
const organizerSchema = z
  .looseObject({
    '@odata.type': odataType(ODATA.organizerMeetingInfo),
    organizer: identitySetSchema,
    allowConversationWithoutHost,
  })
  .superRefine((info, ctx) => {
    if (!info.organizer.user) ctx.addIssue({ ...wireIssue('requiredProperty'), path: ['organizer', 'user'] });
    else if (!info.organizer.user.id) ctx.addIssue({ ...wireIssue('requiredProperty'), path: ['organizer', 'user', 'id'] });
  })
  .transform(
    (info): MeetingInfoInput => ({
      method: 'organizerMeetingInfo',
      organizerId: info.organizer.user!.id!,
      ...(info.organizer.user!.tenantId ? { organizerTenantId: info.organizer.user!.tenantId } : {}),
      echo: compact(info),
    }),
  );

const joinMeetingIdSchema = z
  .looseObject({
    '@odata.type': odataType(ODATA.joinMeetingIdMeetingInfo),
    joinMeetingId: nonEmptyString,
    passcode: z.string().nullish(),
    allowConversationWithoutHost,
  })
  .transform(
    (info): MeetingInfoInput => ({
      method: 'joinMeetingId',
      joinMeetingId: info.joinMeetingId,
      ...(info.passcode ? { passcode: info.passcode } : {}),
      echo: compact(info),
    }),
  );

const tokenSchema = z
  .looseObject({ '@odata.type': odataType(ODATA.tokenMeetingInfo), token: nonEmptyString, allowConversationWithoutHost })
  .transform((info): MeetingInfoInput => ({ method: 'tokenMeetingInfo', token: info.token, echo: compact(info) }));

export const meetingInfoSchema = polymorphic<MeetingInfoInput>(
  { [ODATA.organizerMeetingInfo]: organizerSchema, [ODATA.joinMeetingIdMeetingInfo]: joinMeetingIdSchema, [ODATA.tokenMeetingInfo]: tokenSchema },
  { base: 'meetingInfo' },
);

/** The meeting chat: with organizerMeetingInfo its thread id is what finds the meeting. */
export const chatInfoSchema = z
  .looseObject({
    '@odata.type': odataType(ODATA.chatInfo),
    threadId: nonEmptyString,
    messageId: z.string().nullish(),
    replyChainMessageId: z.string().nullish(),
  })
  .transform((chat) => compact(chat));

export type ChatInfoInput = z.output<typeof chatInfoSchema>;
