import {
  CLAWS_AUTH_LOG,
  type DialogRule,
  GUI_SCENARIOS,
  type GuiClient,
  type GuiScenario,
  LOGIN_FAILED,
  REFUSED,
} from './scenarios.js';

/**
 * The second desktop set, gui-more: faults a real Dovecot does not produce on demand, played by the
 * scriptable POP server (fake-setups.ts) for Thunderbird, Claws Mail and Sylpheed, and the first set's
 * Dovecot and listener scenarios for the clients that set did not have (Sylpheed). Labels as in
 * scenarios.ts: the scenario's category, or the category of what a client's text can show where it hides
 * the cause (a rule matched on the text's own words). The list is fixed before any capture: the holdout
 * split (build.ts) is a seeded order of these ids.
 */

/** Claws Mail's log lines that say only that the POP session failed: no cause shown. */
const CLAWS_SESSION_LOG: DialogRule = {
  match:
    /^(?:\[[^\]]+\] )?\*\*\* error: (?:error occurred on POP session|Erreur pendant la session POP)\n(?:\[[^\]]+\] )?\*\*\* error: (?:Error occurred while processing mail|Une erreur est survenue pendant le traitement du message)\.$/,
  category: 'unknown',
};
/**
 * Sylpheed's and Claws Mail's bare "Error occurred while processing mail." (no server reply under it), as a
 * dialog or as the only line of Claws's log.
 */
const PROCESSING_ONLY: DialogRule = {
  match:
    /^(?:\[[^\]]+\] \*\*\* error: )?(?:Error occurred while processing mail|Une erreur est survenue pendant le traitement du message|Có lỗi khi xử lí thư)\.$/,
  category: 'unknown',
};
/** A socket error, in Sylpheed's and Claws Mail's words: the connection broke, nothing says why. */
const SOCKET_ERROR: DialogRule = {
  match: /Socket error|Erreur de socket|Lỗi socket/,
  category: 'connect.reset',
};
/** Sylpheed's French catalogue says "Socket error." as "Erreur de protocole.": a protocol error to its reader. */
const PROTOCOL_ERROR_FR: DialogRule = { match: /Erreur de protocole/, category: 'server.protocol-error' };
/** Thunderbird's "The connection to server … was reset." */
const RESET: DialogRule = {
  match: /was reset|a été réinitialisée|đã được đặt lại/,
  category: 'connect.reset',
};

/** Evolution's "Failed to read a valid greeting from POP server …": the greeting's words are not shown. */
const NO_VALID_GREETING: DialogRule = {
  match: /valid greeting from POP server|salutations valides du serveur POP|lời chào mừng hợp lệ/,
  category: 'server.protocol-error',
};
/** Evolution's "Cannot get message UID: Unknown reason": that message could not be read, no reason given. */
const MESSAGE_NOT_READ: DialogRule = {
  match: /Cannot get message \S+: Unknown reason|Raison inconnue|Không biết sao/,
  category: 'message.unavailable',
};
/**
 * Sylpheed's certificate question, the certificate cannot be verified (it checks the name against the CN
 * only), or its log's "SSL certificate of HOST has expired".
 */
const CERTIFICATE_QUESTION: DialogRule = {
  match:
    /cannot be verified by the following reason|ne peut pas être vérifié pour les raisons suivantes|SSL certificate of \S+ has expired/,
  category: 'tls.certificate',
};
/** Sylpheed's "Connection to HOST:PORT failed." (or its log's "Connection failed."): it could not connect. */
const CONNECTION_FAILED: DialogRule = {
  match:
    /^(?:Connection to \S+ failed|La connexion à \S+ a échoué)\.$|\*\* warning: (?:Connection failed|La connexion a échoué|Kết nối thất bại)\.$/,
  category: 'connect.refused',
};
/** Sylpheed's "Session timed out.": no answer in time. */
const SESSION_TIMED_OUT: DialogRule = {
  match: /Session timed out|Dépassement du délai de réponse|Phiên làm việc hết giờ/,
  category: 'connect.timeout',
};

const login = (
  id: string,
  setup: GuiScenario['setup'],
  category: string,
  rules: readonly DialogRule[] = [],
): GuiScenario => ({
  id,
  setup,
  category,
  port: 'plain',
  security: 'plain',
  dialogRules: [LOGIN_FAILED, CLAWS_AUTH_LOG, ...rules],
});

/** Thunderbird's own default: only the silent server's scenario waits for its timeout. */
const TB_DEFAULT_TIMEOUT = 100;

const FAKE_SCENARIOS: readonly GuiScenario[] = (
  [
    login('login-delay', 'fake-login-delay', 'auth.login-delay'),
    login('in-use', 'fake-in-use', 'mailbox.locked'),
    login('sys-temp-login', 'fake-sys-temp', 'server.temporary'),
    login('pop-disabled', 'fake-pop-disabled', 'auth.pop-disabled'),
    login('maildrop-locked', 'fake-maildrop-locked', 'mailbox.locked'),
    login('too-many-sessions-in-use', 'fake-too-many-sessions', 'mailbox.too-many-sessions'),
    login('account-disabled', 'fake-account-disabled', 'auth.account-disabled'),
    login('shutdown-at-login', 'fake-shutdown', 'server.shutdown'),
    { ...login('apop-not-offered', 'fake-no-apop', 'auth.mechanism'), apop: true },
    {
      id: 'stls-refused',
      setup: 'fake-stls-refused',
      category: 'tls.unavailable',
      port: 'plain',
      security: 'stls',
    },
    // The server says +OK to STLS, then no handshake follows: a failed handshake, or what the client calls it.
    {
      id: 'stls-broken',
      setup: 'fake-stls-broken',
      category: 'tls.unavailable',
      port: 'plain',
      security: 'stls',
      dialogRules: [...REFUSED, RESET, SOCKET_ERROR, PROTOCOL_ERROR_FR],
    },
    {
      id: 'greeting-then-silence',
      setup: 'fake-greeting-silence',
      category: 'connect.timeout',
      port: 'plain',
      security: 'plain',
      waitS: 70,
      clientTimeoutS: 20,
    },
    {
      id: 'closed-mid-retr',
      setup: 'fake-closed-mid-retr',
      category: 'connect.reset',
      port: 'plain',
      security: 'plain',
      waitS: 60,
    },
    {
      id: 'message-deleted',
      setup: 'fake-message-deleted',
      category: 'message.deleted',
      port: 'plain',
      security: 'plain',
    },
    {
      id: 'no-such-message',
      setup: 'fake-no-such-message',
      category: 'message.not-found',
      port: 'plain',
      security: 'plain',
    },
    {
      id: 'server-busy-greeting',
      setup: 'fake-server-busy',
      category: 'server.temporary',
      port: 'plain',
      security: 'plain',
    },
    {
      id: 'idle-timeout',
      setup: 'fake-idle-timeout',
      category: 'session.timeout',
      port: 'plain',
      security: 'plain',
      dialogRules: [LOGIN_FAILED, CLAWS_AUTH_LOG],
    },
    // Where the client does not print the greeting it got, its text shows a protocol error at most.
    {
      id: 'imap-answers',
      setup: 'fake-imap-answers',
      category: 'connect.wrong-service',
      port: 'plain',
      security: 'plain',
      says: {
        thunderbird: 'server.protocol-error',
        'claws-mail': 'server.protocol-error',
        sylpheed: 'server.protocol-error',
      },
      dialogRules: [{ match: /\* OK|IMAP/, category: 'connect.wrong-service' }],
    },
  ] satisfies GuiScenario[]
).map((s): GuiScenario => ({
  clientTimeoutS: TB_DEFAULT_TIMEOUT,
  ...s,
  dialogRules: [
    ...(s.dialogRules ?? []),
    CLAWS_SESSION_LOG,
    PROCESSING_ONLY,
    NO_VALID_GREETING,
    MESSAGE_NOT_READ,
  ],
}));

/** The clients the first set (test/fixtures/captured/gui) did not have, for its scenarios. */
const NEW_CLIENTS: readonly GuiClient[] = ['sylpheed'];

export const GUI_MORE_SCENARIOS: readonly GuiScenario[] = [
  ...FAKE_SCENARIOS,
  ...GUI_SCENARIOS.map((s) => ({
    ...s,
    clients: NEW_CLIENTS,
    dialogRules: [
      ...(s.dialogRules ?? []),
      CERTIFICATE_QUESTION,
      CONNECTION_FAILED,
      SOCKET_ERROR,
      PROTOCOL_ERROR_FR,
      SESSION_TIMED_OUT,
      PROCESSING_ONLY,
    ],
  })),
];
