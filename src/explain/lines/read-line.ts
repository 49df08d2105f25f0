import type { ServerLogRecogniser } from '../extensions.js';
import { lineShape, stripLogPrefix } from '../line-shape.js';
import { parseCommand } from './command-line.js';
import { foreignCommand } from './foreign-command.js';
import type { LineKind, ReadContext } from './line-kind.js';
import {
  embeddedBrokenStatus,
  embeddedError,
  OTHER_PROTOCOL,
  quotedByMessage,
  quotedGreeting,
  quotedReplyKind,
} from './quoted.js';
import { saslErrorReport } from './sasl-error.js';
import { statusLineMessage } from './status-line.js';

/**
 * The line reader: says what one pasted line is, from the line and what the session machine knows so far
 * (whether a multi-line answer or a SASL exchange is running, whether a reply is due). Pure.
 */

// Status lines: +OK / -ERR, the seed article's machine-translated "-SE TROMPER" and "+ Ok".
const STATUS = /^["'`(\s]*(\+\s?ok|-\s?err(?:eur|or)?|-se tromper)(?![a-z])[\s:]*(.*)$/i;
const OK_STATUS = /^\+\s?ok\b/i;
const SASL_CHALLENGE = /^\+(?:\s|$)/;

const SASL_ANSWER = /^[A-Za-z0-9+/=*]+$/;
const BROKEN_STATUS = /^(?:\+err|-ok)\b/i;
const CONNECTION = /^(?:Connected to |CONNECTED\(|\* Connected to |Trying \S+\.\.\.|\*\s+Trying )/;
// A tool's note that the connection is encrypted: curl -v, openssl s_client, fetchmail -v, mpop -d.
const TLS_ON =
  /^(?:\*\s*|[\w-]{1,20}: )?(?:SSL connection using |SSL handshake has read |New, TLSv1|TLS session parameters|fetchmail: SSL\/TLS: using protocol )/;
// A tool about to connect (Thunderbird, openssl s_client; Sylpheed and Claws Mail in their three languages:
// "Connecting to POP3 server: …", « Connexion au serveur POP3 : … », "Đang kết nối tới máy chủ POP3: …"), and the
// implicit-TLS port (RFC 8314 §3.1) it names.
const CONNECTING =
  /(?:^|\] )Connecting to server \S|^\$ openssl s_client |\bConnecting to POP3? server\b|\bConnexion au serveur POP3? ?: |(?:^|\s)Đang kết nối (?:tới|đến) máy chủ POP3?\b/;
const IMPLICIT_TLS_PORT = /(?::995\b|\bport 995\b)/;
const HAS_LETTER = /[a-z]/i;
// A proxy's or a script's byte log writes each line as Python's bytes repr: `--> b'USER alice\r\n'`.
const BYTES_REPR = /^b(['"])(.*)\1$/;
const REPR_LINE_END = /(?:\\r)?\\n$|\\r$/;
const ESCAPED_QUOTE = /\\'/g;
// curl -v marks the server's line with "< " even when it is no POP reply (`< 220 … ESMTP`).
const CURL_SERVER_MARKER = /^<\s?/;

// Screens in front of the patterns above, which run on every line that is no message data: a call into the
// engine costs more than a few substring searches of a short line. Each holds wherever its pattern matches.
/** `CONNECTION` starts with `C`, `*` or `T`; every branch of `CONNECTING` holds `Conne`, opens with `$` or holds `Đang`. */
function mayConnect(content: string): boolean {
  const first = content.charCodeAt(0);
  return (
    first === 0x43 ||
    first === 0x2a ||
    first === 0x54 ||
    first === 0x24 ||
    content.includes('Conne') ||
    content.includes('Đang')
  );
}

function unreprBytes(text: string): string {
  // Only a line that starts with the repr's `b` can be one (most lines do not: no search).
  const m = text.startsWith('b') ? BYTES_REPR.exec(text) : null;
  if (!m) return text;
  return (m[2] ?? '').replace(REPR_LINE_END, '').replace(ESCAPED_QUOTE, "'");
}

export interface ReadOptions {
  serverLog: readonly ServerLogRecogniser[];
}

export function readLine(rawLine: string, context: ReadContext, options: ReadOptions): LineKind {
  const shape = lineShape(rawLine);
  const content = shape.explicit ? unreprBytes(shape.content) : shape.content;
  if (context.dataFor !== undefined) {
    // The data of a multi-line answer runs to a lone "."; a labelled client line or (outside a message,
    // which may quote anything) a status line shows that the "." was left out of the paste.
    const endsData =
      content === '.' ||
      (shape.explicit && shape.role === 'client') ||
      (context.dataFor !== 'RETR' && context.dataFor !== 'TOP' && STATUS.test(content));
    if (!endsData) return { kind: 'data', content, end: false };
    if (content === '.') return { kind: 'data', content, end: true };
  }

  // A terminal program's status line (`[>…<]`): its message is read as a line of its own, the reply it quotes
  // as a quoted reply (a log prefix's `[…]` would otherwise take the whole message away).
  const statusLine = statusLineMessage(rawLine.trim());
  if (statusLine?.kind === 'reply') {
    return {
      kind: 'quoted-reply',
      text: statusLine.text,
      via: 'message',
      ...(statusLine.login ? { about: 'PASS' as const } : {}),
    };
  }
  if (statusLine) return readLine(statusLine.text, context, options);

  if (mayConnect(content) && (CONNECTION.test(content) || CONNECTING.test(content))) {
    return { kind: 'connection', tls: IMPLICIT_TLS_PORT.test(content) };
  }
  if ((content.includes('SSL') || content.includes('TLS')) && TLS_ON.test(content))
    return { kind: 'connection', tls: true };

  const status = STATUS.exec(content);
  // Inside a SASL exchange, "+ " starts the server's next challenge, not an OK.
  const challenge =
    content.charCodeAt(0) === 0x2b && SASL_CHALLENGE.test(content) && !OK_STATUS.test(content);
  if (status && !(context.saslAnswerDue && challenge)) {
    return { kind: 'status', ok: (status[1] ?? '').startsWith('+'), text: status[2] ?? '' };
  }
  if (challenge && context.authPending) {
    // A challenge that is an error report (RFC 7628 §3.2.2) is the server's refusal of the token.
    const refusal = saslErrorReport(content);
    if (refusal !== undefined) return { kind: 'status', ok: false, text: refusal };
    return { kind: 'sasl', from: 'server', content };
  }
  if (context.saslAnswerDue && shape.role !== 'server' && SASL_ANSWER.test(content)) {
    return { kind: 'sasl', from: 'client', content };
  }

  if (shape.role !== 'server') {
    // Another protocol's command (an IMAP library's `a1 LOGIN`, curl's STARTTLS): the reply answers it.
    const foreign =
      shape.role === 'client'
        ? foreignCommand(content)
        : foreignCommand(stripLogPrefix(rawLine.trim()), true);
    if (foreign) return { kind: 'command', ...foreign, content };
    const command = parseCommand(content, shape.explicit && shape.role === 'client');
    if (command) return { kind: 'command', verb: command.verb, args: command.args, content };
  }

  const brokenQuoted = embeddedBrokenStatus(content);
  if (brokenQuoted !== undefined && !content.startsWith('+ERR'))
    return { kind: 'server-text', text: brokenQuoted, quoted: true };
  const embedded = embeddedError(content);
  if (embedded !== undefined) return { kind: 'quoted-reply', text: embedded, via: 'embedded' };

  for (const recognise of options.serverLog) {
    const log = recognise(rawLine.trim());
    if (log) return { kind: 'server-log', text: content, log };
  }

  const quoted = quotedByMessage(content);
  if (quoted) return quotedReplyKind(quoted);

  const replyDue =
    context.commandWaiting || (context.beforeFirstReply && (context.connected || shape.explicit));
  const broken = BROKEN_STATUS.test(content);
  if (content !== '' && shape.role === 'server' && shape.explicit && (replyDue || broken)) {
    return { kind: 'server-text', text: content };
  }
  // Unlabelled lines (telnet, openssl s_client) hold much noise: only a reply with a broken status indicator,
  // or another protocol's greeting as the first reply, is taken for the server's answer.
  if (shape.role === 'unknown') {
    if (broken) return { kind: 'server-text', text: content };
    // An IMAP "* OK" loses its star to curl's marker rule: the whole line is looked at too.
    const whole = rawLine.trim();
    const marked = CURL_SERVER_MARKER.test(content) ? content.replace(CURL_SERVER_MARKER, '') : undefined;
    const other = [content, marked, whole].find((t) => t !== undefined && OTHER_PROTOCOL.test(t));
    if (context.beforeFirstReply && other !== undefined) {
      return { kind: 'other-protocol', text: other, quoted: false };
    }
  }
  const greeting = quotedGreeting(content);
  if (greeting !== undefined) return { kind: 'other-protocol', text: greeting, quoted: true };
  if (content.length >= 4 && HAS_LETTER.test(content)) return { kind: 'client-message', text: content };
  return { kind: 'prose' };
}
