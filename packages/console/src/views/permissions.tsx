import { enc, type Api } from '../api.js';
import { useLive } from '../live.js';
import type { World } from '../types.js';
import { Loading, Problem } from '../ui/widgets.js';

interface PermissionSummary {
  name: string;
  kind: string;
  id: string | null;
  displayString: string;
  methodCount: number;
}

interface PermissionRow {
  version: string;
  type: string;
  method: string;
  path: string;
  prefix: string;
  operation: string;
}

interface PermissionPage {
  name: string;
  id: string | null;
  displayString: string;
  description?: string;
  rows: PermissionRow[];
}

const never = (): boolean => false;

/** The calling permission catalogue, with who holds each permission. */
export function PermissionsView() {
  const live = useLive((api) => Promise.all([api.get<{ permissions: PermissionSummary[] }>('/permissions'), api.get<World>('/world')]), [], never);
  if (!live.data) return live.error ? <Problem error={live.error} /> : <Loading />;
  const [catalogue, world] = live.data;
  return (
    <section aria-labelledby="perm-title">
      <h1 id="perm-title">Permissions</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Permission</th>
            <th scope="col">Methods</th>
            <th scope="col">Held by (tenant: app)</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.permissions.map((p) => (
            <tr key={p.name}>
              <th scope="row">
                <a href={`#/permissions/${enc(p.name)}`}>{p.name}</a>
                <div class="muted">{p.displayString}</div>
              </th>
              <td>{p.methodCount}</td>
              <td>{holders(world, p.name).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function holders(world: World, permission: string): string[] {
  const appName = (id: string): string => world.applications.find((a) => a.appId === id)?.displayName ?? id;
  const tenantName = (id: string): string => world.tenants.find((t) => t.id === id)?.displayName ?? id;
  return world.consents.filter((c) => c.permissions.includes(permission)).map((c) => `${tenantName(c.tenantId)}: ${appName(c.appId)}`);
}

/** One permission's page, in the shape of the Graph permission reference: methods per version and prefix. */
export function PermissionView(props: { name: string }) {
  const live = useLive((api: Api) => api.get<PermissionPage>(`/permissions/${enc(props.name)}`), [props.name], never);
  if (!live.data) return live.error ? <Problem error={live.error} /> : <Loading />;
  const page = live.data;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{page.name}</h1>
      <p>
        {page.displayString} · id <code>{page.id ?? '—'}</code>
      </p>
      {page.description && <p>{page.description}</p>}
      {['v1.0', 'beta'].map((version) => (
        <section key={version} aria-label={`Methods in ${version}`}>
          <h2>{version}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col">Path</th>
                <th scope="col">Prefix</th>
              </tr>
            </thead>
            <tbody>
              {page.rows
                .filter((row) => row.version === version)
                .map((row) => (
                  <tr key={`${row.method} ${row.path}`}>
                    <td>{row.method}</td>
                    <td>
                      <code>{row.path}</code>
                    </td>
                    <td>{row.prefix}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
