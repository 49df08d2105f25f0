// A translation memory pair's label, decided from its ENGLISH msgid only: popbot's own reading of the English
// (its knowledge base's entries, else the concept fallback), never the learned model; else a small table of
// English concept patterns, each read by hand. Anything else is dropped. Needs `npm run build` first.
import { analyse } from '../../dist/src/explain/analyse.js';
import { readsLikeError } from '../../dist/src/explain/fallback/learned-gate.js';
import { useLearnedModel } from '../../dist/src/knowledge/learned-file.js';

/** Below this, a reading is a guess (the concept fallback gives 0.45 and 0.5 to two or more agreeing cues). */
export const MIN_CONFIDENCE = 0.45;

/**
 * English wordings whose meaning is clear whatever program prints them, for the msgids popbot does not read
 * (no mail word anchors them). Read by hand: each says one thing, in the taxonomy's words.
 */
export const ENGLISH_PATTERNS = [
  [/\bconnection refused\b/i, 'connect.refused'],
  [
    /\b(?:connection|connect|operation|request|handshake|read|login)(?: attempt)? (?:has )?timed out\b/i,
    'connect.timeout',
  ],
  [/\bno route to host\b|\bnetwork is unreachable\b|\bhost (?:is )?unreachable\b/i, 'connect.timeout'],
  [
    /\bconnection (?:was )?reset\b|\bconnection (?:was )?closed unexpectedly\b|\bbroken pipe\b/i,
    'connect.reset',
  ],
  [
    /\b(?:cannot|can't|could not|couldn't|unable to|failed to) resolve\b|\bunknown host\b|\bhost (?:name )?not found\b|\bname or service not known\b|\btemporary failure in name resolution\b/i,
    'connect.dns',
  ],
  [
    /\bcertificate\b[^.]*\b(?:has expired|expired|not yet valid|not trusted|untrusted|self[- ]signed|unknown (?:issuer|authority)|revoked|(?:does not|doesn't) match)\b/i,
    'tls.certificate',
  ],
  [
    /\b(?:no space left|disk (?:is )?full|not enough (?:free |disk )?space|(?:disk )?quota exceeded)\b/i,
    'client.storage',
  ],
  [
    /\b(?:write error|error writing|(?:cannot|can't|could not|couldn't|unable to|failed to) write)\b/i,
    'client.storage',
  ],
  [
    /\btoo many (?:failed |unsuccessful )?(?:login|logon|authentication|password) (?:attempts|failures)\b/i,
    'auth.too-many-failures',
  ],
  [/\baccount (?:has been |is )?(?:locked|disabled|expired|suspended)\b/i, 'auth.account-disabled'],
  [
    /\b(?:user ?name|login) (?:and|or) password\b[^.]*\b(?:incorrect|wrong|invalid|not (?:accepted|correct))\b|\b(?:incorrect|wrong|invalid) (?:user ?name|login) (?:and|or) password\b/i,
    'auth.failed',
  ],
  [/\b(?:incorrect|wrong|invalid|bad) password\b/i, 'auth.bad-password'],
  [
    /\bauthentication (?:failed|failure)\b|\blogin failed\b|\blog ?in (?:was )?(?:refused|denied|incorrect)\b/i,
    'auth.failed',
  ],
  [
    /\bno (?:suitable|supported|usable|acceptable|common|compatible) (?:authentication|auth|sasl|login) (?:method|mechanism|type)s?\b|\b(?:authentication|auth|sasl) (?:method|mechanism)s? (?:is |are )?(?:not available|not offered|not allowed|disabled)\b/i,
    'auth.mechanism',
  ],
  // A setting the program needs and was not given, or was given wrong: its configuration's.
  [
    /\b(?:no|missing) (?:password|passphrase|user ?name|login|host ?name|host|server(?: name| address)?|port(?: number)?)\b[^.]*\b(?:specified|given|provided|set|entered|supplied|configured)\b|\b(?:password|user ?name|host ?name|server (?:name|address)|port(?: number)?) (?:is |was )?(?:not|never) (?:specified|given|provided|set|entered|supplied|configured)\b|\binvalid (?:port(?: number)?|host ?name|server (?:name|address)|proxy (?:address|port))\b/i,
    'client.config',
  ],
  [
    /\b(?:authentication|auth) (?:method|mechanism)s?\b[^.]*\bnot supported\b|\bunsupported (?:authentication|auth) (?:method|mechanism)\b/i,
    'auth.mechanism',
  ],
];

/**
 * What a text must be about for a category read from it to be its meaning outside mail: catalogues of other
 * programs say "cannot read object …" of a file, which popbot's entries for a mail program's line read as a
 * dropped connection. A category whose topic the English does not name is dropped (read by hand on a sample).
 */
const NETWORK =
  /\b(?:connect\w*|socket|host|server|network|peer|remote|proxy|timed? ?out|refused|unreachable|route|dns|resolv\w*)\b/i;
export const TOPICS = {
  connect: {
    needs: NETWORK,
    not: /\b(?:file|directory|folder|object|pipe|fd|blob|pack|index|commit|ref|config|device|partition|disk|archive|bind|accept|listen)\b/i,
  },
  tls: {
    needs: /\b(?:tls|ssl|certificates?|cert|handshake|encrypt\w*|secure|starttls|https)\b/i,
    not: /\b(?:import|export|ssh|gpg|pgp|key ?ring)\b/i,
  },
  auth: {
    needs: /\b(?:password|passphrase|authenti\w*|log ?in|logon|sign ?in|credentials?|account|user ?name)\b/i,
    not: /\b(?:sudo|netrc|ssh|device|encrypted|keyring|polkit|master password|add user|buddy)\b/i,
  },
  // The program's own: which of its parts, below.
  client: { needs: /./, not: /\block/i },
  command: { needs: /\bcommand\b/i, not: /\b(?:git|remote-\w+|shell)\b/i },
  server: { needs: /\b(?:server|protocol|reply|response|responded|answer)\b/i },
  mailbox: { needs: /\b(?:mailbox|maildrop|inbox|mail ?spool)\b/i },
  message: { needs: /\b(?:message|mail)\b/i },
  update: { needs: /\b(?:message|mail)\b/i },
  session: { needs: /\b(?:session|idle|inactiv\w*)\b/i },
};
/** Finer than the area: a name that does not resolve is a host's or an address's, not a git tree's. */
const CATEGORY_TOPICS = {
  'connect.dns': { needs: /\b(?:host(?: ?name)?|address|dns|domain|name server|server)\b/i },
  // POP's own states: another program's "could not delete" or "shutting down" is not the UPDATE state's.
  'update.delete-failed': { needs: /$^/ },
  'server.shutdown': { needs: /$^/ },
  // Not what is written to the network ("Unable to write to network", "unable to write flush packet").
  'client.storage': {
    needs: /\b(?:write|writing|written|save|saving|disk|space|quota|create|full|storage|store)\b/i,
    not: /\b(?:network|socket|packet|server|remote|peer)\b/i,
  },
  // A setting: a server, port, user name or password missing or wrong, an option.
  'client.config': {
    needs:
      /\b(?:option|setting|configur\w*|host ?name|host|server|port|address|user ?name|password|passphrase|login)\b/i,
    not: /\b(?:command|file|directory|key|ssh|sudo)\b/i,
  },
  'client.unsupported': { needs: /\b(?:support\w*|built|compiled|available)\b/i },
  'client.busy': { needs: /\b(?:busy|already|in progress|running)\b/i },
};
/** Whether the English names what the category is about (the area before the dot decides). */
export function aboutTopic(text, category) {
  for (const topic of [TOPICS[category.split('.')[0]], CATEGORY_TOPICS[category]]) {
    if (!topic) continue;
    if (!topic.needs.test(text) || (topic.not && topic.not.test(text))) return false;
  }
  return Boolean(TOPICS[category.split('.')[0]]);
}

/** `{ category, by }` for an English text, or undefined when neither popbot's reading nor the table is clear. */
export function labelEnglish(text, kb) {
  // Only a text that reads like an error (a failure, refusal or inability word): the learned reading is only
  // ever asked about such a line, and a label, a question or help text says no error.
  // A form's label ("&Delay between failed login attempts:") says no error either.
  if (/&\w|:\s*$/.test(text)) return undefined;
  const table = () => {
    for (const [pattern, category] of ENGLISH_PATTERNS) {
      if (pattern.test(text) && aboutTopic(text, category))
        return { category, by: `table:${pattern.source.slice(0, 40)}` };
    }
    return undefined;
  };
  // A hand-read pattern says an error by itself ("No hostname specified"); popbot's reading counts only for a
  // text that reads like one.
  if (!readsLikeError(text)) return table();
  useLearnedModel(undefined);
  const analysis = analyse(text, {}, kb);
  const findings = analysis.findings.filter((f) => f.category !== 'unknown');
  const categories = new Set(analysis.findings.map((f) => f.category));
  if (findings.length > 0 && categories.size === 1) {
    const best = findings.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    if (best.confidence >= MIN_CONFIDENCE && aboutTopic(text, best.category))
      return { category: best.category, by: `popbot:${best.entry}` };
  }
  // popbot read it, unsure or of two minds: not the table's to decide.
  return analysis.findings.length > 0 ? undefined : table();
}
