import { z } from 'zod';
import type { Identity } from '../../domain/calls/types.js';
import { ODATA } from '../odata-type.js';
import { odataType } from './odata-schema.js';
import { wireIssue } from './wire-error.js';

/** Graph `identity`: an open type; ids are opaque, case-sensitive strings (BEHAVIOR.md §1). */
export const identitySchema = z.looseObject({
  '@odata.type': odataType(ODATA.identity),
  id: z.string().nullish(),
  displayName: z.string().nullish(),
  tenantId: z.string().nullish(),
});

export type IdentityInput = z.output<typeof identitySchema>;

/**
 * identitySet or its communicationsIdentitySet extension (guest, phone, applicationInstance …).
 * Examples type both as `identitySet`, so either name is accepted for any member.
 */
export const identitySetSchema = z.looseObject({
  '@odata.type': odataType(ODATA.identitySet, ODATA.communicationsIdentitySet),
  user: identitySchema.nullish(),
  application: identitySchema.nullish(),
  applicationInstance: identitySchema.nullish(),
  phone: identitySchema.nullish(),
  guest: identitySchema.nullish(),
  device: identitySchema.nullish(),
  encrypted: identitySchema.nullish(),
});

/** The members a call can ring, in the order they are looked for. */
const CALLABLE = ['user', 'application', 'phone', 'guest'] as const satisfies readonly Identity['kind'][];

/** An identitySet that must name someone the simulation can call (a target). */
export const callableIdentitySetSchema = identitySetSchema.transform((set, ctx): Identity => {
  const kind = CALLABLE.find((member) => set[member]);
  if (!kind) {
    ctx.addIssue(wireIssue('invalidPropertyValue', { reason: `names no ${CALLABLE.join(', ')} identity` }));
    return z.NEVER;
  }
  const member = set[kind]!;
  if (!member.id) {
    ctx.addIssue({ ...wireIssue('requiredProperty'), path: [kind, 'id'] });
    return z.NEVER;
  }
  return identityOf(kind, member.id, member);
});

export function identityOf(kind: Identity['kind'], id: string, member: IdentityInput): Identity {
  return {
    kind,
    id,
    ...(member.displayName ? { displayName: member.displayName } : {}),
    ...(member.tenantId ? { tenantId: member.tenantId } : {}),
  };
}

/** Targets of create and redirect; older examples type them `participantInfo` (BEHAVIOR.md §11). */
export const invitationParticipantInfoSchema = z
  .looseObject({
    '@odata.type': odataType(ODATA.invitationParticipantInfo, ODATA.participantInfo),
    identity: callableIdentitySetSchema,
  })
  .transform((info) => info.identity);
