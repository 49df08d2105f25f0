/**
 * The labels of the proxies set, decided from each captured text and the project's rule — "the category of
 * what the text can show" (docs/evaluation.md) — before popbot ran on any of them. Rules are tried in order;
 * the first whose scenario pattern and text pattern both match decides. `drop` keeps a text out (it shows no
 * error at all). A case no rule labels stops the build.
 */

interface Rule {
  scenario: RegExp;
  kind?: RegExp;
  text?: RegExp;
  category: string | 'drop';
  why: string;
}

const ANY = /./;
const LOG = /^server-log$/;
const NOT_LOG = /^(line|transcript|client-output)$/;

export const RULES: readonly Rule[] = [
  // Second batch (perdition's debug log, back ends refusing for their own reasons, s-nail); none of these
  // patterns occurs in the first batch's texts, whose labels stay as they were.
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /s-nail: >>> PASS \*+$/,
    category: 'drop',
    why: 's-nail stopped after PASS without a word: the text shows no error',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /^\S+ +\d+ [\d:]+ perdition\.pop3\[\d+\]: (username_add_domain|token_read|read_line|pop3_in_get_auth|main|pop3_out_response|quit|vanessa_socket_\w+|io_pipe): [^\n]*$|status="ok"|Closing session: |client logged in, |proxied session done, /,
    category: 'drop',
    why: 'a debug trace step or a successful login alone: no error',
  },
  {
    scenario: ANY,
    text: /Maximum number of connections from user\+IP/,
    category: 'mailbox.too-many-sessions',
    why: "the back end's per user+IP limit (the proxy's connections all come from one address)",
  },
  {
    scenario: ANY,
    text: /Plaintext authentication disallowed/,
    category: 'tls.required',
    why: "the back end refuses the (proxy's) plain-text login",
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /auth http server .* timed out/,
    category: 'connect.timeout',
    why: 'the auth service did not answer the proxy in time',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /Fatal error piping data|Exiting on signal 13/,
    category: 'connect.reset',
    why: 'a proxied connection broke (broken pipe)',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /\[SYS\/TEMP\] Internal error occurred/,
    category: 'server.temporary',
    why: "the back end's internal error, temporary",
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /invalid command[^]*APOP authentication failed/,
    category: 'auth.mechanism',
    why: 'the APOP login refused as an invalid command',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /client\/server protocol error|invalid reply to command|réponse invalide à la commande/,
    category: 'server.protocol-error',
    why: 'the client says the reply broke the protocol',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /TLS certificate does not match/,
    category: 'tls.certificate',
    why: 's-nail: the certificate is not for this host',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /POP3: Resource temporarily unavailable/,
    category: 'connect.timeout',
    why: 's-nail: the read gave up (EAGAIN from its socket timeout), nothing answered',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /Recv failure: Connection reset by peer|POP3: Connection reset by peer/,
    category: 'connect.reset',
    why: 'the connection was reset mid-session',
  },

  // The proxies' own log lines (nginx error_log, perdition's log), most specific first: an excerpt is
  // labelled by the first rule its lines match.
  {
    scenario: ANY,
    kind: LOG,
    text: /\[IN-USE\]/,
    category: 'mailbox.locked',
    why: "the back end's IN-USE reply, logged by the proxy",
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /login failed: "Invalid login or password"/,
    category: 'auth.failed',
    why: 'the auth service refused the login without saying which part',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /login failed: "Account disabled"/,
    category: 'auth.account-disabled',
    why: 'the auth service says the account is disabled',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /login failed: "Temporary server problem/,
    category: 'server.temporary',
    why: 'the auth service says it has a temporary problem',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /auth http server .* did not send server or port/,
    category: 'server.permanent',
    why: "the authentication service answers but is broken: the administrator's fault, not the user's",
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /Connection refused\) while in http auth state/,
    category: 'connect.refused',
    why: "the proxy's connection to its auth service was refused",
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /upstream sent invalid response: "-ERR \[AUTH\] Authentication failed/,
    category: 'auth.failed',
    why: 'the back end refused the login the proxy passed on',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /upstream sent invalid response: "\* OK/,
    category: 'connect.wrong-service',
    why: 'the back end greeted as an IMAP server',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /Connection refused\) while (reading response from|connecting to) upstream/,
    category: 'connect.refused',
    why: "the back end refused the proxy's connection",
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /upstream timed out/,
    category: 'connect.timeout',
    why: 'the back end never answered the proxy',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /client timed out .* while in auth state/,
    category: 'session.timeout',
    why: 'the proxy ended an idle client session',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /alert certificate expired|alert bad certificate/,
    category: 'tls.certificate',
    why: "the client rejected the proxy's certificate during the handshake",
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /client sent too long command "[^"]*[\u0000-\u0008\u000e-\u001f\ufffd]/,
    category: 'tls.mismatch',
    why: 'binary bytes (a TLS hello) sent as a command to the plain port',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /client sent too long command/,
    category: 'command.syntax',
    why: 'a command line longer than the proxy takes',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /client sent too many invalid commands/,
    category: 'command.unknown',
    why: 'the proxy closed after commands it does not take (max_errors)',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /peer closed connection in SSL handshake|Connection reset by peer/,
    category: 'connect.reset',
    why: 'the client dropped the connection (during the handshake)',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /status="failed: Re-Authentication Failure"/,
    category: 'auth.failed',
    why: 'the back end refused the login perdition passed on',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /status="failed: Could not determine server"/,
    category: 'auth.unknown-user',
    why: 'no popmap entry: the proxy does not know this user',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /status="failed: Could not connect to server"/,
    category: 'server.temporary',
    why: 'the proxy could not reach the back end (the line does not say why)',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /status="failed: Login Disabled"/,
    category: 'auth.pop-disabled',
    why: 'logins are disabled on this proxy (the line does not name TLS)',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /Error loading certificate authority|Fatal error establishing SSL connection/,
    category: 'tls.unavailable',
    why: 'the proxy cannot set up TLS (its CA settings fail to load)',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /Timeout reading authentication information/,
    category: 'session.timeout',
    why: 'the client sent nothing before the authentication timeout',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /Fatal error accepting child connection\. Exiting/,
    category: 'server.shutdown',
    why: 'the proxy daemon itself exits',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /Could not remove pid file|Closing NULL session/,
    category: 'drop',
    why: 'housekeeping, no mail error',
  },
  {
    scenario: ANY,
    kind: LOG,
    text: /Fatal Error reading authentication information from client/,
    category: 'connect.reset',
    why: 'the client went away before logging in',
  },

  // Typed sessions, where the transcript shows the command a reply answers.
  {
    scenario: /raw-stat-before-login$/,
    kind: /transcript/,
    category: 'command.state',
    why: 'STAT before logging in',
  },
  { scenario: /raw-pass-first$/, category: 'command.state', why: 'PASS before USER' },
  {
    scenario: /nginx\/raw-too-long$/,
    kind: /transcript/,
    category: 'command.syntax',
    why: 'a 1200-character USER line refused',
  },
  {
    scenario: /raw-(auth-xoauth2|auth-cram-md5|apop|apop-not-offered)$/,
    kind: /transcript/,
    category: 'auth.mechanism',
    why: 'the AUTH mechanism / APOP is refused as a command',
  },
  {
    scenario: /nginx\/raw-stls-only-user$/,
    kind: /transcript/,
    category: 'auth.mechanism',
    why: 'USER itself refused (the text does not say TLS would allow it)',
  },
  {
    scenario: ANY,
    kind: /^line$/,
    text: /^-ERR invalid command$/,
    category: 'command.unknown',
    why: 'the line alone: a command the server does not take',
  },
  {
    scenario: ANY,
    kind: /^line$/,
    text: /the command must be one of/,
    category: 'command.state',
    why: 'the reply lists the commands allowed before login',
  },

  // What clients show (and the typed sessions' other replies).
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /^fetchmail: Query status=2 \(SOCKET\)\nfetchmail: socket error while fetching from \S+$/,
    category: 'drop',
    why: 'a socket error of no named kind: no category fits what it shows',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /\[IN-USE\]|lock busy|Lock-busy/,
    category: 'mailbox.locked',
    why: "the back end's IN-USE reply",
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /Temporary server problem/,
    category: 'server.temporary',
    why: "the proxy's auth service: temporary problem",
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /Account disabled/,
    category: 'auth.account-disabled',
    why: '-ERR Account disabled',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /certificate has expired|expired certificate|hostname mismatch|CommonName mismatch|name in the certificate does not match|no alternative certificate subject name|doesn't match 'other\.example'|IP address mismatch/,
    category: 'tls.certificate',
    why: 'certificate expired or for another name',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /wrong version number|WRONG_VERSION_NUMBER|unexpected TLS packet|gói tin TLS bất thường|paquet TLS incorrect/,
    category: 'tls.mismatch',
    why: 'TLS spoken to the plain port',
  },
  {
    scenario: /stls-only/,
    kind: NOT_LOG,
    text: /STLS[^]*invalid command/,
    category: 'tls.required',
    why: 'CAPA offers STLS and no USER/SASL; the login command is refused',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /No known authentication mechanisms supported|does not support authentication method|ne supporte pas la méthode d'authentification|could not decode BASE64 challenge/,
    category: 'auth.mechanism',
    why: 'the login method is not offered / its exchange is refused',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /(USER|user\(|APOP)[^]*invalid command/,
    category: 'auth.mechanism',
    why: 'the login command itself (USER/APOP) refused as invalid',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /-ERR invalid command/,
    category: 'command.unknown',
    why: 'a command refused, the text does not show which',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /Login Disabled/,
    category: 'auth.pop-disabled',
    why: 'perdition: logins disabled (the text does not name TLS)',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /Could not determine server/,
    category: 'auth.unknown-user',
    why: 'perdition has no server for this user (popmap miss)',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /Could not connect to server|internal server error/,
    category: 'server.temporary',
    why: 'the proxy reports its own failure to serve the login',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /Connection refused|Connexion refusée|Kết nối bị từ chối|Couldn't connect to server/,
    category: 'connect.refused',
    why: 'connection refused',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /timed out|timeout after|délai d'inactivité|Operation timed out|TimeoutError/,
    category: 'connect.timeout',
    why: 'no reply in time',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /unexpected eof|non-properly terminated|n’a pas été terminée correctement|không chấm dứt|response reading failed|-ERR EOF|empty reply|réponse vide|Socket or TLS error/,
    category: 'connect.reset',
    why: 'the connection was dropped mid-session',
  },
  {
    scenario: ANY,
    kind: NOT_LOG,
    text: /Invalid login or password|\[AUTH\] Authentication failed|Re-Authentication Failure|Authorization failure|Login denied|Access denied|Authentication failed: \d+|authentication failed \(method|échec d'authentification/,
    category: 'auth.failed',
    why: 'the login was refused without saying which part',
  },
];

export function labelOf(c: { scenario: string; kind: string; text: string; id: string }): string | undefined {
  return RULES.find(
    (r) =>
      r.scenario.test(c.scenario) && (!r.kind || r.kind.test(c.kind)) && (!r.text || r.text.test(c.text)),
  )?.category;
}
