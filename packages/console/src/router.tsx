import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CallView, CallsView } from './views/call.js';
import { CallbacksView } from './views/callbacks.js';
import { FaultsView } from './views/faults.js';
import { MeetingsView } from './views/meetings.js';
import { PermissionView, PermissionsView } from './views/permissions.js';
import { WorldView } from './views/world.js';

/** The location hash, kept current (hash routing: the server serves one index.html). */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/meetings');
  useEffect(() => {
    const update = (): void => setHash(location.hash || '#/meetings');
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return hash;
}

export function route(hash: string): JSX.Element {
  const [path = '', search = ''] = hash.slice(1).split('?');
  const params = new URLSearchParams(search);
  const [, view, id] = path.split('/').map(decodeURIComponent);
  switch (view) {
    case 'calls':
      return id ? <CallView callId={id} key={id} /> : <CallsView />;
    case 'callbacks':
      return <CallbacksView callId={params.get('callId') ?? ''} appId={params.get('appId') ?? ''} key={search} />;
    case 'world':
      return <WorldView />;
    case 'permissions':
      return id ? <PermissionView name={id} key={id} /> : <PermissionsView />;
    case 'faults':
      return <FaultsView />;
    default:
      return <MeetingsView />;
  }
}
