import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { CallbackUrlPolicy } from './callback-url-policy.js';

/** An allowed host name resolved to an address the policy refuses (the DNS-rebinding guard). */
export class CallbackAddressRefusedError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `callback host '${host}' resolves to ${address}, which callbacks may not reach through that name; ` +
        `list '${host}' or '${address}' in callbackHosts to allow it`,
    );
    this.name = 'CallbackAddressRefusedError';
  }
}

/** dns.lookup with `all: true`; replaceable so tests can resolve names to chosen addresses. */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * The DNS lookup of the callback connections. Checking the resolved addresses here, in the
 * connection itself, means the address checked is the address dialled: a name cannot resolve to
 * a harmless address for a pre-check and to 127.0.0.1 for the connection (DNS rebinding).
 */
export function guardedLookup(policy: CallbackUrlPolicy, resolve: ResolveAll = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    const all: LookupAllOptions = { ...options, all: true };
    resolve(hostname, all, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !policy.allowsResolved(hostname, a.address));
      if (refused) return callback(new CallbackAddressRefusedError(hostname, refused.address), '', 0);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first?.address ?? '', first?.family ?? 0);
    });
  };
}
