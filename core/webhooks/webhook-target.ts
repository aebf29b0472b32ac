import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { unprocessable, type DomainError } from '../errors/domain-error';

/**
 * Where webhooks may be sent. A webhook URL is chosen by a client, and the server POSTs to it:
 * pointed at loopback, a private network or a cloud metadata address (169.254.169.254), it
 * would make the server reach what only the server can reach (SSRF). So only public unicast
 * addresses are targets, unless the URL's host is listed in WEBHOOK_ALLOWED_HOSTS (a receiver
 * on the same machine or network, on purpose). Checked when a webhook is created, and again on
 * every delivery against the very address the connection uses (a name may resolve elsewhere by
 * then: DNS rebinding).
 */
export const WEBHOOK_URL_NOT_ALLOWED = 'webhook_url_not_allowed';

/** The only IPv6 addresses on the public internet: global unicast, 2000::/3. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * True for an address on the public internet: not loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), shared (100.64/10), "this network"
 * (0/8), multicast, broadcast, reserved or documentation ranges. An IPv4-mapped IPv6 address
 * (::ffff:127.0.0.1) is judged as the IPv4 address it is; anything unparsable is not public.
 */
export function isPublicAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address.replace(/%.*$/, '')); // ipv4Mapped comes back as IPv4; a zone id names an interface, not an address
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  // Outside 2000::/3 nothing is public (IPv4-compatible ::7f00:1 included); inside, 6to4, Teredo, documentation… are special.
  return v6.match(GLOBAL_UNICAST_V6) && v6.range() === 'unicast';
}

/** The URL's host as WEBHOOK_ALLOWED_HOSTS lists it: lower case, an IPv6 address without brackets. */
export const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');

/**
 * Checks a webhook URL before it is stored: http or https, no credentials in it, and a host
 * that is allowed or whose every address is public. A name that does not resolve (yet) is let
 * through, like a placeholder receiver: each delivery checks again as it connects.
 */
export async function checkWebhookUrl(url: string, allowedHosts: readonly string[], lookup: typeof dns.promises.lookup = dns.promises.lookup): Promise<void> {
  const target = checkUrlForm(url);
  const host = hostOf(target);
  if (allowedHosts.includes(host)) return;
  if (net.isIP(host)) {
    if (!isPublicAddress(host)) throw notAllowed(host, host);
    return;
  }
  const addresses = await lookup(host, { all: true, verbatim: true }).catch((): LookupAddress[] => []);
  const forbidden = addresses.find((a) => !isPublicAddress(a.address));
  if (forbidden) throw notAllowed(host, forbidden.address);
}

/** The parts of the check that need no DNS: the scheme and no credentials. */
export function checkUrlForm(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw unprocessable('invalid_url', 'The webhook URL is not a valid URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw unprocessable(WEBHOOK_URL_NOT_ALLOWED, 'A webhook URL must be http or https');
  // They would be sent in every delivery's Authorization header and shown in every listing.
  if (target.username || target.password) throw unprocessable(WEBHOOK_URL_NOT_ALLOWED, 'A webhook URL must not carry a user name or password');
  return target;
}

/**
 * The refusal at delivery time, for a URL that passed when it was stored but whose host now
 * resolves to (or, for an older row, is) an address that is not public.
 */
export class WebhookTargetError extends Error {
  override name = 'WebhookTargetError';
  readonly code = 'EWEBHOOKTARGET';
}

/**
 * A `lookup` for http.request / net.connect that resolves the name and refuses the connection
 * when any of its addresses is not public. The connection then goes to an address this very
 * lookup returned, so nothing can swap it between the check and the connect.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const forbidden = addresses.find((a) => !isPublicAddress(a.address));
    if (forbidden) return callback(new WebhookTargetError(notAllowedMessage(hostname, forbidden.address)), '', 0);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    callback(null, first.address, first.family);
  });
};

/**
 * Whether a delivery to `url` may connect, before any lookup: an allowed host always; a literal
 * IP address only when public (Node connects to it without calling `lookup`). Returns the error
 * that refuses it, or null; names are checked by publicOnlyLookup as they resolve.
 */
export function deliveryRefusal(url: URL, allowedHosts: readonly string[]): WebhookTargetError | null {
  const host = hostOf(url);
  if (allowedHosts.includes(host) || !net.isIP(host) || isPublicAddress(host)) return null;
  return new WebhookTargetError(notAllowedMessage(host, host));
}

function notAllowed(host: string, address: string): DomainError {
  return unprocessable(WEBHOOK_URL_NOT_ALLOWED, notAllowedMessage(host, address), { host, address });
}

function notAllowedMessage(host: string, address: string): string {
  const where = host === address ? withMappedIPv4(host) : `${host} (${withMappedIPv4(address)})`;
  return `Webhooks may not target ${where}: it is a loopback, private, link-local or otherwise non-public address; list the host in WEBHOOK_ALLOWED_HOSTS to allow it`;
}

/** `::ffff:7f00:1` is how a URL writes [::ffff:127.0.0.1]: say which IPv4 address it is. */
function withMappedIPv4(address: string): string {
  try {
    const parsed = ipaddr.parse(address);
    return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
      ? `${address} = ${(parsed as ipaddr.IPv6).toIPv4Address().toString()}`
      : address;
  } catch {
    return address;
  }
}
