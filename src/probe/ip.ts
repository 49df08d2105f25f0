import ipaddr from 'ipaddr.js';

/**
 * IP address parsing and classification for the guard, on ipaddr.js 2.x: it reads every IPv4 notation
 * `inet_aton` and `new URL` accept (`2130706433`, `0x7f.1`, `017700000001`, `127.1` — which `net.isIP`
 * rejects, so a stranger could slip `127.0.0.1` past a guard that trusted it) and knows the special ranges
 * of both families. Only what it lacks is here: cloud metadata addresses, the IPv4 address hidden inside
 * mapped, translated, NAT64, 6to4 and Teredo addresses, and the classes the guard speaks in.
 */

export interface ParsedAddress {
  family: 4 | 6;
  /** 4 or 16 bytes. */
  bytes: number[];
  /** Canonical text form (`127.0.0.1`, `::1`) — the address the probe connects to. */
  text: string;
}

function fromIp(ip: ipaddr.IPv4 | ipaddr.IPv6): ParsedAddress {
  return ip.kind() === 'ipv4'
    ? { family: 4, bytes: ip.toByteArray(), text: ip.toString() }
    : { family: 6, bytes: ip.toByteArray(), text: (ip as ipaddr.IPv6).toRFC5952String() };
}

/** An IPv4 (any `inet_aton` notation) or IPv6 literal (brackets and a `%zone` allowed), or undefined. */
export function parseAddress(input: string): ParsedAddress | undefined {
  let text = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const zone = text.indexOf('%');
  if (zone >= 0 && text.includes(':')) text = text.slice(0, zone);
  if (!ipaddr.isValid(text)) return undefined;
  return fromIp(ipaddr.parse(text));
}

export interface Cidr {
  family: 4 | 6;
  bytes: number[];
  prefix: number;
  text: string;
}

/** `10.0.0.0/8`, `fd00::/8`, or a bare address (a /32 or /128). Undefined when malformed. */
export function parseCidr(input: string): Cidr | undefined {
  const text = input.trim();
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  // Strict forms only in configuration: an operator writes what they mean, not `127.1`.
  const strict = ipaddr.IPv4.isValidFourPartDecimal(addrText) || ipaddr.IPv6.isValid(addrText);
  if (!strict || addrText.includes('%')) return undefined;
  const ip = ipaddr.parse(addrText);
  const max = ip.kind() === 'ipv4' ? 32 : 128;
  const prefixText = slash < 0 ? String(max) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return undefined;
  const { family, bytes } = fromIp(ip);
  return { family, bytes, prefix: Number(prefixText), text };
}

function toIp(a: { bytes: number[] }): ipaddr.IPv4 | ipaddr.IPv6 {
  return ipaddr.fromByteArray(a.bytes);
}

export function cidrContains(cidr: Cidr, a: ParsedAddress): boolean {
  if (cidr.family !== a.family) return false;
  return toIp(a).match(toIp(cidr), cidr.prefix);
}

/** Why an address is not for strangers to reach through the bot. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'metadata'
  | 'reserved';

// Cloud instance-metadata endpoints (AWS, GCP, Azure, OpenStack; AWS's IPv6 one; Alibaba's): the first
// thing a server-side request forgery goes for, refused even where private ranges are allowed.
const METADATA = ['169.254.169.254/32', '169.254.170.2/32', 'fd00:ec2::254/128', '100.100.100.200/32'].map(
  (c) => parseCidr(c)!,
);
// RFC 8215: 64:ff9b:1::/48 is for local NAT64 networks, with a prefix length of the operator's choosing;
// where the IPv4 address sits is unknown, so the whole range is a private network's.
const LOCAL_NAT64 = parseCidr('64:ff9b:1::/48')!;

const IPV4_CLASS: Record<string, AddressClass> = {
  unicast: 'public',
  unspecified: 'unspecified',
  broadcast: 'reserved',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'cgnat',
  private: 'private',
  reserved: 'reserved',
};
const IPV6_CLASS: Record<string, AddressClass> = {
  unicast: 'public',
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
};

const v4 = (bytes: number[]): ParsedAddress => ({ family: 4, bytes, text: bytes.join('.') });

/**
 * The IPv4 address an IPv6 one stands for: IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated
 * (`::ffff:0:a.b.c.d`, RFC 2765/6145), IPv4-compatible (`::a.b.c.d`), well-known NAT64 (64:ff9b::/96,
 * RFC 6052), 6to4 (2002::/16, RFC 3056) and Teredo's client (2001::/32, RFC 4380, stored inverted).
 */
export function embeddedIPv4(a: ParsedAddress): ParsedAddress | undefined {
  if (a.family !== 6) return undefined;
  const b = a.bytes;
  const range = toIp(a).range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return v4(b.slice(12, 16));
  if (range === 'rfc6052' && !cidrContains(LOCAL_NAT64, a)) return v4(b.slice(12, 16));
  if (range === '6to4') return v4(b.slice(2, 6));
  if (range === 'teredo') return v4(b.slice(12, 16).map((x) => x ^ 0xff));
  // `::a.b.c.d` (deprecated); `::` and `::1` themselves are IPv6's own.
  if (b.slice(0, 12).every((x) => x === 0) && !b.slice(12, 15).every((x) => x === 0))
    return v4(b.slice(12, 16));
  return undefined;
}

export function classifyAddress(a: ParsedAddress): AddressClass {
  if (METADATA.some((m) => cidrContains(m, a))) return 'metadata';
  if (a.family === 6 && cidrContains(LOCAL_NAT64, a)) return 'private';
  const inner = embeddedIPv4(a);
  if (inner) return classifyAddress(inner);
  const range = toIp(a).range();
  // Ranges ipaddr.js knows and the guard has no word for (documentation, benchmarking, ORCHID, discard…)
  // are nobody's mail server: reserved.
  return (a.family === 4 ? IPV4_CLASS : IPV6_CLASS)[range] ?? 'reserved';
}
