/**
 * Finds the errors a chat message carries inside its prose: quoted in « », “ ”, „ “, "…", '…', ‘…’ or `…`,
 * after a marker ("Error:", "Erreur :", "Lỗi:", "báo:", "trả về:", "a répondu :", "responded:"), after the verb
 * of a sentence that reports it without quotes ("Outlook gives me Login failed every time", « la relève
 * s'arrête sur Auth for user … failed! alors que … », "dừng ở dòng … trong khi …"), on the
 * exception line of a stack trace, inside a fenced code block, or as a `-ERR` anywhere in a line. Every
 * candidate is returned with where it was found; the explainer decides which of them an entry explains.
 */
export type FoundHow = 'reply' | 'quote' | 'marker' | 'reported' | 'exception' | 'code-block' | 'inline-code';

export interface QuotedError {
  /** The error's text, without the quotes or marker around it. */
  text: string;
  /** 1-based line of the paste. */
  lineNumber: number;
  /** Where in that line the text starts and ends (UTF-16 offsets), to drop candidates another one contains. */
  start: number;
  end: number;
  how: FoundHow;
  /** The marker that introduced it ("a répondu", "báo"), for `marker`. */
  marker?: string;
}

const MIN_CHARS = 4;
const MAX_CHARS = 400;
/** Lines longer than this are read up to it: chat lines are short, and it bounds every pattern's work. */
const MAX_LINE = 4000;

// Opening and closing quote pairs. A straight single quote counts only between non-letters: "l'erreur" and
// "don't" hold apostrophes, not quotes.
// A quoted message may quote a name in turn (GNU programs write « pop://… » and “pop://…” inside their own
// messages): one level of the same quotes nests inside.
const QUOTES: readonly RegExp[] = [
  /«\s*((?:[^«»\n]|«[^«»\n]*»){4,400}?)\s*»/g,
  /“((?:[^“”\n]|“[^“”\n]*”){4,400}?)”/g,
  /„([^„“”\n]{4,400}?)[“”]/g,
  /‘([^‘’\n]{4,400}?)’/g,
  /"([^"\n]{4,400}?)"/g,
  /(?<![\p{L}\p{N}])'([^'\n]{4,400}?)'(?![\p{L}\p{N}])/gu,
  /`([^`\n]{4,400}?)`/g,
];

// "Error:", "Erreur :", "Lỗi:", "báo:", "trả về:", "a répondu :", "responded:"… with and without accents, since
// people type Vietnamese without them too. The marker ends at a colon; the error runs to the line's end.
const MARKER = new RegExp(
  String.raw`(?:^|[\s(\[>*_])(` +
    [
      'error',
      'err',
      'fehler',
      'erreur',
      'message d.erreur',
      'message',
      'exception',
      'failure',
      'échec',
      'echec',
      'lỗi',
      'loi',
      'báo lỗi',
      'bao loi',
      'thông báo',
      'thong bao',
      'báo',
      'bao',
      'trả về',
      'tra ve',
      'phản hồi',
      'phan hoi',
      'hiện',
      'hien',
      'hiển thị',
      'hien thi',
      'responded',
      'replied',
      'response',
      'reply',
      'returned',
      'returns',
      'says',
      'said',
      'shows',
      'output',
      'a répondu',
      'a repondu',
      'répond',
      'repond',
      'réponse',
      'reponse',
      'a renvoyé',
      'a renvoye',
      'renvoie',
      'dit',
      'affiche',
    ].join('|') +
    String.raw`)\s*[:：]\s*(.+)$`,
  'iu',
);

// An error reported in a sentence of the asker's, unquoted: the verb that reports it, then the error up to the
// words that go on with the sentence ("every time", « alors que », "trong khi") or its end. The verbs are the
// ones that take what a program showed as their object; "I have" or "it is" take anything.
const REPORTED_VERB = new RegExp(
  String.raw`(?:^|[\s(])(` +
    [
      String.raw`gives? me`,
      String.raw`gave me`,
      String.raw`giving me`,
      String.raw`I (?:get|got|keep getting|am getting|'m getting|’m getting|receive|received)`,
      // Not "returns" or "reported": programs write those in their own messages ("server returned an
      // invalid response to the STAT command").
      String.raw`(?:keeps? |kept )?(?:showing|throwing|displaying)`,
      // "throw" too: "GetMessage throw Download Exceed" (an issue title in the English of a non-native writer).
      String.raw`(?:shows|throws?|displays|threw|displayed)`,
      String.raw`fails? with|failed with|failing with|dies with|died with|stops? (?:at|on|with)|stopped (?:at|on|with)`,
      String.raw`j['’]obtiens|j['’]ai (?:l['’]erreur|le message|eu l['’]erreur)|m['’]affiche|me renvoie|s['’]arrête sur|s['’]arrete sur|plante avec|échoue avec|echoue avec|se termine par|tombe sur`,
      // Without their accents "bao", "hien" and "tra ve" are other words too ("bao giờ"): accented only.
      String.raw`báo lỗi|bao loi|báo|hiện lỗi|hien loi|hiện|hiển thị|trả về|ra lỗi|ra loi|dừng ở dòng|dung o dong|dừng ở|dung o|bị lỗi|bi loi`,
    ].join('|') +
    String.raw`)\s+(?:(?:the|an?|this|that) (?:error|message)(?: of)?\s+|(?:l['’]erreur|le message)\s+)?`,
  'iu',
);
// Where the reported error ends: the words that go on with the sentence, or its end.
const REPORTED_END = new RegExp(
  String.raw`\s+(?:` +
    [
      'every time',
      'each time',
      'whenever',
      'when',
      'while',
      'after',
      'since',
      'but',
      'because',
      'although',
      String.raw`on (?:my|the|every|each)`,
      String.raw`in (?:my|the)`,
      String.raw`and (?:then|I|it|now)`,
      'à chaque',
      'a chaque',
      'quand',
      'lorsque',
      'alors que',
      'depuis',
      'mais',
      'dès que',
      'des que',
      'pendant que',
      'mỗi lần',
      'moi lan',
      'mỗi khi',
      'moi khi',
      'trong khi',
      'trong khi',
      'khi',
      'lúc',
      'luc',
      'từ khi',
      'tu khi',
      'nhưng',
      'nhung',
    ].join('|') +
    String.raw`)(?=\s|$)`,
  'iu',
);
// The end of the sentence: a stop before a capital (case counts: no i flag), or a comma before a question.
const SENTENCE_END =
  /[.?!;](?=\s+\p{Lu}|\s*$)|,\s+(?=(?:what|how|any|please|can|could|help|que|comment|quelqu|une idée|làm sao|ai|có ai|phải)(?![\p{L}\p{N}]))/u;

// The exception line of a stack trace: Java, .NET, Python, PHP, Node ("poplib.error_proto: b'-ERR …'",
// "javax.mail.AuthenticationFailedException: [AUTH] …", "MailKit.Security.AuthenticationException: …"). A
// class of a module of errors counts whatever its name ends with: Twisted's
// "twisted.mail._except.ServerErrorResponse: b'…'" (the server's line, its status taken off) and
// "twisted.internet.error.ConnectionDone: …".
const EXCEPTION =
  /^\s*(?:Caused by:\s*|Uncaught\s+|Unhandled exception\.\s*)?((?:[A-Za-z_$][\w$]*\.)*(?:[A-Za-z_$][\w$]*(?:Exception|Error|ErrorResponse|error_proto|error)|(?:error|errors|exceptions|_except)\.[A-Z]\w*))(?:\s*\(0x[0-9A-Fa-f]+\)|\s*\(\d+\))?\s*:\s*(.+)$/;
const PHP_WARNING = /^\s*(?:PHP\s+)?(?:Warning|Notice|Fatal error):\s*(.+?)(?:\s+in\s+\S+\s+on line\s+\d+)?$/;
// A reply runs to the end of the line, or to the quote that closes it ("… “-ERR x” every morning").
const ERR_ANYWHERE = /(?:^|[^\w+-])(-ERR(?![a-z])[^\n"”»’]*)/i;
const FENCE = /^\s*(```|~~~)/;

function trimmed(text: string): string {
  return text
    .trim()
    .replace(/^b?['"`«“„‘\s]+/, '')
    .replace(/(?:\\r\\n|\\r|\\n)?['"`»”’\s]+$/, '')
    .replace(/[\s,;]+$/, '');
}

function push(
  out: QuotedError[],
  raw: string,
  lineNumber: number,
  start: number,
  how: FoundHow,
  marker?: string,
): void {
  const text = trimmed(raw);
  if (text.length < MIN_CHARS || text.length > MAX_CHARS || !/\p{L}/u.test(text)) return;
  const at = start + Math.max(0, raw.indexOf(text));
  const found: QuotedError = { text, lineNumber, start: at, end: at + text.length, how };
  if (marker) found.marker = marker;
  out.push(found);
}

function scanLine(line: string, lineNumber: number, out: QuotedError[]): void {
  const err = ERR_ANYWHERE.exec(line);
  if (err?.[1]) push(out, err[1], lineNumber, err.index + err[0].length - err[1].length, 'reply');
  for (const re of QUOTES) {
    for (const m of line.matchAll(re)) {
      const how: FoundHow = m[0].startsWith('`') ? 'inline-code' : 'quote';
      push(out, m[1] ?? '', lineNumber, (m.index ?? 0) + m[0].indexOf(m[1] ?? ''), how);
    }
  }
  const exception = EXCEPTION.exec(line) ?? PHP_WARNING.exec(line);
  if (exception) {
    const message = exception[2] ?? exception[1] ?? '';
    push(out, message, lineNumber, line.lastIndexOf(message), 'exception');
  }
  const marker = MARKER.exec(line);
  if (marker?.[2] && !exception) {
    push(out, marker[2], lineNumber, line.length - marker[2].length, 'marker', marker[1]?.toLowerCase());
  }
  const reported = marker || exception ? null : REPORTED_VERB.exec(line);
  // A verb inside a quote is the quoted message's, not the asker's.
  const quoted = (at: number) =>
    out.some((q) => q.lineNumber === lineNumber && q.how === 'quote' && q.start <= at && at < q.end);
  if (reported && !quoted(reported.index + 1)) {
    const from = reported.index + reported[0].length;
    const rest = line.slice(from);
    const ends = [REPORTED_END.exec(rest)?.index, SENTENCE_END.exec(rest)?.index].filter(
      (i): i is number => i !== undefined,
    );
    const error = ends.length > 0 ? rest.slice(0, Math.min(...ends)) : rest;
    push(out, error, lineNumber, from, 'reported', reported[1]?.toLowerCase());
  }
}

/** Keeps one candidate per text, the most specific first: replies, then the shortest. */
function ordered(found: QuotedError[]): QuotedError[] {
  const seen = new Set<string>();
  const unique = found.filter((f) => {
    const key = `${f.lineNumber}:${f.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (f: QuotedError) => (/^-ERR\b/i.test(f.text) ? 0 : 1);
  return unique.sort(
    (a, b) => a.lineNumber - b.lineNumber || rank(a) - rank(b) || a.text.length - b.text.length,
  );
}

/** Every error-looking text inside a message's prose, code blocks and stack traces. Pure. */
export function findQuotedErrors(text: string): QuotedError[] {
  const out: QuotedError[] = [];
  let inFence = false;
  text.split(/\r\n|\r|\n/).forEach((full, i) => {
    const line = full.length > MAX_LINE ? full.slice(0, MAX_LINE) : full;
    if (FENCE.test(line)) {
      inFence = !inFence;
      // "```-ERR …```" on one line is a code span, not a fence.
      const inline = /^\s*```(.+?)```\s*$/.exec(line);
      if (inline?.[1]) {
        inFence = false;
        push(out, inline[1], i + 1, line.indexOf(inline[1]), 'code-block');
      }
      return;
    }
    if (inFence) {
      push(out, line, i + 1, 0, 'code-block');
      // A stack trace or a transcript inside the block holds its own quoted or marked errors.
    }
    scanLine(line, i + 1, out);
  });
  return ordered(out);
}
