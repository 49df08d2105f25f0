import type { LabelInput } from '../libraries-live/labels.js';
import { TWISTED_SCENARIOS } from './scenarios.js';

/**
 * One category per captured text, by the rule of the earlier rounds: the category of what the text can show.
 * The scenario proposes its category; a program that says only that the login failed, where Twisted's reply
 * named a storage fault (Mailutils' "Authentication failed" after "-ERR Server error: …"), gets what it says.
 * Written from the outputs before popbot ran on them.
 */

const SIGNS = {
  /** What Mailutils and Twisted's client call a refused login, in the three languages Mailutils speaks. */
  loginFailed: /Authentication failed|L.authentification a échoué|Lỗi xác thực/,
  /** The server's reply shown beside it, other than the refusal itself. */
  otherReply: /-ERR (?!Authentication failed)\S|Cannot log in: (?!Authentication failed)\S/,
  /** Twisted's client: the server did not offer STLS (its CAPA). */
  noTls: /TLSNotSupportedError|does not support secure communication/,
} as const;

export function labelOf({ scenario, text }: LabelInput): string | 'drop' | undefined {
  const expected = TWISTED_SCENARIOS.find((s) => s.id === scenario)?.expected;
  if (!expected) return undefined;
  if (SIGNS.noTls.test(text)) return 'tls.unavailable';
  if (SIGNS.loginFailed.test(text) && !SIGNS.otherReply.test(text)) return 'auth.failed';
  return expected;
}
