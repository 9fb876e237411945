import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from './api.js';
import { watchChanges } from './changes.js';
import { ApiContext } from './live.js';
import { route, useHash } from './router.js';
import { SignIn } from './views/sign-in.js';

const KEY_STORAGE = 'switchboard.adminKey';

/** The key from the banner's sign-in link (#key=…), else the one kept for this tab. */
function initialKey(): string {
  const fromLink = /[#&]key=([^&]+)/.exec(location.hash)?.[1];
  if (fromLink) {
    sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(fromLink));
    history.replaceState(null, '', `${location.pathname}#/meetings`);
  }
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

const NAV = [
  ['#/meetings', 'Meetings'],
  ['#/calls', 'Calls'],
  ['#/callbacks', 'Callbacks'],
  ['#/world', 'World'],
  ['#/permissions', 'Permissions'],
  ['#/faults', 'Faults and time'],
] as const;

export function App() {
  const [key, setKey] = useState(initialKey);
  const [connected, setConnected] = useState(false);
  const hash = useHash();
  const api = useMemo(() => (key ? createApi(key) : undefined), [key]);
  useEffect(() => (key ? watchChanges(key, setConnected) : undefined), [key]);
  if (!api) return <SignIn onKey={(k) => (sessionStorage.setItem(KEY_STORAGE, k), setKey(k))} />;
  const signOut = (): void => (sessionStorage.removeItem(KEY_STORAGE), setKey(''));
  return (
    <ApiContext.Provider value={api}>
      <header class="top">
        <a class="brand" href="#/meetings">
          Switchboard
        </a>
        <nav aria-label="Views">
          {NAV.map(([href, label]) => (
            <a key={href} href={href} aria-current={hash.startsWith(href) ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span class={`live ${connected ? 'on' : 'off'}`} role="status" aria-live="polite">
          {connected ? 'live' : 'reconnecting…'}
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main">{route(hash)}</main>
    </ApiContext.Provider>
  );
}
