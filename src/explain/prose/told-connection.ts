import { IMPLICIT_TLS_PORT, PLAIN_PORT } from '../client-output/facts.js';
import { foldAccents } from '../normalize.js';

/**
 * How a person says their program connected, when they say it in the words of their code or their question
 * rather than in a program's output: MailKit's `Connect("host", 995, SecureSocketOptions.StartTls)`, a URI
 * `pop://server:995/`, "port 995 with STARTTLS", « le port 995 sans SSL », "cổng 995 với StartTls". A port
 * and an encryption mode that do not go together (RFC 8314 §3.1: 995 speaks TLS from the first byte, 110
 * speaks plain POP and offers TLS through STLS, RFC 2595 §4) explain a connection that timed out, was
 * dropped or failed its handshake better than the symptom's own words do. The client-output reader
 * (client-output/target.ts) reads the command lines and settings dumps of programs; this reads what people
 * write about them.
 */

export type ToldTls = 'implicit' | 'starttls' | 'plain';

export interface ToldMismatch {
  rule: 'plain-to-tls-port' | 'tls-to-plain-port';
  port: number;
  tls: ToldTls;
  /** 1-based line of the setting and of the symptom. */
  lineNumber: number;
  symptomLine: number;
  /** The words that say the setting and the symptom. */
  setting: string;
  symptom: string;
}

// MailKit's and .NET's connect calls: Connect(host, port, SecureSocketOptions.X) or Connect(host, port,
// useSsl). MailKit's `false` is StartTlsWhenAvailable and `true` SslOnConnect.
const CONNECT_CALL =
  /\bConnect(?:Async)?\s*\(\s*[^,()]{1,260},\s*(\d{1,5})\s*,\s*(?:(?:MailKit\.Security\.)?SecureSocketOptions\.(\w+)|(true|false)\b)/g;
// MailKit's URIs: pop:// (STARTTLS when available) and pops:// (TLS at once); pop3:// and pop3s:// are the
// client-output reader's.
const POP_URI = /\bpop(s?):\/\/(?:[^@\s/]{1,200}@)?[\w.-]{1,253}:(\d{1,5})\b/gi;
// A port told in words (accents folded): "port 995", "on 995", « le port 995 », "cổng 995", "host:995".
const TOLD_PORT = /(?:\bports?|\bcong|\bon|:)\s*(995|110)\b/g;
// Only these two ports make a mix-up: a line that names neither is passed over at once (a log of any size).
const NAMES_PORT = /(?<!\d)(?:995|110)(?!\d)/;
// An encryption mode told in words or in the option's name, near the port (accents folded).
const TOLD_MODES: readonly { tls: ToldTls; re: RegExp }[] = [
  { tls: 'starttls', re: /\bstart_?tls(?:whenavailable)?\b|\bstls\b/ },
  {
    tls: 'plain',
    re: /\bsecuresocketoptions\.none\b|\b(?:without|no|sans|khong (?:co |dung )?)\s*(?:ssl|tls|ssl\/tls|chiffrement|ma hoa)\b|\bunencrypted\b|\ben clair\b|\bplain ?text\b/,
  },
  {
    tls: 'implicit',
    re: /\bssl ?on ?connect\b|\bimplicit tls\b|\btls implicite\b|\b(?:with|avec|voi|co) ssl(?:\/tls)?\b/,
  },
];
// How near (in characters) a mode must stand to the port to be the setting of that connection.
const NEAR = 60;

// What shows the connection failed before POP began: a timeout, a connection dropped, a failed handshake
// (the Windows socket error names its timeout in words: "did not properly respond after a period of time").
const SYMPTOM =
  /did not properly respond after a period of time|\btimed? ?out\b|\btimeout\b|ETIMEDOUT|unexpectedly disconnected|connection (?:was )?(?:closed|reset|aborted)|\bECONNRESET\b|\bEOF\b|handshake (?:failed|failure)|wrong version number|unknown protocol|délai (?:d.attente )?dépassé|hết thời gian chờ/i;
// A greeting or a refused login shows the server answered in POP: then port and mode went together.
const ANSWERED =
  /(?:^|\s)\+OK\b|-ERR\b|\bAuthentication failed\b|\bLogin (?:failed|denied)\b|\binvalid (?:login|credentials)\b/i;

interface Setting {
  port: number;
  tls: ToldTls;
  lineNumber: number;
  words: string;
}

function modeOf(option: string | undefined, bool: string | undefined): ToldTls | undefined {
  if (bool) return bool === 'true' ? 'implicit' : 'starttls';
  switch (option?.toLowerCase()) {
    case 'starttls':
    case 'starttlswhenavailable':
      return 'starttls';
    case 'none':
      return 'plain';
    case 'sslonconnect':
      return 'implicit';
    default:
      return undefined; // Auto chooses by the port: never a mix-up.
  }
}

function settingsOf(line: string, lineNumber: number): Setting[] {
  const settings: Setting[] = [];
  for (const m of line.matchAll(CONNECT_CALL)) {
    const tls = modeOf(m[2], m[3]);
    if (tls) settings.push({ port: Number(m[1]), tls, lineNumber, words: m[0] });
  }
  for (const m of line.matchAll(POP_URI)) {
    settings.push({
      port: Number(m[2]),
      tls: m[1] ? 'implicit' : 'starttls',
      lineNumber,
      words: m[0],
    });
  }
  if (settings.length > 0) return settings;
  // In words: the mode told nearest the port, on either side of it.
  const folded = foldAccents(line);
  for (const p of folded.matchAll(TOLD_PORT)) {
    const at = p.index ?? 0;
    const around = folded.slice(Math.max(0, at - NEAR), at + p[0].length + NEAR);
    const told = TOLD_MODES.map((mode) => ({ tls: mode.tls, m: mode.re.exec(around) })).filter((t) => t.m);
    // Two modes beside one port ("995 with SSL, 110 with STARTTLS") say nothing about that port alone.
    const only = told.length === 1 ? told[0] : undefined;
    const m = only?.m;
    if (!only || !m) continue;
    settings.push({
      port: Number(p[1]),
      tls: only.tls,
      lineNumber,
      // Shown folded: folding may change the length of the line, so its offsets are not the line's.
      words: `${p[0].trim()} … ${m[0]}`,
    });
  }
  return settings;
}

function mismatch(s: Setting): ToldMismatch['rule'] | undefined {
  if (s.port === IMPLICIT_TLS_PORT && s.tls !== 'implicit') return 'plain-to-tls-port';
  if (s.port === PLAIN_PORT && s.tls === 'implicit') return 'tls-to-plain-port';
  return undefined;
}

/**
 * The port/encryption mix-up a paste tells (in code or in words) together with a connection that failed
 * before POP began, or undefined. Every setting told must agree: a person who tried "995 with SSL" and
 * "995 with STARTTLS" did not name the one that failed.
 */
export function toldTlsMismatch(lines: readonly string[]): ToldMismatch | undefined {
  const settings = lines.flatMap((line, i) => (NAMES_PORT.test(line) ? settingsOf(line, i + 1) : []));
  if (settings.length === 0 || lines.some((l) => ANSWERED.test(l))) return undefined;
  const mixed = settings.map((s) => ({ s, rule: mismatch(s) }));
  const first = mixed.find((m) => m.rule);
  if (!first?.rule || mixed.some((m) => m.s.port === first.s.port && m.s.tls !== first.s.tls))
    return undefined;
  const symptomAt = lines.findIndex((l) => SYMPTOM.test(l));
  if (symptomAt < 0) return undefined;
  const symptom = SYMPTOM.exec(lines[symptomAt] ?? '')?.[0] ?? '';
  return {
    rule: first.rule,
    port: first.s.port,
    tls: first.s.tls,
    lineNumber: first.s.lineNumber,
    symptomLine: symptomAt + 1,
    setting: first.s.words,
    symptom,
  };
}
