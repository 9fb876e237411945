import { DomainError } from '../../domain/errors/index.js';
import { WORLD_KINDS, type Application, type ClientCertificate, type Consent } from '../../domain/world/types.js';
import { applicationView, type ApplicationView, type NewClientSecret } from '../application-view.js';
import { generateSecretValue, newClientSecret, secretView } from '../client-secrets.js';
import { certificateFromPem } from '../world-file-entities.js';
import type { ApplicationCreate, ApplicationPatch, CertificateCreate, SecretCreate } from '../world-inputs.schema.js';
import { assertValidChange, inWorldTx, isoNow, type WorldContext } from '../world-tx.js';
import { requireApplication } from './resolve.js';

export function getApplication(ctx: WorldContext, appId: string): Promise<ApplicationView> {
  return inWorldTx(ctx, async (tx) => applicationView((await requireApplication(tx, appId)).data));
}

export function createApplication(ctx: WorldContext, input: ApplicationCreate): Promise<ApplicationView> {
  return inWorldTx(ctx, async (tx) => {
    const app: Application = {
      appId: input.appId ?? ctx.ids.newId(),
      displayName: input.displayName,
      homeTenantId: input.homeTenantId,
      secrets: [],
      certificates: [],
      ...(input.callingWebhookUrl ? { callingWebhookUrl: input.callingWebhookUrl } : {}),
    };
    await tx.ensureAbsent(WORLD_KINDS.application, app.appId);
    await assertValidChange(tx, { applications: [app] });
    return applicationView(await tx.insert(WORLD_KINDS.application, app.appId, app));
  });
}

/** `callingWebhookUrl: null` removes the webhook; the home tenant is fixed at registration, as in Entra. */
export function updateApplication(ctx: WorldContext, appId: string, patch: ApplicationPatch): Promise<ApplicationView> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireApplication(tx, appId);
    const { callingWebhookUrl, ...rest } = patch;
    const next: Application = { ...doc.data, ...rest };
    if (callingWebhookUrl === null) delete next.callingWebhookUrl;
    else if (callingWebhookUrl !== undefined) next.callingWebhookUrl = callingWebhookUrl;
    return applicationView(await tx.update(doc, next));
  });
}

/** The app's consents go with it: they are its service principals, which cannot outlive it. */
export function deleteApplication(ctx: WorldContext, appId: string): Promise<void> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireApplication(tx, appId);
    const consents = (await tx.all<Consent>(WORLD_KINDS.consent)).filter((c) => c.data.appId === doc.data.appId);
    for (const consent of consents) await tx.remove(consent);
    await tx.remove(doc);
  });
}

/** The plaintext leaves the server only in this answer; the store keeps its hash. */
export function addSecret(ctx: WorldContext, appId: string, input: SecretCreate = {}): Promise<NewClientSecret> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireApplication(tx, appId);
    const value = generateSecretValue();
    const secret = newClientSecret({ id: ctx.ids.newId(), value, displayName: input.displayName, expiresAt: input.expiresAt, createdAt: isoNow(ctx), keepValue: false, hashSecret: ctx.hashSecret });
    await tx.update(doc, { ...doc.data, secrets: [...doc.data.secrets, secret] });
    return { ...secretView(secret), value };
  });
}

export function revokeSecret(ctx: WorldContext, appId: string, secretId: string): Promise<void> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireApplication(tx, appId);
    const secrets = doc.data.secrets.filter((s) => s.id !== secretId.toLowerCase());
    if (secrets.length === doc.data.secrets.length) throw new DomainError('secretNotFound', { appId: doc.data.appId, secretId });
    await tx.update(doc, { ...doc.data, secrets });
  });
}

export function addCertificate(ctx: WorldContext, appId: string, input: CertificateCreate): Promise<ClientCertificate> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireApplication(tx, appId);
    const certificate = certificateFromPem(doc.data.appId, input.pem, isoNow(ctx), ctx.ids.newId(), input.displayName);
    const twin = doc.data.certificates.find((c) => c.x5tS256 === certificate.x5tS256);
    if (twin) throw new DomainError('alreadyExists', { kind: 'certificate', id: twin.id }, { message: `Application '${doc.data.appId}' already has this certificate (id '${twin.id}').` });
    await tx.update(doc, { ...doc.data, certificates: [...doc.data.certificates, certificate] });
    return certificate;
  });
}

export function revokeCertificate(ctx: WorldContext, appId: string, certificateId: string): Promise<void> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireApplication(tx, appId);
    const certificates = doc.data.certificates.filter((c) => c.id !== certificateId.toLowerCase());
    if (certificates.length === doc.data.certificates.length) throw new DomainError('certificateNotFound', { appId: doc.data.appId, certificateId });
    await tx.update(doc, { ...doc.data, certificates });
  });
}
