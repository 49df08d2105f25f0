import type { LabelInput } from '../libraries-live/labels.js';
import { SCENARIOS } from '../libraries-live/scenarios.js';

/**
 * One category per captured text, by the rule of the earlier rounds: the category of what the text can show.
 * The scenario proposes its category; a text that shows less (a bare "Server login failure" where the server's
 * reply named a lock, a timeout where the scenario was a plain connection to the TLS port) or something else
 * gets what it shows. Written from the outputs before popbot ran on them.
 */

const SIGNS = {
  /** Any sign that the run failed; fdm and the poplib demo exit 0 whatever happened. */
  failure:
    /error|failed|failure|unable to|can'?t |cannot |can not |unexpected|refused|timed out|SECURITY PROBLEM|WARNING|No message \d|no reply in|aborted|connection closed|broken|^\[>\[[A-Z/-]+\] /im,
  /** fdm delivered mail: its trace's "parent: child N socket error" lines are its own pipes closing. */
  delivered: /^home: [1-9]\d* messages? processed/m,
  /** The server's own words are in the text: its reply quoted, or the protocol trace. */
  replyShown:
    /-ERR|^< |Debugging: Read: |Server: '|unexpected data: |Retrying \w+ authentication after |^\[>\[[A-Z/-]+\] |^\[>(?:OK \[CAPABILITY|mx\.example\.com ESMTP)/m,
  timeout: /timed out/i,
  connectionBroken: /connection closed$|connection broken in response|Cannot read POP3 from socket/m,
  /** The program says only that the login did not work. */
  bareLoginFailure:
    /Server login failure|Could not authenticate using any login method|LOGIN\/PASS failed|Can't login to this server/,
  notPop: /does not seem to be talking POP3/,
  otherGreeting: /\* OK \[CAPABILITY|^Server: '220 |ESMTP Postfix/m,
  /** The poplib demo asks TOP for message 123123 whatever it is told: it shows only a number past the list. */
  topPastList: /^TOP failed for msgnumber \d+$/m,
  /** mailfilter says which command failed, not why. */
  commandOnly: /Error occurred while sending (?:TOP|RETR|LIST|UIDL) to server\./,
  /** The poplib demo after a login it took for a success: a later command refused, no reply shown. */
  laterRefusal: /^(?:STAT|LIST|NOOP|CAPA) failed$/m,
} as const;

const expectedOf = (scenario: string) => SCENARIOS.find((s) => s.id === scenario)?.expected;

/** Batch 2's programs (capture-2.json); `-debug` is their protocol trace. */
const BATCH_2 = new Set(['mutt', 'nmh', 'nmh-sasl', 'nmh-debug', 'nmh-sasl-debug', 'emacs', 'mailcheck']);

/** What batch 2's programs print, in the three languages where they speak them (Mutt's catalogue, glibc, GnuTLS). */
const SIGNS_2 = {
  failure:
    /error|erreur|failed|échoué|failure|unable|impossible|cannot|can't|refused|refusée|từ chối|closed|fermée?|timed out|not running|died|incorrect|invalid|unexpected|does not support|wrong-type-argument|gnutls|\(r\)eject|\(r\)ejeter|^inc: (?!Incorporating)/im,
  /** The server's own words: its reply quoted after the command (Mutt's "Login failed. PASS: …"), or traced. */
  // (-ERR as a reply: Emacs's backtrace also prints pop3.el's patterns, "^\\(-ERR\\|+OK\\)".)
  replyShown: /-ERR(?:\s|$)|^<= |\b(?:USER|PASS|AUTH|RETR|LIST|STAT|UIDL|CAPA): |Server said |^\+OK/m,
  /** Mutt asks about a certificate it could not verify: the page of that certificate. */
  certificateQuestion: /^\(r\)eject, accept \(o\)nce|^\(r\)ejeter, accepter \(u\)ne fois/m,
  timeout: /timed out|expiré|hết thời gian/i,
  /** The connection went away: Mutt's "Connection to … closed", Emacs's process gone, nmh's read at EOF. */
  connectionBroken:
    /Connection to \S+ closed|Connexion à \S+ fermée|Server closed connection|Le serveur a fermé la connexion|Process POP not running|pop3 process died|pop3 server closed the connection|connection closed by (?:foreign host|peer)|premature end|end of file|EOF/i,
  /** Emacs's own Lisp error about a value it did not get, or an error with no text: no cause shown. */
  noCause: /wrong-type-argument (?:processp|stringp) nil|Lisp error: \(error "\\15\\n"\)/,
  /** mailcheck calls any refusal of USER an invalid user name; the text says the name was refused. */
  userRefused: /Invalid User Name '/,
  /** nmh -sasl: the server offers no SASL mechanism it can use. */
  noMechanism: /POP server does not support SASL|no mechanism available/,
  /** A greeting of another protocol shown. */
  otherGreeting: /\* OK \[CAPABILITY|ESMTP Postfix|^<= 220 |^<= \* OK/m,
  /** Only progress notes ("Connecting to 127.0.0.1...", « Connexion à 127.0.0.1... »). */
  progress: /(?:\.\.\.|…)$/,
} as const;

function labelBatch2(expected: string, text: string): string | 'drop' {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.every((l) => SIGNS_2.progress.test(l.trim()))) return 'drop';
  if (SIGNS_2.otherGreeting.test(text)) return 'connect.wrong-service';
  if (SIGNS_2.certificateQuestion.test(text)) return 'tls.certificate';
  if (!SIGNS_2.failure.test(text)) return 'drop';
  const replyShown = SIGNS_2.replyShown.test(text);
  // No SASL offered: a trace whose CAPA offers STLS shows the login waiting for TLS; otherwise no mechanism.
  if (SIGNS_2.noMechanism.test(text) && !/-ERR(?:\s|$)/.test(text))
    return /^<= STLS$/m.test(text) ? 'tls.required' : 'auth.mechanism';
  if (SIGNS_2.timeout.test(text) && !replyShown) return 'connect.timeout';
  if (SIGNS_2.connectionBroken.test(text) && !replyShown) return 'connect.reset';
  if (SIGNS_2.noCause.test(text) && !replyShown) return 'unknown';
  if (SIGNS_2.userRefused.test(text) && !replyShown) return 'auth.unknown-user';
  return expected;
}

/** Batch 3's programs (capture-3.json): GNU Mailutils' frm, from, mail, readmsg, and Twisted's POP3 client. */
const BATCH_3 = new Set(['frm', 'frm-debug', 'from', 'mail', 'readmsg', 'twisted']);

/** What batch 3's programs print: Mailutils in English, French and Vietnamese (its catalogue), Twisted in English. */
const SIGNS_3 = {
  failure:
    /could not open mailbox|cannot open mailbox|impossible d.ouvrir|không thể mở hộp thư|mu_mailbox_get_message|cannot get|impossible d.obtenir|không thể lấy|encountered error/i,
  /** The server's own words: a reply in Mailutils' trace (`S: `, not +OK) or in Twisted's ServerErrorResponse. */
  replyShown: /^\w+: S: (?!\+OK)\S|ServerErrorResponse: b'/m,
  otherGreeting: /^\w+: S: (?:220 |\* OK)/m,
  /** Mailutils' trace: PASS sent and no reply before the failure. */
  noReplyToPass: /^\w+: C: PASS .*\n\w+: (?:could not|cannot) open mailbox/im,
  /** Mailutils' trace: nothing received at all before its "Invalid reply". */
  nothingReceived: /^(?![\s\S]*^\w+: S: )[\s\S]*Invalid reply from the remote host/m,
  /** Mailutils: what it calls a refused login (USER, PASS or the greeting's APOP), whatever the reply said. */
  bareLoginFailure: /Authentication failed|L.authentification a échoué|Lỗi xác thực/,
  /** Mailutils: a reply it could not read (another protocol's greeting, a connection closed before any). */
  invalidReply:
    /Invalid reply from the remote host|Réponse invalide de l.hôte distant|trả lời từ máy chủ không phải hợp lệ/,
  connectionBroken: /ConnectionLost|ConnectionDone|Connection was closed cleanly/,
  timeout: /TimeoutError|User timeout caused connection failure/,
  notFound: /Requested item not found|Élément demandé non trouvé|Không tìm thấy mục đã yêu cầu/,
} as const;

function labelBatch3(expected: string, text: string): string | 'drop' {
  if (!SIGNS_3.failure.test(text)) return 'drop';
  if (SIGNS_3.otherGreeting.test(text)) return 'connect.wrong-service';
  if (SIGNS_3.replyShown.test(text)) return expected;
  if (SIGNS_3.noReplyToPass.test(text)) return 'connect.reset';
  if (SIGNS_3.invalidReply.test(text))
    return SIGNS_3.nothingReceived.test(text) && /: C: |Reading user ticket/.test(text)
      ? 'connect.reset'
      : 'server.protocol-error';
  if (SIGNS_3.bareLoginFailure.test(text)) return 'auth.failed';
  if (SIGNS_3.connectionBroken.test(text)) return 'connect.reset';
  if (SIGNS_3.timeout.test(text)) return 'connect.timeout';
  if (SIGNS_3.notFound.test(text)) return 'message.not-found';
  return expected;
}

export function labelOf({ scenario, tool, text }: LabelInput): string | 'drop' | undefined {
  const expected = expectedOf(scenario);
  if (!expected) return undefined;
  if (BATCH_2.has(tool)) return labelBatch2(expected, text);
  if (BATCH_3.has(tool)) return labelBatch3(expected, text);
  const replyShown = SIGNS.replyShown.test(text);
  if (SIGNS.otherGreeting.test(text)) return 'connect.wrong-service';
  // A run that shows no failure did not meet the scenario (fdm does not check certificates unless told; a
  // program still connecting when it was stopped; Mail::Box without UIDL).
  if (!SIGNS.failure.test(text) || (SIGNS.delivered.test(text) && !/fetching error/.test(text)))
    return 'drop';
  if (SIGNS.timeout.test(text) && !replyShown) return 'connect.timeout';
  if (SIGNS.connectionBroken.test(text) && !replyShown) return 'connect.reset';
  if (SIGNS.notPop.test(text)) return 'connect.wrong-service';
  if (SIGNS.bareLoginFailure.test(text) && !replyShown) return 'auth.failed';
  if (SIGNS.topPastList.test(text) && !replyShown) return 'message.not-found';
  if ((SIGNS.commandOnly.test(text) || SIGNS.laterRefusal.test(text)) && !replyShown) return 'unknown';
  return expected;
}
