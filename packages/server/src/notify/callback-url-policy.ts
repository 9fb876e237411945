import { canonicalHost, isLoopbackHost, specialAddress } from './address-class.js';
import { notifyError } from './notify-error.js';

export interface CallbackUrlPolicyOptions {
  /** Hosts callbacks may go to besides loopback; `*` allows any ordinary host. */
  callbackHosts: readonly string[];
  /** Allow plain http to non-loopback hosts (Graph itself requires https). */
  allowHttpCallbacks: boolean;
}

/**
 * Where callbacks may go: Switchboard POSTs to URLs its clients choose, so an open policy would
 * let anyone who can create a call make the server reach internal services (server-side request
 * forgery). Graph requires https callbackUris (BEHAVIOR.md §3.1); loopback is always allowed
 * because that is where a bot under development listens. The rules are in docs/callbacks.md.
 */
/** URLs remembered as allowed: one per live call's callbackUri is the usual working set. */
const PASSED_KEPT = 1000;

export class CallbackUrlPolicy {
  private readonly anyHost: boolean;
  private readonly listed: ReadonlySet<string>;
  /**
   * URLs that passed: `check` runs before every delivery, and its answer depends only on the URL
   * and this instance's fixed options. Refusals are never kept, so they throw the same error each time.
   */
  private readonly passed = new Set<string>();

  constructor(private readonly options: CallbackUrlPolicyOptions) {
    this.anyHost = options.callbackHosts.includes('*');
    this.listed = new Set(options.callbackHosts.filter((h) => h !== '*').map(canonicalHost));
  }

  /** Throws callbackUriInvalid, callbackUriNotAllowed or callbackHttpNotAllowed (all 400). */
  check(url: string): void {
    if (this.passed.has(url)) return;
    this.checkAnew(url);
    if (this.passed.size >= PASSED_KEPT) this.passed.clear();
    this.passed.add(url);
  }

  private checkAnew(url: string): void {
    const parsed = parseCallbackUrl(url);
    const host = canonicalHost(parsed.hostname);
    if (!this.hostAllowed(host)) throw notifyError('callbackUriNotAllowed', { host });
    if (parsed.protocol === 'http:' && !isLoopbackHost(host) && !this.options.allowHttpCallbacks) {
      throw notifyError('callbackHttpNotAllowed', { url, host });
    }
  }

  /**
   * The DNS-rebinding guard, asked for each address an allowed name resolves to at delivery: a
   * name may lead to a loopback, link-local or unspecified address only when it is `localhost`
   * (to loopback) or when that name or that address is listed explicitly (not through `*`).
   */
  allowsResolved(hostname: string, address: string): boolean {
    const special = specialAddress(address);
    if (special === undefined) return true;
    const host = canonicalHost(hostname);
    if (special === 'loopback' && host === 'localhost') return true;
    return this.listed.has(host) || this.listed.has(canonicalHost(address));
  }

  /** Loopback always; link-local and unspecified addresses only when listed; others when listed or `*`. */
  private hostAllowed(host: string): boolean {
    if (isLoopbackHost(host) || this.listed.has(host)) return true;
    return specialAddress(host) === undefined && this.anyHost;
  }
}

function parseCallbackUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw notifyError('callbackUriInvalid', { url, reason: 'it is not an absolute URL' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw notifyError('callbackUriInvalid', { url, reason: 'callbacks are POSTed over https (or http to loopback)' });
  }
  if (parsed.username || parsed.password) {
    // The credentials stay out of the message: it is logged and returned to the caller.
    const redacted = `${parsed.protocol}//***@${parsed.host}${parsed.pathname}`;
    throw notifyError('callbackUriInvalid', { url: redacted, reason: 'it must not carry a user name or password' });
  }
  return parsed;
}
