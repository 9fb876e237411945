import { BlockList, isIP } from 'node:net';

/** Addresses a callback must not reach unless someone allowed them by name (docs/callbacks.md). */
export type SpecialAddress = 'loopback' | 'link-local' | 'unspecified';

/** IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) match the IPv4 rules too: BlockList maps them. */
const RANGES: [SpecialAddress, BlockList][] = [
  ['loopback', blockList([['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']])],
  // 169.254.169.254 is the cloud metadata service (AWS, Azure, GCP): the classic SSRF target.
  ['link-local', blockList([['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']])],
  // Connecting to 0.0.0.0 or :: reaches this machine on Linux and macOS.
  ['unspecified', blockList([['0.0.0.0', 32, 'ipv4'], ['::', 128, 'ipv6']])],
];

function blockList(subnets: [string, number, 'ipv4' | 'ipv6'][]): BlockList {
  const list = new BlockList();
  for (const [network, prefix, type] of subnets) list.addSubnet(network, prefix, type);
  return list;
}

/** The special class of an IP address, or undefined for an ordinary address or a name. */
export function specialAddress(host: string): SpecialAddress | undefined {
  const version = isIP(host);
  if (version === 0) return undefined;
  const type = version === 4 ? 'ipv4' : 'ipv6';
  return RANGES.find(([, list]) => list.check(host, type))?.[0];
}

/** `localhost` (RFC 6761) or a loopback address. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || specialAddress(host) === 'loopback';
}

/**
 * A host in the one form comparisons use: lower case, no IPv6 brackets, no trailing dot, and IP
 * addresses as the URL parser writes them (so `::1`, `[::1]` and `0:0::1` are the same entry).
 */
export function canonicalHost(host: string): string {
  const bracketed = isIP(host) === 6 ? `[${host}]` : host;
  let hostname: string;
  try {
    hostname = new URL(`http://${bracketed}/`).hostname;
  } catch {
    hostname = host.toLowerCase();
  }
  return hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}
