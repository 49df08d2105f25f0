import { loginHiddenUntilTls, type RuleFacts, type RuleId } from './session-rules.js';
import type { SessionView } from '../session/session-view.js';

/**
 * Reasoning rules over a client's own message, not a server reply: what the client says it could not do,
 * read against what the session shows. curl's "No known authentication mechanisms supported" is a missing
 * mechanism in general, but before TLS, against a CAPA that offers STLS and no login method at all, it is the
 * server waiting for encryption (RFC 2595 §4). Each rule's "because" line is in the `rules` catalogue.
 */

export interface ClientLineRuleInput {
  session: SessionView;
  /** The category the client message's wording was given by its entry. */
  wording: string;
}

export interface ClientLineRule {
  id: Extract<RuleId, 'no-login-method-before-tls' | 'client-timeout-awaiting-reply'>;
  category: string;
  entry: string;
  references: readonly { rfc: number; section: string }[];
  test(input: ClientLineRuleInput): RuleFacts | undefined;
}

export const CLIENT_LINE_RULES: readonly ClientLineRule[] = [
  {
    id: 'no-login-method-before-tls',
    category: 'tls.required',
    entry: 'tls-required-to-log-in',
    references: [
      { rfc: 2595, section: '4' },
      { rfc: 2449, section: '6.3' },
    ],
    test: ({ session, wording }) => {
      const capa = session.capa.beforeTls;
      if (wording !== 'auth.mechanism' || session.tls || !capa || !loginHiddenUntilTls(capa))
        return undefined;
      return { line: capa.lineNumber };
    },
  },
  {
    // The client gave up waiting while a command it sent had no reply: the server did not answer in time
    // (RFC 1939 §3: every command gets a reply), not a server ending an idle session.
    id: 'client-timeout-awaiting-reply',
    category: 'connect.timeout',
    entry: 'claws-session-timed-out',
    references: [{ rfc: 1939, section: '3' }],
    test: ({ session, wording }) => (wording === 'session.timeout' && session.awaitingReply ? {} : undefined),
  },
];

export function applyClientLineRules(
  input: ClientLineRuleInput,
): { rule: ClientLineRule; facts: RuleFacts } | undefined {
  for (const rule of CLIENT_LINE_RULES) {
    const facts = rule.test(input);
    if (facts) return { rule, facts };
  }
  return undefined;
}
