import { useState } from 'preact/hooks';
import { enc, type Api } from '../api.js';
import { useApi, useLive } from '../live.js';
import type { Application, Consent, Tenant, World } from '../types.js';
import { Action, Loading, Problem } from '../ui/widgets.js';

interface WorldData {
  world: World;
  permissions: string[];
  meetingConfig: Record<string, string[]>;
}

async function loadWorld(api: Api): Promise<WorldData> {
  const [world, catalogue] = await Promise.all([api.get<World>('/world'), api.get<{ permissions: { name: string }[] }>('/permissions')]);
  const configs = await Promise.all(world.tenants.map((t) => api.get<{ allowRemoveParticipantAppIds: string[] }>(`/tenants/${enc(t.id)}/meetingConfiguration`)));
  return { world, permissions: catalogue.permissions.map((p) => p.name), meetingConfig: Object.fromEntries(world.tenants.map((t, i) => [t.id, configs[i]!.allowRemoveParticipantAppIds])) };
}

/** Tenants, users, apps; consent per permission; meeting configuration; secrets and certificates. */
export function WorldView() {
  const live = useLive(loadWorld, []);
  if (!live.data) return live.error ? <Problem error={live.error} /> : <Loading />;
  const { world } = live.data;
  return (
    <section aria-labelledby="world-title">
      <h1 id="world-title">World</h1>
      <Problem error={live.error} />
      {world.tenants.map((tenant) => (
        <TenantCard key={tenant.id} tenant={tenant} data={live.data!} />
      ))}
    </section>
  );
}

function TenantCard(props: { tenant: Tenant; data: WorldData }) {
  const { world } = props.data;
  const users = world.users.filter((u) => u.tenantId === props.tenant.id);
  return (
    <article class="card" aria-labelledby={`t-${props.tenant.id}`}>
      <h2 id={`t-${props.tenant.id}`}>
        {props.tenant.displayName} <code class="muted">{props.tenant.id}</code>
      </h2>
      <h3>Users</h3>
      <ul class="inline">
        {users.map((u) => (
          <li key={u.id}>
            {u.displayName} <code class="muted">{u.id}</code>
          </li>
        ))}
      </ul>
      <h3>Apps and consent</h3>
      {world.applications.map((app) => (
        <ConsentEditor key={app.appId} tenant={props.tenant} app={app} consent={world.consents.find((c) => c.tenantId === props.tenant.id && c.appId === app.appId)} permissions={props.data.permissions} />
      ))}
      <MeetingConfig tenant={props.tenant} apps={world.applications} allowed={props.data.meetingConfig[props.tenant.id] ?? []} />
    </article>
  );
}

function ConsentEditor(props: { tenant: Tenant; app: Application; consent: Consent | undefined; permissions: string[] }) {
  const api = useApi();
  const granted = new Set(props.consent?.permissions ?? []);
  const path = `/tenants/${enc(props.tenant.id)}/consents/${enc(props.app.appId)}`;
  const toggle = (permission: string, on: boolean): Promise<unknown> => api.send(on ? 'PUT' : 'DELETE', `${path}/permissions/${enc(permission)}`);
  return (
    <fieldset class="consent">
      <legend>
        {props.app.displayName} <code class="muted">{props.app.appId}</code>
      </legend>
      <div class="grid">
        {props.permissions.map((permission) => (
          <label key={permission}>
            <input type="checkbox" checked={granted.has(permission)} onChange={(e) => void toggle(permission, (e.target as HTMLInputElement).checked)} /> {permission}
          </label>
        ))}
      </div>
      {props.tenant.id === props.app.homeTenantId && <Credentials app={props.app} />}
    </fieldset>
  );
}

function Credentials(props: { app: Application }) {
  const api = useApi();
  const [created, setCreated] = useState<string>();
  const base = `/apps/${enc(props.app.appId)}`;
  const addSecret = async (): Promise<void> => setCreated((await api.send<{ value: string }>('POST', `${base}/secrets`, {})).value);
  return (
    <div class="credentials">
      <h4>Secrets and certificates</h4>
      <ul>
        {props.app.secrets.map((s) => (
          <li key={s.id}>
            secret {s.displayName ?? s.hint ?? s.id} <Action label="Revoke" kind="danger" title={`Revoke secret ${s.id}`} run={() => api.send('DELETE', `${base}/secrets/${enc(s.id)}`)} />
          </li>
        ))}
        {props.app.certificates.map((c) => (
          <li key={c.id}>
            certificate {c.displayName ?? c.x5t ?? c.thumbprint ?? c.id} <Action label="Revoke" kind="danger" title={`Revoke certificate ${c.id}`} run={() => api.send('DELETE', `${base}/certificates/${enc(c.id)}`)} />
          </li>
        ))}
      </ul>
      <Action label="Add a secret" run={addSecret} />
      <AddCertificate appId={props.app.appId} />
      {created !== undefined && (
        <p role="status">
          New secret (shown once): <code>{created}</code>
        </p>
      )}
    </div>
  );
}

function AddCertificate(props: { appId: string }) {
  const api = useApi();
  const [pem, setPem] = useState('');
  const id = `cert-${props.appId}`;
  return (
    <div>
      <label for={id}>Certificate to add (public PEM, for client assertions)</label>
      <textarea id={id} rows={3} value={pem} onInput={(e) => setPem((e.target as HTMLTextAreaElement).value)} placeholder="-----BEGIN CERTIFICATE-----" />
      <Action label="Add certificate" run={async () => (await api.send('POST', `/apps/${enc(props.appId)}/certificates`, { pem }), setPem(''))} />
    </div>
  );
}

function MeetingConfig(props: { tenant: Tenant; apps: Application[]; allowed: string[] }) {
  const api = useApi();
  const allowed = new Set(props.allowed);
  const set = (appId: string, on: boolean): Promise<unknown> => {
    const next = props.apps.map((a) => a.appId).filter((id) => (id === appId ? on : allowed.has(id)));
    return api.send('PUT', `/tenants/${enc(props.tenant.id)}/meetingConfiguration`, { allowRemoveParticipantAppIds: next });
  };
  return (
    <fieldset>
      <legend>Meeting configuration: apps allowed to remove participants (AllowRemoveParticipantAppIds)</legend>
      {props.apps.map((app) => (
        <label key={app.appId}>
          <input type="checkbox" checked={allowed.has(app.appId)} onChange={(e) => void set(app.appId, (e.target as HTMLInputElement).checked)} /> {app.displayName}
        </label>
      ))}
    </fieldset>
  );
}
