import { foldAccents } from '../normalize.js';
import { type Cue, LEXICON } from './lexicon.js';
import { OUTCOME_CUES } from './outcomes.js';
import { MAX_TEXT, marksOf, VIETNAMESE_LETTER, type Word, words } from './words.js';

/**
 * The explainable fallback: a `-ERR` (or a program's error message) that no knowledge-base entry knows still
 * gets a category when its words say one, with the words that decided it, so the user sees why. Confidence
 * stays below any entry's (0.5 for a bare response code): this is a reading of the words, not a known error.
 */
export interface FallbackResult {
  /** A taxonomy category, or `unknown` when the words say nothing. */
  category: string;
  confidence: number;
  /** The words of the text that decided it, as they were written (accents and case kept). */
  decidedBy: string[];
  /**
   * Only a frame decided ("Unable to connect to POP server"): what failed may be said on another line.
   * `named`: the line names a mail program, a protocol, a host or another technical word; `bare`: it does not
   * ("Connection failed."), so alone it may as well be someone's remark.
   */
  frame?: 'named' | 'bare';
}

export type FallbackKind = 'server' | 'client';

interface TermWord {
  stem: string;
  /** A Vietnamese word's accents: compared too when the text has accents (below). */
  marks?: string;
  prefix: boolean;
  /** How many words may stand between this word and the one before it (`…` in a term): word order varies. */
  gap: number;
}
interface CompiledTerm {
  words: readonly TermWord[];
  /** A term that is a shape of text rather than words (`#hostname`): what it matches is shown. */
  shape?: RegExp;
}

// A host name or an address, as a program names the host it could not find ("pop.example.net", "192.0.2.1").
// `#host` is stricter: lowercase, ending in a common or a country's domain (no class path "javax.mail.Store").
const SHAPES: Readonly<Record<string, RegExp>> = {
  '#hostname': /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b/i,
  '#host':
    /(?<![\w.])(?:[a-z0-9-]+\.)+(?:[a-z]{2}|com|net|org|edu|gov|info|biz|local|lan|example|test)(?![\w.])|\b\d{1,3}(?:\.\d{1,3}){3}\b/,
  // A local mailbox named by its path, as a program names the file it could not lock or write
  // ("/var/mail/alice", "/var/spool/mail/alice", "~/Maildir/new", "~/mbox").
  '#mailbox-path': /(?:^|[\s"'“«(])(?:~|\/var(?:\/spool)?)?\/(?:mail|Maildir|mbox|Mail)(?:\/[\w.-]+)*\b/,
};
interface CompiledCue {
  cue: Cue;
  /** Each slot holds alternatives; one alternative of every slot must appear. */
  slots: readonly (readonly CompiledTerm[])[];
  /** None of these may appear (the cue's `unless`). */
  unless: readonly CompiledTerm[];
}

/**
 * How many words a term's `…` allows between two of its words (`…2`: at most two): a Vietnamese verb's agent
 * ("không được máy chủ POP chấp nhận"), an adverb or a hedge ("does not seem to support").
 */
const GAP = 3;

function termWord(word: string, gap: number): TermWord {
  const bare = word.replace(/\*$/, '');
  return {
    stem: foldAccents(bare),
    ...(VIETNAMESE_LETTER.test(bare) ? { marks: marksOf(bare) } : {}),
    prefix: word.endsWith('*'),
    gap,
  };
}

/** A term's words, each with the gap allowed before it. */
function termWords(term: string): TermWord[] {
  const out: TermWord[] = [];
  let gap = 0;
  for (const [w] of term.matchAll(/…\d?|[\p{L}\p{N}]+\*?/gu)) {
    if (w.startsWith('…')) gap = Number(w.slice(1)) || GAP;
    else {
      out.push(termWord(w, gap));
      gap = 0;
    }
  }
  return out;
}

function meets(w: Word, t: TermWord): boolean {
  if (t.prefix ? !w.folded.startsWith(t.stem) : w.folded !== t.stem && !w.bases.includes(t.stem))
    return false;
  if (t.marks === undefined) return !w.vietnamese;
  if (w.marks === '') return true;
  return t.prefix ? [...t.marks].every((m) => w.marks.includes(m)) : w.marks === t.marks;
}

// One compiled term per spelling: concepts are shared by many cues, and a line looks each term up once.
const compiledTerms = new Map<string, CompiledTerm>();
function compileTerm(term: string): CompiledTerm {
  let compiled = compiledTerms.get(term);
  if (!compiled) {
    const shape = SHAPES[term];
    compiled = shape ? { words: [], shape } : { words: termWords(term) };
    compiledTerms.set(term, compiled);
  }
  return compiled;
}

/**
 * The terms by their first word, exact or a prefix: a text's words name the few terms that may occur in it,
 * and only those are looked for. Every line of a log reaches the fallback, and the lexicon has hundreds of
 * terms; a line has a few dozen words.
 */
interface TermIndex {
  exact: Map<string, CompiledTerm[]>;
  prefix: Map<string, CompiledTerm[]>;
  longestPrefix: number;
  /** How many terms it was built from: terms compiled later make it stale. */
  size: number;
}
let termIndex: TermIndex | undefined;
function indexOfTerms(): TermIndex {
  if (termIndex?.size === compiledTerms.size) return termIndex;
  const index: TermIndex = {
    exact: new Map(),
    prefix: new Map(),
    longestPrefix: 0,
    size: compiledTerms.size,
  };
  for (const term of compiledTerms.values()) {
    const first = term.words[0];
    if (!first) continue;
    const map = first.prefix ? index.prefix : index.exact;
    const list = map.get(first.stem);
    if (list) list.push(term);
    else map.set(first.stem, [term]);
    if (first.prefix) index.longestPrefix = Math.max(index.longestPrefix, first.stem.length);
  }
  termIndex = index;
  return index;
}

/** The terms whose first word a text holds: any other term cannot occur in it. */
const mayOccurIn = new WeakMap<readonly Word[], Set<CompiledTerm>>();
function mayOccur(text: readonly Word[]): Set<CompiledTerm> {
  let terms = mayOccurIn.get(text);
  if (!terms) {
    terms = new Set();
    const { exact, prefix, longestPrefix } = indexOfTerms();
    for (const w of text) {
      for (const t of exact.get(w.folded) ?? []) terms.add(t);
      for (const base of w.bases) for (const t of exact.get(base) ?? []) terms.add(t);
      for (let n = Math.min(longestPrefix, w.folded.length); n > 0; n--)
        for (const t of prefix.get(w.folded.slice(0, n)) ?? []) terms.add(t);
    }
    mayOccurIn.set(text, terms);
  }
  return terms;
}

let compiled: readonly CompiledCue[] | undefined;
function lexicon(): readonly CompiledCue[] {
  compiled ??= [...LEXICON, ...OUTCOME_CUES].map((cue) => ({
    cue,
    slots: cue.all.map((slot) => slot.map(compileTerm)),
    unless: (cue.unless ?? []).map(compileTerm),
  }));
  return compiled;
}

/**
 * The cues by a term of their shortest slot (every slot must be said, so one will do): a text's terms name
 * the cues worth trying, in the lexicon's order. A slot with a shape (`#host`) is never the key.
 */
interface CueIndex {
  byTerm: Map<CompiledTerm, number[]>;
  /** Cues whose every slot holds a shape: always tried. */
  always: number[];
}
let cueIndex: CueIndex | undefined;
function indexOfCues(): CueIndex {
  if (cueIndex) return cueIndex;
  const index: CueIndex = { byTerm: new Map(), always: [] };
  lexicon().forEach(({ slots }, i) => {
    const keys = slots.filter((slot) => slot.every((t) => !t.shape)).sort((a, b) => a.length - b.length)[0];
    if (!keys) return void index.always.push(i);
    for (const term of keys) {
      const list = index.byTerm.get(term);
      if (list) list.push(i);
      else index.byTerm.set(term, [i]);
    }
  });
  cueIndex = index;
  return index;
}

/** The cues a text may fire, marked by their place in the lexicon. */
function candidateCues(text: readonly Word[]): Uint8Array {
  const { byTerm, always } = indexOfCues();
  const marked = new Uint8Array(lexicon().length);
  for (const i of always) marked[i] = 1;
  for (const term of mayOccur(text)) for (const i of byTerm.get(term) ?? []) marked[i] = 1;
  return marked;
}

// Where each folded word stands in a text, built once per text: most terms start with a whole word, and
// only its positions need a look (the lexicon has hundreds of terms; a line, a few dozen words).
const positionsOf = new WeakMap<readonly Word[], Map<string, number[]>>();
function positions(text: readonly Word[]): Map<string, number[]> {
  let index = positionsOf.get(text);
  if (!index) {
    index = new Map();
    for (const [i, w] of text.entries())
      for (const form of [w.folded, ...w.bases]) {
        const at = index.get(form);
        if (at) at.push(i);
        else index.set(form, [i]);
      }
    positionsOf.set(text, index);
  }
  return index;
}

/** Where the term's words end (exclusive) when they begin at word i, within one clause; or -1. */
function endAt(text: readonly Word[], term: CompiledTerm, i: number): number {
  const words = term.words;
  const clause = text[i]!.clause;
  const from = (j: number, at: number): number => {
    if (j === words.length) return at;
    const w = words[j]!;
    for (let k = at; k <= at + w.gap && k < text.length && text[k]!.clause === clause; k++)
      if (meets(text[k]!, w)) {
        const end = from(j + 1, k + 1);
        if (end >= 0) return end;
      }
    return -1;
  };
  return meets(text[i]!, words[0]!) ? from(1, i + 1) : -1;
}

/** Where the term's words first appear in a row in the text (start, end), or [-1, -1]. */
function find(text: readonly Word[], term: CompiledTerm): readonly [number, number] {
  return findAll(text, term)[0] ?? NOT_FOUND;
}
const NOT_FOUND: readonly [number, number] = [-1, -1];
const NOWHERE: readonly (readonly [number, number])[] = [];
const occurs = (text: readonly Word[], term: CompiledTerm) => find(text, term)[0] >= 0;

/** Every place the term's words appear in a row in the text, as (start, end), in order. */
function findAll(text: readonly Word[], term: CompiledTerm): readonly (readonly [number, number])[] {
  const first = term.words[0];
  if (!first || !mayOccur(text).has(term)) return NOWHERE;
  let out: [number, number][] | undefined;
  const at = first.prefix ? text.keys() : (positions(text).get(first.stem) ?? []);
  for (const i of at) {
    const end = endAt(text, term, i);
    if (end >= 0) (out ??= []).push([i, end]);
  }
  return out ?? NOWHERE;
}

interface Score {
  score: number;
  terms: number;
  words: Set<string>;
  /** A cue that fired names a thing and what went wrong with it: the line says failure by itself. */
  outcome: boolean;
  /** The score that ranks the categories: what the cause clause says counts more (see `causeFrom`). */
  rank: number;
  /** One of its cues stands wholly in the cause clause. */
  inCause: boolean;
  /** The sentences its words stand in: only there may a person's words make the line a person's. */
  sentences: Set<number>;
}

const UNKNOWN: FallbackResult = { category: 'unknown', confidence: 0.2, decidedBy: [] };

/**
 * A program's line is any line of a paste, most of them no error: its words decide only when they add up to
 * more (two terms, or one strong phrase) and the line says something failed.
 */
const CLIENT_MIN_SCORE = 4;
// Phrases separated by "|". Not "timeout" alone: configuration dumps and tracebacks name the setting.
const FAILURE_SIGNAL: readonly CompiledTerm[] = (
  'error|err|fail*|cannot|unable|refused|rejected|denied|invalid|unknown|timed out|closed|reset|dropped|' +
  "not responding|unreachable|could not|can't|couldn't|erreur|échec|échou*|impossible|refusé*|invalide|" +
  'inconnu*|délai|fermé*|interrompu*|ne répond pas|lỗi|không thể|thất bại|từ chối|không hợp lệ|' +
  'hết thời gian|bị ngắt|không phản hồi|bị đóng|không thành công|' +
  // What a failed connection, TLS setup or certificate check says: a state that went wrong.
  'expired|untrusted|not trusted|self-signed|not yet valid|bad|broken|unexpected*|insufficient|' +
  'not supported|unsupported|no supported|not found|no route|unreachable|mismatch|did not match|' +
  'could not be verified|did not present|terminated|no answer|does not look like|' +
  'hors délai*|a expiré|est expiré*|passe expiré|hết hiệu lực|non approuvé*|auto-signé*|pas encore valide|mauvais|coupée|inattendu*|' +
  'insuffisant*|pris en charge|introuvable|injoignable|inaccessible|pas accessible|pas de réponse|' +
  'ne correspond*|aucun*|certificat expiré|expirée|réinitialisé*|ré-initialisé*|' +
  'hết giờ|hết hạn|không tin cậy|tự ký|sai|bị đứt|bất ngờ|bất thường|không đủ|không hỗ trợ|' +
  'không được hỗ trợ|không tìm thấy|không rõ|không thể tiếp cận|không khớp|không nhận ra|không được|' +
  'does not support|unsuccessful|interrupted|abort*|is down|not known|no such host|no address|revoked|' +
  'does not match|in the future|missing|révoqué*|manquant*|thu hồi|thiếu|' +
  'not compiled|compiled without|built without|pas compilé*|activé à la compilation|non inclus|non compilé*|chưa biên dịch|' +
  'không được biên dịch|chưa được biên dịch|killed|tué|no space left|aucun espace|không đủ chỗ|' +
  'không đăng nhập được|không xác thực được|đặt lại|gián đoạn|không có đường dẫn|quá giờ|quá hạn|' +
  // As translators of other programs write them (session 7): « non valide », « inopinément », "quá lâu".
  'non valide*|pas valide*|inopinément|prématuré*|bất thình lình|quá lâu|đứt|' +
  // "The user name or password is incorrect", « … est incorrect », "… không chính xác".
  'incorrect*|erroné*|không đúng|không chính xác|ne parvien* pas|pas parvenu*|pas réussi*|' +
  'any supported|bất kỳ …4 được hỗ trợ|locked|verrouillé*|bị …3 khóa|pas pu|' +
  // "No authenticators available", « Pas d'authentificateurs disponibles ».
  'no …2 available|pas …2 disponible*|' +
  // A thing held by another program or written nowhere (session 8, vi8): in use, read-only, too young (a
  // certificate not yet valid), a disk full, "đang được (hệ thống) dùng", "chỉ (cho phép) đọc", "bị ngăn cản".
  'in use|utilisée par|utilisé par|đang được …5 dùng|đang được …5 sử dụng|không có …4 được hỗ trợ|đang bận|read-only|lecture seule|' +
  'bị vô hiệu hóa|bị vô hiệu hoá|account disabled|account is disabled|compte désactivé|chỉ đọc|chỉ …2 đọc|too young|trop récent|quá mới|đĩa đầy|disque plein|bị ngăn cản|không biết máy'
)
  .split('|')
  .map(compileTerm);
// A person's sentence about a problem ("I think my password is invalid"), or a web page's error, is no
// program's error message: the words of a mail program's own line do not speak in the first person.
const NOT_A_PROGRAM: readonly CompiledTerm[] =
  'web page|login page|website|browser|api|http|page web|navigateur|trang web'.split('|').map(compileTerm);
// The pronouns are compared with their accents: folded, the French "ma" and "me" would also be the Vietnamese
// "mà" (but) and "mẹ", and fetchmail's Vietnamese "… mà trình phục vụ đã từ chối …" would read as a person's.
const FIRST_PERSON = new Set('i|my|me|we|our|us|je|j|mon|ma|mes|nous|notre|tôi|mình'.split('|'));
// Not the "I" of "I/O".
const speaksInFirstPerson = (tokens: readonly Word[], text: string, sentences: ReadonlySet<number>) =>
  tokens.some(
    (t, i) =>
      sentences.has(t.sentence) &&
      FIRST_PERSON.has(text.slice(t.start, t.end).toLowerCase()) &&
      text[t.end] !== '/' &&
      !ownsReflexively(tokens, text, i),
  );
const said = (tokens: readonly Word[], text: string, i: number) =>
  text.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase();
/**
 * The Vietnamese "của mình" is "one's own": said to "bạn" (you) in the same sentence it is the reader's, no
 * first person ("Máy chủ cho biết bạn phải đăng nhập qua email trực tuyến của mình", a server's message).
 */
function ownsReflexively(tokens: readonly Word[], text: string, i: number): boolean {
  if (said(tokens, text, i) !== 'mình' || i === 0 || said(tokens, text, i - 1) !== 'của') return false;
  const sentence = tokens[i]!.sentence;
  return tokens.some((t, j) => t.sentence === sentence && said(tokens, text, j) === 'bạn');
}
// "key = value": a program's configuration dump, or code ("timeout=10"), not its error message.
const SETTING = /^\s*[\w .()-]{1,40}=|\w=\w/;

// What shows that a line comes from a mail program, not a person's sentence: a technical word, a host name or
// address, a program's prefix ("mpop: ", "curl: (7)"), an errno, an exception's class, a port or a file path.
const TECHNICAL_WORD: readonly CompiledTerm[] = (
  'pop|pop3|pop3s|imap|imaps|smtp|tls|ssl|starttls|stls|socket|tcp|dns|x509|certificate*|certificat*|' +
  'chứng chỉ|chứng nhận|chứng thư|sasl|apop|gssapi|ntlm|mda|mailbox|maildrop|mail|email|e-mail|courriel|' +
  'courrier|messagerie|thư điện tử|hộp thư|máy chủ thư|errno|port|protocol|protocole|giao thức|proxy|openssl|' +
  'gnutls|handshake|localhost|getaddrinfo|uidl|retr|dele|fetchmail|mpop|getmail|poplib|curl|file|fichier|tệp|' +
  // A login method, a webmail, a mail provider's name: a line that names one is about mail (session 8).
  "authentication method*|méthode* d'authentification|phương thức xác thực|webmail|gmail|yahoo|hotmail|icloud"
)
  .split('|')
  .map(compileTerm);
const ANCHOR_SHAPE =
  /^\s*[\w./-]{2,40}:\s|\[Errno \d+\]|[A-Za-z](?:Error|Exception)\b|\bport \d{2,5}\b|(?<=[a-z\]]):\d{2,5}\b|(?:^|\s)~?\/[\w.-]+\/|\b[a-z]:\\/i;

/** Whether a line shows it comes from a program (see TECHNICAL_WORD), not from a person's sentence. */
export function showsAProgram(line: string): boolean {
  const text = line.normalize('NFC');
  return anchored(words(text), text);
}

function anchored(tokens: readonly Word[], text: string): boolean {
  const head = text.slice(0, MAX_TEXT);
  return (
    ANCHOR_SHAPE.test(head) ||
    SHAPES['#hostname']!.test(head) ||
    TECHNICAL_WORD.some((t) => occurs(tokens, t))
  );
}

// A line of source code a traceback quotes, or a stack frame: no message.
// A comment ("# server log: …") is someone's note about the paste.
const CODE_LINE = /^\s*(?:return |raise |if |def |import |File "|at [\w$.<>]+\(|self\.|[\w.]+ = |# )/;

function saysFailure(tokens: readonly Word[], text: string, s: Score): boolean {
  if (CODE_LINE.test(text)) return false;
  // A program's own status in parentheses ("(errflg=2)") and a certificate's name ("/CN=pop.example.net")
  // are no setting.
  if (SETTING.test(text.replace(/\(\w{1,20}=\w{1,20}\)|\/?\b(?:CN|OU?|C|L|ST|DC)=[^/,\s]*/g, '')))
    return false;
  // An exception's class names its failure (ssl.SSLError, SocketTimeoutException).
  const exception = /[A-Za-z](?:Error|Exception)\b/.test(text);
  return (
    (s.outcome || exception || FAILURE_SIGNAL.some((t) => occurs(tokens, t))) &&
    !NOT_A_PROGRAM.some((t) => occurs(tokens, t)) &&
    !speaksInFirstPerson(tokens, text, s.sentences)
  );
}

/**
 * Where the cause begins: a program frames what it was doing and then says why it failed, after a colon
 * ("Cannot login to POP server pop.example.net: SASL Protocol error", « Échec : délai dépassé »). The words
 * after the last colon say more than the frame before it; a program's prefix ("mpop: ") frames nothing.
 */
function causeFrom(tokens: readonly Word[], text: string): number {
  const colon = text.slice(0, MAX_TEXT).search(/\s?:\s[^:]*$/);
  if (colon < 0) return tokens.length;
  const i = tokens.findIndex((t) => t.start > colon);
  return i < 0 ? tokens.length : i;
}
/** How much more a cue counts when every word it needs stands in the cause. */
const CAUSE_BONUS = 2;

/** The category whose cues rank highest (then the one with the longer cue). */
function bestOf(scores: ReadonlyMap<string, Score>): [string, Score] | undefined {
  let best: [string, Score] | undefined;
  for (const candidate of scores) {
    const [, s] = candidate;
    if (!best || s.rank > best[1].rank || (s.rank === best[1].rank && s.terms > best[1].terms))
      best = candidate;
  }
  return best;
}

// A program that fetches from several kinds of account names the account's protocol first ("IMAPS: Auth for
// user … failed!", Znuny's mail account): a line that says it is about an IMAP or SMTP account is not POP's.
const OTHER_PROTOCOL_PREFIX = /^\s*(?:imap4?s?|smtps?)\s*:\s/i;

/**
 * Reads the words of an error text that no entry explains. Pure and deterministic. `anchored`: the caller
 * knows the text is a program's message (an isolated message, fallback/isolated.ts), which a cue that needs
 * a program's line would otherwise ask its words to show.
 */
export function classifyByWords(
  input: string,
  kind: FallbackKind,
  options: { anchored?: boolean } = {},
): FallbackResult {
  // One form for every way of typing an accent: a Vietnamese word typed with combining marks ("khóa" as
  // o + U+0301) is one word, as its composed form is.
  const text = input.normalize('NFC');
  const tokens = words(text);
  // The deciding words are shown as written, apostrophes and hyphens included ("n'existe pas").
  const shownAt = (at: number, end: number) => text.slice(tokens[at]!.start, tokens[end - 1]!.end);
  if (tokens.length === 0 || OTHER_PROTOCOL_PREFIX.test(text)) return UNKNOWN;
  const scores = new Map<string, Score>();
  // A frame ("an error occurred with the server") decides only when nothing else is said.
  const frames = new Map<string, Score>();
  const cause = causeFrom(tokens, text);
  const head = text.slice(0, MAX_TEXT);
  const shapes = new Map<RegExp, boolean>();
  const hasShape = (shape: RegExp) => {
    let has = shapes.get(shape);
    if (has === undefined) shapes.set(shape, (has = shape.test(head)));
    return has;
  };
  let isAnchored: boolean | undefined = options.anchored ? true : undefined;
  const seen = new Map<CompiledTerm, readonly (readonly [number, number])[]>();
  const occurrences = (term: CompiledTerm) => {
    let at = seen.get(term);
    if (at === undefined) {
      at = findAll(tokens, term);
      seen.set(term, at);
    }
    return at;
  };
  const cues = lexicon();
  const tried = candidateCues(tokens);
  for (let i = 0; i < cues.length; i++) {
    if (!tried[i]) continue;
    const { cue, slots, unless } = cues[i]!;
    if (cue.for && cue.for !== kind) continue;
    // A server's reply is a POP reply already; a program's line must show it is one.
    if (cue.anchor && kind === 'client' && !(isAnchored ??= anchored(tokens, text))) continue;
    // Most cues name a word the text does not hold: skipped before anything is looked for.
    const present = mayOccur(tokens);
    if (!slots.every((slot) => slot.some((t) => (t.shape ? hasShape(t.shape) : present.has(t))))) continue;
    if (unless.some((t) => (t.shape ? hasShape(t.shape) : present.has(t) && occurs(tokens, t)))) continue;
    // Every slot must be said, best in one sentence: a thing named in one sentence and a state in another
    // ("… mots de passe chiffrés. … votre fournisseur.") make a weaker pair (a pronoun may join them: « Le
    // serveur pourrait ne pas la prendre en charge »).
    let common: Set<number> | undefined;
    let said = true;
    for (const slot of slots) {
      const here = new Set<number>();
      let shaped = false;
      for (const term of slot) {
        if (term.shape) shaped ||= hasShape(term.shape);
        else for (const [at] of occurrences(term)) here.add(tokens[at]!.sentence);
      }
      if (shaped) continue;
      if (here.size === 0) {
        said = false;
        break;
      }
      common = common ? new Set([...common].filter((n) => here.has(n))) : here;
    }
    if (!said) continue;
    const apart = common !== undefined && common.size === 0;
    const sentence = common && !apart ? Math.min(...common) : undefined;
    const hits: string[] = [];
    let first = tokens.length;
    let guessed = true;
    for (const slot of slots) {
      let hit: string | undefined;
      let hitAt = -1;
      for (const term of slot) {
        if (term.shape) {
          const m = term.shape.exec(text.slice(0, MAX_TEXT));
          if (m && (!hit || m[0].length > hit.length)) hit = m[0];
          continue;
        }
        // The longest alternative that matches says the most ("not allowed" rather than "not").
        for (const [at, end] of occurrences(term)) {
          if (sentence !== undefined && tokens[at]!.sentence !== sentence) continue;
          const shown = shownAt(at, end);
          if (!hit || shown.length > hit.length) {
            hit = shown;
            hitAt = at;
          }
          break;
        }
      }
      if (!hit) break;
      hits.push(hit);
      if (hitAt >= 0) {
        first = Math.min(first, hitAt);
        guessed &&= tokens[hitAt]!.hedged;
      }
    }
    if (hits.length !== slots.length) continue;
    const table = cue.frame ? frames : scores;
    const entry = table.get(cue.category) ?? {
      score: 0,
      terms: 0,
      words: new Set<string>(),
      outcome: false,
      rank: 0,
      inCause: false,
      sentences: new Set<number>(),
    };
    const weight = apart ? cue.weight / 2 : cue.weight;
    entry.score += weight;
    // A guess ranks below what the text says happened.
    entry.rank += guessed && first < tokens.length ? weight / 2 : weight;
    if (first >= cause && first < tokens.length) entry.inCause = true;
    entry.terms = Math.max(entry.terms, slots.length);
    entry.outcome ||= cue.outcome === true;
    for (const h of hits) entry.words.add(h);
    for (const n of common ?? []) entry.sentences.add(n);
    if (apart) for (const t of tokens) entry.sentences.add(t.sentence);
    table.set(cue.category, entry);
  }
  for (const s of [...scores.values(), ...frames.values()]) if (s.inCause) s.rank += CAUSE_BONUS;
  const decides = (s: Score) =>
    kind !== 'client' || (s.score >= CLIENT_MIN_SCORE && saysFailure(tokens, text, s));
  const best = bestOf(scores) ?? bestOf(frames);
  // A frame decides only when what else was said does not.
  const chosen = best && !decides(best[1]) && scores.has(best[0]) ? bestOf(frames) : best;
  if (!chosen || !decides(chosen[1])) return UNKNOWN;
  const [category, s] = chosen;
  // A word shown inside a longer phrase that decided too is said once ("Connection refused", not "Connection").
  const shown = [...s.words];
  const decidedBy = shown.filter(
    (w) => !shown.some((o) => o !== w && o.toLowerCase().includes(w.toLowerCase())),
  );
  return {
    category,
    confidence: s.score >= 5 ? 0.5 : s.score >= 3 ? 0.45 : 0.35,
    decidedBy,
    ...(chosen[1] === frames.get(category)
      ? { frame: (isAnchored ?? anchored(tokens, text)) ? ('named' as const) : ('bare' as const) }
      : {}),
  };
}
