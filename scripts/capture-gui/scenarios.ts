import type { Setup } from '../capture/scenarios.js';
import type { FakeSetup } from './fake-setups.js';

/**
 * What the desktop-client capture sets up, and therefore what each dialog means. The expected category is
 * decided here from the scenario, before popbot runs, following docs/evaluation.md's rule "the category of
 * what the text can show": where a client's dialog hides the cause (a generic "timed out" for plain text
 * sent to the TLS port, which names no port), `says` gives the category of what it does show; a follow-up
 * dialog that says something else (the login prompt's "login failed" after a refused plain-text login)
 * is labelled by `dialogRules`, matched on the dialog's own words.
 */

export type GuiClient = 'thunderbird' | 'claws-mail' | 'sylpheed' | 'evolution';
export type Security = 'plain' | 'stls' | 'implicit';

export interface DialogRule {
  match: RegExp;
  category: string;
}

export interface GuiScenario {
  id: string;
  setup: Setup | FakeSetup;
  category: string;
  port: 'plain' | 'tls';
  security: Security;
  user?: string;
  /** The password typed when the client asks; the right one unless told. */
  password?: string;
  /**
   * Thunderbird's network timeout; 20 s unless told. It also runs while its password prompt is open: on a
   * loaded machine a short one ends the session before the password is typed.
   */
  clientTimeoutS?: number;
  /** The client asks for APOP (Thunderbird: "encrypted password"). */
  apop?: boolean;
  /** A second session holds the mailbox while the client runs (locks, connection limits). */
  holdSession?: boolean;
  /** How long to wait for the dialogs, 45 s unless told (connection timeouts are set to 20 s in the clients). */
  waitS?: number;
  says?: Partial<Record<GuiClient, string>>;
  dialogRules?: readonly DialogRule[];
  clients?: readonly GuiClient[];
}

export const WRONG_PASSWORD = 'wrong horse';
/** Thunderbird's "Login to server … failed." says only that the login failed, whatever the server said. */
export const LOGIN_FAILED: DialogRule = {
  match:
    /^Login to server .* failed\.$|^Échec de la connexion depuis le serveur|^Không thể đăng nhập vào máy chủ/,
  category: 'auth.failed',
};
/** Claws Mail's log lines of a refused login say only that it failed (the server's reply is in the dialog). */
export const CLAWS_AUTH_LOG: DialogRule = {
  match:
    /\*\*\* error: (?:error occurred on authentication|Erreur lors de l'autorisation)\n.*(?:Authentication failed|L'authentification a échoué)\.$/,
  category: 'auth.failed',
};
/** Mailutils answers USER with "Incorrect state" when TLS is required (docs/evaluation.md). */
const INCORRECT_STATE: DialogRule = { match: /-ERR Incorrect state/, category: 'command.state' };
export const REFUSED: readonly DialogRule[] = [
  {
    match: /connection was refused|connexion a été refusée|kết nối đã bị từ chối/i,
    category: 'connect.refused',
  },
];

export const GUI_SCENARIOS: readonly GuiScenario[] = [
  // Dovecot answers "[AUTH] Authentication failed." to a wrong password and an unknown user alike.
  {
    id: 'wrong-password',
    setup: 'dovecot',
    category: 'auth.failed',
    port: 'plain',
    security: 'plain',
    password: WRONG_PASSWORD,
    waitS: 100,
  },
  {
    id: 'wrong-password-tls',
    setup: 'dovecot',
    category: 'auth.failed',
    port: 'tls',
    security: 'implicit',
    password: WRONG_PASSWORD,
    waitS: 100,
  },
  {
    id: 'unknown-user',
    setup: 'dovecot',
    category: 'auth.failed',
    port: 'plain',
    security: 'plain',
    user: 'bob',
    waitS: 100,
  },
  {
    id: 'plaintext-refused',
    setup: 'dovecot-plaintext-off',
    category: 'tls.required',
    port: 'plain',
    security: 'plain',
    dialogRules: [LOGIN_FAILED, CLAWS_AUTH_LOG],
  },
  {
    id: 'stls-unavailable',
    setup: 'dovecot-no-tls',
    category: 'tls.unavailable',
    port: 'plain',
    security: 'stls',
  },
  {
    id: 'stls-required',
    setup: 'mailutils-stls-required',
    category: 'tls.required',
    port: 'plain',
    security: 'plain',
    dialogRules: [LOGIN_FAILED, CLAWS_AUTH_LOG, INCORRECT_STATE],
  },
  {
    id: 'tls-to-plain-port',
    setup: 'dovecot',
    category: 'tls.mismatch',
    port: 'plain',
    security: 'implicit',
    waitS: 60,
  },
  // A plain connection to 995 that times out is tls.mismatch only where the text names port 995.
  {
    id: 'plain-to-tls-port',
    setup: 'dovecot',
    category: 'tls.mismatch',
    port: 'tls',
    security: 'plain',
    waitS: 60,
    says: { thunderbird: 'connect.timeout', 'claws-mail': 'connect.timeout' },
    dialogRules: [{ match: /\b995\b/, category: 'tls.mismatch' }],
  },
  // Thunderbird may report a failed handshake as a refused connection: that text shows no certificate.
  {
    id: 'cert-expired',
    setup: 'dovecot-cert-expired',
    category: 'tls.certificate',
    port: 'tls',
    security: 'implicit',
    dialogRules: REFUSED,
  },
  {
    id: 'cert-self-signed',
    setup: 'dovecot-cert-self-signed',
    category: 'tls.certificate',
    port: 'plain',
    security: 'stls',
    dialogRules: REFUSED,
  },
  {
    id: 'cert-wrong-host',
    setup: 'dovecot-cert-wrong-host',
    category: 'tls.certificate',
    port: 'tls',
    security: 'implicit',
    dialogRules: REFUSED,
  },
  {
    id: 'mailbox-locked',
    setup: 'dovecot-lock',
    category: 'mailbox.locked',
    port: 'tls',
    security: 'implicit',
    holdSession: true,
    waitS: 60,
    dialogRules: [LOGIN_FAILED],
  },
  {
    id: 'too-many-sessions',
    setup: 'dovecot-limit',
    category: 'mailbox.too-many-sessions',
    port: 'tls',
    security: 'implicit',
    holdSession: true,
    dialogRules: [LOGIN_FAILED, CLAWS_AUTH_LOG],
  },
  // Dovecot hides an unreadable mailbox behind "[SYS/TEMP] Internal error occurred".
  {
    id: 'mailbox-unreadable',
    setup: 'dovecot-broken-mailbox',
    category: 'server.temporary',
    port: 'tls',
    security: 'implicit',
    dialogRules: [LOGIN_FAILED],
  },
  {
    id: 'refused-port',
    setup: 'refused-port',
    category: 'connect.refused',
    port: 'plain',
    security: 'plain',
  },
  {
    id: 'refused-port-tls',
    setup: 'refused-port',
    category: 'connect.refused',
    port: 'tls',
    security: 'implicit',
  },
  {
    id: 'silent-port',
    setup: 'silent-port',
    category: 'connect.timeout',
    port: 'plain',
    security: 'plain',
    waitS: 60,
  },
  // Thunderbird reports a connection closed before any greeting as refused: that text shows a refusal.
  {
    id: 'closed-before-greeting',
    setup: 'closing-port',
    category: 'connect.reset',
    port: 'plain',
    security: 'plain',
    dialogRules: REFUSED,
  },
  {
    id: 'smtp-answers',
    setup: 'smtp-port',
    category: 'connect.wrong-service',
    port: 'plain',
    security: 'plain',
    waitS: 60,
    // Neither prints the greeting it got: an error "with the POP3 mail server", as quiet mpop and fetchmail.
    says: { thunderbird: 'server.protocol-error', 'claws-mail': 'server.protocol-error' },
  },
  { id: 'unknown-host', setup: 'unknown-host', category: 'connect.dns', port: 'tls', security: 'implicit' },
];

export const GUI_USER = 'alice';
