import { SCENARIOS } from './scenarios.js';

/**
 * One category per captured text, by the rule of the earlier rounds: the category of what the text can show.
 * The scenario proposes its category; a text that shows less (a bare timeout where the scenario was a plain
 * connection to the TLS port, "Authentication failed" where the server's reply named a limit) or something
 * else (an "unexpected response" where the scenario was another protocol's greeting) gets what it shows.
 * Written from the outputs before popbot ran on them.
 */

export interface LabelInput {
  scenario: string;
  tool: string;
  text: string;
  exitCode: number | null;
}

/** What each rule looks for, in the outputs these libraries print. */
const SIGNS = {
  timeout: /ReadTimeout|Read timed out|Error: timeout\b|timed out|getline\(\): timeout/i,
  connectionBroken: /connection broken in response/i,
  /** The library names no cause at all: PHP's empty imap_last_error, Net::POP3's empty $@. */
  noCause: /Cannot connect to the mailbox: ?$|Cannot connect to 127\.0\.0\.\d+: {2}at /m,
  bareAuthFailure:
    /cannot open: Authentication failed|impossible d'ouvrir : L'authentification a échoué|không thể mở: Lỗi xác thực|Can't login to this server/,
  unexpectedReply:
    /Unexpected response$|Error: Unexpected response|Invalid reply from the remote host|Réponse invalide de l'hôte distant|trả lời từ máy chủ không phải hợp lệ/m,
  /** yapople cuts a reply that lacks the +OK/-ERR sign at a fixed offset: what remains says nothing. */
  truncatedReply: /^Error: gged in\./m,
  garbledShown: /OK Logged in\./,
  /** NeoMutt found no login method it may use (Dovecot hides USER and PLAIN on a connection it deems insecure). */
  noAuthenticator: /No authenticators available|Pas d'authentificateurs disponibles/,
  /** A progress note ("Connecting to 127.0.0.1...", « Connexion... »). */
  progress: /(?:\.\.\.|…)$/,
} as const;

const expectedOf = (scenario: string) => SCENARIOS.find((s) => s.id === scenario)?.expected;

export function labelOf({ scenario, tool, text, exitCode }: LabelInput): string | 'drop' | undefined {
  // A run that ended well did not meet the scenario (movemail does not check certificates; Jakarta Mail's
  // getUID gives null where UIDL is refused).
  if (exitCode === 0 && !tool.startsWith('php')) return 'drop';
  if (tool.startsWith('php') && !/Warning|Notice|Cannot connect/.test(text)) return 'drop';
  const expected = expectedOf(scenario);
  if (!expected) return undefined;
  // A terminal program stopped on its progress notes (killed while connecting or waiting): no error shown.
  if (text.split('\n').every((l) => l.trim() === '' || SIGNS.progress.test(l.trim()))) return 'drop';
  if (SIGNS.noAuthenticator.test(text)) return 'auth.mechanism';
  // A timeout shows only that nothing came back in time, whatever kept the server silent (a TLS port waiting
  // for a handshake, a lock held longer than the library waits), unless the server's reply is shown too.
  const replyShown = /-ERR|<<< |POP3 <- /.test(text);
  if (SIGNS.timeout.test(text) && !replyShown) return 'connect.timeout';
  if (SIGNS.connectionBroken.test(text) && !replyShown) return 'connect.reset';
  if (SIGNS.truncatedReply.test(text)) return 'unknown';
  if (SIGNS.noCause.test(text) && !replyShown) return 'unknown';
  if (SIGNS.bareAuthFailure.test(text)) return 'auth.failed';
  if (scenario === 'fake/garbled-reply' && SIGNS.garbledShown.test(text)) return 'server.protocol-error';
  // "Unexpected response" / "Invalid reply" without the reply: the server said something that is not POP.
  if (SIGNS.unexpectedReply.test(text) && !/\* OK|220 /.test(text)) return 'server.protocol-error';
  return expected;
}
