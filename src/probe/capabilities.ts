import type { Lang } from '../i18n/lang.js';
import { type ProbeMessageKey, probeMessages } from '../i18n/probe-messages.js';
import type { Capability } from './types.js';

/** Capabilities with a gloss: RFC 2449 §6, RFC 2595 (STLS), RFC 3206 (AUTH-RESP-CODE), RFC 6856 (UTF8, LANG). */
const GLOSSED: Record<string, ProbeMessageKey> = {
  STLS: 'cap.STLS',
  SASL: 'cap.SASL',
  USER: 'cap.USER',
  UIDL: 'cap.UIDL',
  TOP: 'cap.TOP',
  'RESP-CODES': 'cap.RESP-CODES',
  'AUTH-RESP-CODE': 'cap.AUTH-RESP-CODE',
  'LOGIN-DELAY': 'cap.LOGIN-DELAY',
  EXPIRE: 'cap.EXPIRE',
  PIPELINING: 'cap.PIPELINING',
  IMPLEMENTATION: 'cap.IMPLEMENTATION',
  UTF8: 'cap.UTF8',
  LANG: 'cap.LANG',
};

function gloss(name: string, args: string[], lang: Lang): string {
  const key = GLOSSED[name];
  if (!key) return '';
  const first = args[0] ?? '';
  const perUser = args.includes('USER') ? probeMessages.t(lang, 'cap.per-user') : '';
  if (name === 'LOGIN-DELAY') {
    // RFC 2449 §6.5: the argument is in seconds.
    const seconds = /^\d+$/.test(first) ? Number(first) : Number.NaN;
    const delay = Number.isFinite(seconds) ? formatDuration(seconds, lang) : first;
    return probeMessages.t(lang, key, { delay }) + perUser;
  }
  if (name === 'EXPIRE') {
    if (first.toUpperCase() === 'NEVER') return probeMessages.t(lang, 'cap.EXPIRE-never');
    if (first === '0') return probeMessages.t(lang, 'cap.EXPIRE-zero') + perUser;
    return probeMessages.t(lang, key, { days: first }) + perUser;
  }
  return probeMessages.t(lang, key, { args: args.join(' ') });
}

/** The CAPA body (RFC 2449 §5): one capability per line, a name then arguments. */
export function parseCapabilities(lines: string[], lang: Lang): Capability[] {
  const caps: Capability[] = [];
  for (const line of lines) {
    const [rawName, ...args] = line.trim().split(/\s+/);
    if (!rawName) continue;
    const name = rawName.toUpperCase();
    caps.push({ name, args, gloss: gloss(name, args, lang) });
  }
  return caps;
}

export function hasCapability(caps: Capability[] | null | undefined, name: string): boolean {
  return caps?.some((c) => c.name === name) ?? false;
}

export function saslMechanisms(caps: Capability[] | null | undefined): string[] {
  return caps?.find((c) => c.name === 'SASL')?.args.map((a) => a.toUpperCase()) ?? [];
}

/** A delay in the unit people think in: seconds under two minutes, minutes under two hours, else hours. */
export function formatDuration(seconds: number, lang: Lang): string {
  if (seconds < 120) return probeMessages.t(lang, 'duration.seconds', { n: seconds });
  if (seconds < 7200) return probeMessages.t(lang, 'duration.minutes', { n: Math.round(seconds / 6) / 10 });
  return probeMessages.t(lang, 'duration.hours', { n: Math.round(seconds / 360) / 10 });
}
