import { isIPv6 } from 'node:net';

/**
 * IP address parsing and classification for the guard. Host names that are really addresses in odd
 * notations (`2130706433`, `0x7f.1`, `017700000001`, `127.1`) are what `getaddrinfo`/`inet_aton` accept,
 * and what `new URL` normalises, but `net.isIP` rejects: the guard must read them the way the resolver
 * would, or a stranger could slip `127.0.0.1` past it.
 */

export interface ParsedAddress {
  family: 4 | 6;
  /** 4 or 16 bytes. */
  bytes: number[];
  /** Canonical text form (`127.0.0.1`, `::1`) — the address the probe connects to. */
  text: string;
}

const INET_ATON_PART = /^(0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*)$/i;

function atonPart(part: string): number | undefined {
  if (!INET_ATON_PART.test(part)) return undefined;
  if (/^0x/i.test(part)) return part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
  if (part.length > 1 && part.startsWith('0')) return Number.parseInt(part, 8);
  return Number.parseInt(part, 10);
}

/** IPv4 in every notation `inet_aton` accepts: 1 to 4 parts, each decimal, octal (0…) or hex (0x…). */
export function parseIPv4Loose(input: string): ParsedAddress | undefined {
  const parts = input.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const p of parts) {
    const v = atonPart(p);
    if (v === undefined || !Number.isFinite(v)) return undefined;
    values.push(v);
  }
  // The last part fills every remaining byte (a.b.c.d, a.b.c16, a.b24, a32).
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return undefined;
  const lastBytes = 4 - values.length;
  if (last >= 2 ** (8 * lastBytes)) return undefined;
  const bytes = [...values];
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return { family: 4, bytes, text: bytes.join('.') };
}

function hex(n: number): string {
  return n.toString(16);
}

function ipv6Text(bytes: number[]): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((bytes[i]! << 8) | bytes[i + 1]!);
  // Longest run of zero words (length >= 2) becomes `::` (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return words.map(hex).join(':');
  const head = words.slice(0, bestStart).map(hex).join(':');
  const tail = words
    .slice(bestStart + bestLen)
    .map(hex)
    .join(':');
  return `${head}::${tail}`;
}

/** A strict IPv6 literal (brackets and a `%zone` allowed), as 16 bytes. */
export function parseIPv6(input: string): ParsedAddress | undefined {
  let text = input;
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!isIPv6(text)) return undefined;
  let tailV4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const lastPart = text.slice(lastColon + 1);
  if (lastPart.includes('.')) {
    const v4 = parseIPv4Loose(lastPart);
    if (!v4) return undefined;
    tailV4 = v4.bytes;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  const toWords = (s: string) => (s === '' ? [] : s.split(':').map((w) => Number.parseInt(w, 16)));
  const head = toWords(halves[0] ?? '');
  const tail = halves.length > 1 ? toWords(halves[1] ?? '') : [];
  const words =
    halves.length > 1 ? [...head, ...Array(8 - head.length - tail.length).fill(0), ...tail] : head;
  if (words.length !== 8) return undefined;
  const bytes = words.flatMap((w: number) => [w >> 8, w & 0xff]);
  if (tailV4.length === 4) bytes.splice(12, 4, ...tailV4);
  return { family: 6, bytes, text: ipv6Text(bytes) };
}

/** An IPv4 (any `inet_aton` notation) or IPv6 literal, or undefined for a host name. */
export function parseAddress(input: string): ParsedAddress | undefined {
  return parseIPv6(input) ?? parseIPv4Loose(input);
}

/** The IPv4 address hidden in an IPv6 one (v4-mapped, v4-compatible, NAT64, 6to4), if any. */
export function embeddedIPv4(a: ParsedAddress): ParsedAddress | undefined {
  if (a.family !== 6) return undefined;
  const b = a.bytes;
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const v4 = (bytes: number[]): ParsedAddress => ({ family: 4, bytes, text: bytes.join('.') });
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(b.slice(12, 16));
  // ::a.b.c.d (deprecated v4-compatible); `::` and `::1` themselves are classified as IPv6.
  if (zeros(0, 12) && !zeros(12, 15)) return v4(b.slice(12, 16));
  // 64:ff9b::/96 (RFC 6052 well-known NAT64 prefix).
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12))
    return v4(b.slice(12, 16));
  // 2002::/16 (6to4) carries the IPv4 address in bits 16–47.
  if (b[0] === 0x20 && b[1] === 0x02) return v4(b.slice(2, 6));
  return undefined;
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
  // Strict dotted quads only in configuration: an operator writes what they mean.
  const addr = isIPv6(addrText) ? parseIPv6(addrText) : strictIPv4(addrText);
  if (!addr) return undefined;
  const max = addr.family === 4 ? 32 : 128;
  const prefixText = slash < 0 ? String(max) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > max) return undefined;
  return { family: addr.family, bytes: addr.bytes, prefix, text };
}

function strictIPv4(text: string): ParsedAddress | undefined {
  if (!/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text)) return undefined;
  const bytes = text.split('.').map(Number);
  if (bytes.some((b) => b > 255)) return undefined;
  return { family: 4, bytes, text };
}

export function cidrContains(cidr: Cidr, a: ParsedAddress): boolean {
  if (cidr.family !== a.family) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((cidr.bytes[i] ?? 0) & mask) !== ((a.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
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

const RANGES: readonly [string, AddressClass][] = [
  ['169.254.169.254/32', 'metadata'],
  ['fd00:ec2::254/128', 'metadata'],
  ['0.0.0.0/8', 'unspecified'],
  ['127.0.0.0/8', 'loopback'],
  ['10.0.0.0/8', 'private'],
  ['172.16.0.0/12', 'private'],
  ['192.168.0.0/16', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['169.254.0.0/16', 'link-local'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'reserved'],
  ['fc00::/7', 'private'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'private'],
  ['ff00::/8', 'multicast'],
  ['100::/64', 'reserved'],
  ['2001:db8::/32', 'reserved'],
];
const PARSED_RANGES = RANGES.map(([c, cls]) => [parseCidr(c)!, cls] as const);

export function classifyAddress(a: ParsedAddress): AddressClass {
  const inner = embeddedIPv4(a);
  if (inner) return classifyAddress(inner);
  for (const [cidr, cls] of PARSED_RANGES) if (cidrContains(cidr, a)) return cls;
  return 'public';
}
