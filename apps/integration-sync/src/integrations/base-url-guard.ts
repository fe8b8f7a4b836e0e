import { validationFailed } from '@sakip/contracts';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Where an integration must never reach (SSRF): this host, private networks, link-local (cloud metadata), multicast, reserved. */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) BLOCKED.addSubnet(net, bits, 'ipv6');

/** True when the address is one an integration may call. IPv4-mapped IPv6 is judged as the IPv4 inside. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 4) return !BLOCKED.check(address, 'ipv4');
  if (family === 6) return !BLOCKED.check(address, 'ipv6');
  return false;
}

/** `INTEGRATION_ALLOWED_HOSTS`: host or host:port entries that may resolve to private addresses (e.g. the local simulator). */
export class AllowedHosts {
  private readonly entries: Set<string>;

  constructor(csv: string) {
    this.entries = new Set(csv.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  }

  allows(hostname: string, port: string): boolean {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return this.entries.has(host) || this.entries.has(`${host}:${port}`);
  }
}

type Resolve = (hostname: string) => Promise<string[]>;
const resolveAll: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (err, addresses: LookupAddress[]) => (err ? reject(err) : resolve(addresses.map((a) => a.address)))));

/**
 * Checks a baseUrl when it is saved: http(s), no user:password in it, and every address its host
 * resolves to is public unless the host is allow-listed. Fetches check again at connect time
 * (`guardedLookup`), so a name that later resolves elsewhere (DNS rebinding) is still refused.
 */
export async function assertBaseUrlAllowed(raw: string, allowed: AllowedHosts, resolve: Resolve = resolveAll): Promise<void> {
  const refuse = (message: string) => validationFailed(message, [{ field: 'baseUrl', message }]);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('baseUrl is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('baseUrl must be http or https');
  if (url.username || url.password) throw refuse('baseUrl must not carry credentials: use the credentials field');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (allowed.allows(url.hostname, port)) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw refuse(`baseUrl host ${host} does not resolve`);
  }
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked !== undefined || !addresses.length) throw refuse(`baseUrl resolves to ${blocked ?? 'nothing'}, a private, loopback, link-local or reserved address (allow-list it in INTEGRATION_ALLOWED_HOSTS if intended)`);
}

/** Node does not call `lookup` for an IP literal: such a host is judged here, before connecting. */
export function literalAddressAllowed(hostname: string, port: string, allowed: AllowedHosts): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return !isIP(host) || allowed.allows(hostname, port) || isPublicAddress(host);
}

/** A `lookup` for http(s).request that refuses non-public addresses for hosts not allow-listed. */
export function guardedLookup(allowed: AllowedHosts, port: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const ok = allowed.allows(hostname, port) ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      const first = ok[0];
      if (!first) return callback(Object.assign(new Error(`refused to connect to ${hostname}: not a public address`), { code: 'EADDRNOTALLOWED' }), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
      callback(null, first.address, first.family);
    });
  };
}
