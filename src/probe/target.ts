import { isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { targetHasCredentials } from '../secrets/index.js';
import { parseAddress } from './ip.js';
import { providerFor } from './providers.js';
import type { AttemptTls, Resolver, TargetSource } from './types.js';

/** One place to try, with where it came from. */
export interface TargetCandidate {
  host: string;
  port: number | undefined;
  /** Set when the source says which encryption (SRV `_pop3s`, the provider table). */
  tls?: AttemptTls;
  source: TargetSource;
  via?: string;
}

export interface ParsedTarget {
  host: string;
  port: number | undefined;
  /** True for `user@domain` and bare domains that do not name a mail host: look the server up. */
  discover: boolean;
}

/** `HOST`, `HOST:PORT`, `[v6]:PORT`, bare IPv6, `user@domain`; undefined when none of these. */
export function parseTarget(input: string): ParsedTarget | undefined {
  let text = input.trim();
  if (text.length === 0 || text.length > 320 || /\s/.test(text)) return undefined;
  if (targetHasCredentials(text)) return undefined;
  const at = text.lastIndexOf('@');
  const isEmail = at >= 0;
  if (isEmail) text = text.slice(at + 1);
  let host: string;
  let port: number | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracket) {
    host = bracket[1]!;
    port = bracket[2] === undefined ? undefined : Number(bracket[2]);
    if (!isIPv6(host.split('%')[0]!)) return undefined;
  } else if (isIPv6(text)) {
    host = text;
  } else {
    const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(text);
    if (!m) return undefined;
    host = m[1]!;
    port = m[2] === undefined ? undefined : Number(m[2]);
  }
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  host = host.replace(/\.$/, '');
  if (!parseAddress(host)) {
    // Internationalised names become their ASCII (punycode) form; an invalid one becomes ''.
    host = domainToASCII(host.toLowerCase());
    if (!host) return undefined;
  }
  const literal = parseAddress(host) !== undefined;
  const looksLikeMailHost = /^(pop3?|mail|mx|imap|smtp|mbox)\d*[.-]/i.test(host);
  // A single label (`localhost`, an intranet name) is a host, not a domain to discover servers for.
  const domainLike = host.includes('.');
  return {
    host,
    port,
    discover: !literal && port === undefined && (isEmail || (domainLike && !looksLikeMailHost)),
  };
}

/** RFC 6186 §3.3: SRV records for `_pop3s._tcp` then `_pop3._tcp`, by priority; `.` means no service. */
async function srvCandidates(resolver: Resolver, domain: string): Promise<TargetCandidate[]> {
  const out: TargetCandidate[] = [];
  for (const [service, tls] of [
    ['_pop3s._tcp', 'implicit'],
    ['_pop3._tcp', 'stls'],
  ] as const) {
    const record = `${service}.${domain}`;
    const found = await resolver.resolveSrv(record).catch(() => []);
    const usable = found.filter((r) => r.name !== '' && r.name !== '.' && r.port > 0);
    usable.sort((a, b) => a.priority - b.priority || b.weight - a.weight);
    for (const r of usable) {
      out.push({ host: r.name.replace(/\.$/, ''), port: r.port, tls, source: 'srv', via: record });
    }
  }
  return out;
}

/**
 * Where to look for the POP server of what the user typed, best first: SRV records, the provider table,
 * then `pop.`, `pop3.`, `mail.` guesses and the name itself. The caller tries them in order through the
 * guard, whose single lookup decides whether a guess exists.
 */
export async function targetCandidates(parsed: ParsedTarget, resolver: Resolver): Promise<TargetCandidate[]> {
  if (!parsed.discover) return [{ host: parsed.host, port: parsed.port, source: 'given' }];
  const srv = await srvCandidates(resolver, parsed.host);
  if (srv.length > 0) return srv;
  const provider = providerFor(parsed.host);
  if (provider) {
    return [
      {
        host: provider.host,
        port: provider.port,
        tls: provider.tls,
        source: 'provider',
        via: provider.provider,
      },
    ];
  }
  return [
    ...['pop', 'pop3', 'mail'].map((prefix): TargetCandidate => ({
      host: `${prefix}.${parsed.host}`,
      port: undefined,
      source: 'guess',
    })),
    { host: parsed.host, port: undefined, source: 'guess' },
  ];
}
