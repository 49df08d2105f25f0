import type { ClientName, Security } from '../capture/clients.js';
import type { RawStep } from '../capture/raw-session.js';
import type { ProxyName } from './servers.js';

/**
 * What is tried through each proxy: a client scenario runs every client (or the ones named) against one
 * proxy with one login; a raw scenario types a session by hand; an idle one connects and waits. The labels
 * are not here: they are decided from the captured texts (labels.ts), before popbot runs on them.
 */

export interface ProxyScenario {
  id: string;
  proxy: ProxyName;
  security?: Security;
  user?: string;
  /** The wrong password when the scenario needs one; the right one otherwise. */
  password?: 'right' | 'wrong';
  /** A SASL mechanism (or APOP) asked for, per client: only these clients run. */
  mechanism?: Partial<Record<ClientName, string>>;
  clients?: readonly ClientName[];
  /** Held while the clients run: the lock Dovecot's mailbox, one connection to the proxy, or one login of the user through it. */
  hold?: 'lock' | 'connection' | 'login';
  /** The second batch (captured and labelled after the first sight of the first); it also runs s-nail. */
  batch?: 2;
  timeoutS?: number;
  /** A typed session instead of the clients. */
  raw?: readonly RawStep[];
  /** Connect, read the greeting, then type nothing for this long. */
  idleS?: number;
  implicitTls?: boolean;
}

const LONG = 'x'.repeat(1200);

export const SCENARIOS: readonly ProxyScenario[] = [
  // nginx's mail proxy: the auth_http endpoint decides…
  { id: 'nginx/wrong-password', proxy: 'nginx-plain', password: 'wrong' },
  { id: 'nginx/unknown-user', proxy: 'nginx-plain', user: 'bob' },
  { id: 'nginx/stls-wrong-password', proxy: 'nginx-plain', security: 'stls', password: 'wrong' },
  { id: 'nginx/ssl-wrong-password', proxy: 'nginx-ssl', security: 'implicit', password: 'wrong' },
  { id: 'nginx/account-disabled', proxy: 'nginx-plain', user: 'disabled' },
  { id: 'nginx/auth-tempfail', proxy: 'nginx-plain', user: 'tempfail' },
  { id: 'nginx/auth-500', proxy: 'nginx-plain', user: 'err500' },
  { id: 'nginx/auth-garbled', proxy: 'nginx-plain', user: 'garbled' },
  { id: 'nginx/auth-down', proxy: 'nginx-auth-down' },
  // … or passes the login to the back end, whose reply nginx hands on (proxy_pass_error_message on)
  { id: 'nginx/backend-wrong-password', proxy: 'nginx-backend', password: 'wrong' },
  { id: 'nginx/backend-unknown-user', proxy: 'nginx-backend', user: 'bob' },
  { id: 'nginx/backend-password-mismatch', proxy: 'nginx-plain', user: 'mismatch' },
  { id: 'nginx/backend-down', proxy: 'nginx-plain', user: 'backenddown' },
  { id: 'nginx/backend-timeout', proxy: 'nginx-limits', user: 'backendslow', timeoutS: 20 },
  { id: 'nginx/backend-imap', proxy: 'nginx-plain', user: 'backendimap' },
  { id: 'nginx/mailbox-locked', proxy: 'nginx-backend', user: 'carol', hold: 'lock', timeoutS: 25 },
  // TLS
  { id: 'nginx/stls-only-plain-login', proxy: 'nginx-stls-only' },
  { id: 'nginx/ssl-expired-certificate', proxy: 'nginx-ssl-expired', security: 'implicit' },
  { id: 'nginx/ssl-wrong-host-certificate', proxy: 'nginx-ssl-wrong-host', security: 'implicit' },
  { id: 'nginx/plain-to-ssl-port', proxy: 'nginx-ssl', security: 'plain', timeoutS: 8 },
  { id: 'nginx/ssl-to-plain-port', proxy: 'nginx-plain', security: 'implicit' },
  // Methods
  {
    id: 'nginx/apop-wrong-password',
    proxy: 'nginx-plain',
    password: 'wrong',
    mechanism: { mpop: 'APOP', curl: '+APOP' },
  },
  {
    id: 'nginx/cram-md5-wrong-password',
    proxy: 'nginx-plain',
    password: 'wrong',
    mechanism: { fetchmail: 'CRAM-MD5', mpop: 'CRAM-MD5', curl: 'CRAM-MD5' },
  },
  {
    id: 'nginx/mechanism-not-offered',
    proxy: 'nginx-user-only',
    mechanism: { fetchmail: 'CRAM-MD5', mpop: 'CRAM-MD5', curl: 'CRAM-MD5' },
  },
  { id: 'nginx/apop-not-offered', proxy: 'nginx-user-only', mechanism: { mpop: 'APOP', curl: '+APOP' } },
  // Typed sessions
  {
    id: 'nginx/raw-wrong-password',
    proxy: 'nginx-plain',
    raw: [{ send: 'USER alice' }, { send: 'PASS guess123' }],
  },
  { id: 'nginx/raw-stat-before-login', proxy: 'nginx-plain', raw: [{ send: 'STAT' }] },
  { id: 'nginx/raw-too-long', proxy: 'nginx-plain', raw: [{ send: `USER ${LONG}` }] },
  { id: 'nginx/raw-auth-xoauth2', proxy: 'nginx-plain', raw: [{ send: 'AUTH XOAUTH2' }] },
  {
    id: 'nginx/raw-apop-wrong',
    proxy: 'nginx-plain',
    raw: [{ send: 'APOP alice 0123456789abcdef0123456789abcdef' }],
  },
  {
    id: 'nginx/raw-apop-not-offered',
    proxy: 'nginx-user-only',
    raw: [{ send: 'APOP alice 0123456789abcdef0123456789abcdef' }],
  },
  { id: 'nginx/raw-stls-only-user', proxy: 'nginx-stls-only', raw: [{ send: 'USER alice' }] },
  {
    id: 'nginx/raw-max-errors',
    proxy: 'nginx-limits',
    raw: [{ send: 'HELO' }, { send: 'LIST' }, { send: 'RETR 1' }, { send: 'NOOP' }],
  },
  {
    id: 'nginx/raw-tempfail',
    proxy: 'nginx-plain',
    raw: [{ send: 'USER tempfail' }, { send: 'PASS secret' }],
  },
  {
    id: 'nginx/raw-backend-down',
    proxy: 'nginx-plain',
    raw: [{ send: 'USER backenddown' }, { send: 'PASS secret' }],
  },
  {
    id: 'nginx/raw-locked',
    proxy: 'nginx-backend',
    hold: 'lock',
    raw: [{ send: 'USER carol' }, { send: 'PASS RIGHT' }],
  },
  { id: 'nginx/idle', proxy: 'nginx-limits', idleS: 8 },

  // perdition
  { id: 'perdition/wrong-password', proxy: 'perdition-plain', password: 'wrong' },
  { id: 'perdition/unknown-user', proxy: 'perdition-plain', user: 'ghost' },
  { id: 'perdition/popmap-miss', proxy: 'perdition-plain', user: 'stranger' },
  { id: 'perdition/backend-down', proxy: 'perdition-plain', user: 'backenddown' },
  { id: 'perdition/backend-timeout', proxy: 'perdition-plain', user: 'backendslow', timeoutS: 10 },
  { id: 'perdition/backend-imap', proxy: 'perdition-plain', user: 'backendimap' },
  {
    id: 'perdition/mailbox-locked',
    proxy: 'perdition-tls-both',
    security: 'stls',
    user: 'carol',
    hold: 'lock',
    timeoutS: 25,
  },
  { id: 'perdition/stls-required-plain-login', proxy: 'perdition-tls-both' },
  {
    id: 'perdition/tls-both-wrong-password',
    proxy: 'perdition-tls-both',
    security: 'stls',
    password: 'wrong',
  },
  { id: 'perdition/tls-both-unknown-user', proxy: 'perdition-tls-both', security: 'stls', user: 'ghost' },
  { id: 'perdition/ssl-wrong-password', proxy: 'perdition-ssl', security: 'implicit', password: 'wrong' },
  { id: 'perdition/stls-wrong-password', proxy: 'perdition-plain', security: 'stls', password: 'wrong' },
  { id: 'perdition/backend-ssl-to-plain-port', proxy: 'perdition-ssl-to-plain' },
  { id: 'perdition/backend-certificate-expired', proxy: 'perdition-tls-expired' },
  { id: 'perdition/connection-limit', proxy: 'perdition-limit', hold: 'connection' },
  { id: 'perdition/apop', proxy: 'perdition-plain', mechanism: { mpop: 'APOP', curl: '+APOP' } },
  {
    id: 'perdition/mechanism-not-offered',
    proxy: 'perdition-plain',
    mechanism: { fetchmail: 'CRAM-MD5', mpop: 'CRAM-MD5', curl: 'CRAM-MD5' },
  },
  { id: 'perdition/ssl-to-plain-port', proxy: 'perdition-plain', security: 'implicit' },
  {
    id: 'perdition/raw-wrong-password',
    proxy: 'perdition-plain',
    raw: [{ send: 'USER alice' }, { send: 'PASS guess123' }],
  },
  {
    id: 'perdition/raw-popmap-miss',
    proxy: 'perdition-plain',
    raw: [{ send: 'USER stranger' }, { send: 'PASS guess123' }],
  },
  { id: 'perdition/raw-stat-before-login', proxy: 'perdition-plain', raw: [{ send: 'STAT' }] },
  { id: 'perdition/raw-too-long', proxy: 'perdition-plain', raw: [{ send: `USER ${LONG}` }] },
  { id: 'perdition/raw-auth-cram-md5', proxy: 'perdition-plain', raw: [{ send: 'AUTH CRAM-MD5' }] },
  {
    id: 'perdition/raw-apop',
    proxy: 'perdition-plain',
    raw: [{ send: 'APOP alice 0123456789abcdef0123456789abcdef' }],
  },
  { id: 'perdition/raw-pass-first', proxy: 'perdition-plain', raw: [{ send: 'PASS guess123' }] },
  {
    id: 'perdition/raw-stls-required-user',
    proxy: 'perdition-tls-both',
    raw: [{ send: 'USER alice' }, { send: 'PASS guess123' }],
  },
  {
    id: 'perdition/raw-backend-down',
    proxy: 'perdition-plain',
    raw: [{ send: 'USER backenddown' }, { send: 'PASS guess123' }],
  },
  {
    id: 'perdition/raw-locked',
    proxy: 'perdition-plain',
    hold: 'lock',
    raw: [{ send: 'USER carol' }, { send: 'PASS RIGHT' }],
  },
  { id: 'perdition/idle', proxy: 'perdition-idle', idleS: 8 },
  ...SECOND_BATCH(),
];

function SECOND_BATCH(): ProxyScenario[] {
  const b: ProxyScenario[] = [
    // nginx: the auth service too slow; back ends that refuse for their own reasons
    { id: 'nginx/auth-timeout', proxy: 'nginx-auth-slow', user: 'authslow', timeoutS: 20 },
    { id: 'nginx/backend-tls-required', proxy: 'nginx-backend', user: 'dave' },
    { id: 'nginx/backend-tls-required-hidden', proxy: 'nginx-plain', user: 'dave' },
    { id: 'nginx/backend-too-many-sessions', proxy: 'nginx-backend', user: 'erin', hold: 'login' },
    { id: 'nginx/backend-mailbox-unreadable', proxy: 'nginx-backend', user: 'frank' },
    { id: 'nginx/snail-wrong-password', proxy: 'nginx-plain', password: 'wrong', clients: [] },
    {
      id: 'nginx/snail-ssl-expired-certificate',
      proxy: 'nginx-ssl-expired',
      security: 'implicit',
      clients: [],
    },
    { id: 'nginx/snail-ssl-to-plain-port', proxy: 'nginx-plain', security: 'implicit', clients: [] },
    { id: 'nginx/snail-auth-tempfail', proxy: 'nginx-plain', user: 'tempfail', clients: [] },
    { id: 'nginx/snail-stls-only', proxy: 'nginx-stls-only', clients: [] },
    {
      id: 'nginx/raw-backend-tls-required',
      proxy: 'nginx-backend',
      raw: [{ send: 'USER dave' }, { send: 'PASS RIGHT' }],
    },
    {
      id: 'nginx/raw-auth-timeout',
      proxy: 'nginx-auth-slow',
      raw: [{ send: 'USER authslow' }, { send: 'PASS RIGHT' }],
    },
    // perdition: the back end's own replies passed on; TLS set up completely
    { id: 'perdition/resp-wrong-password', proxy: 'perdition-resp', password: 'wrong' },
    { id: 'perdition/resp-unknown-user', proxy: 'perdition-resp', user: 'ghost' },
    {
      id: 'perdition/resp-mailbox-locked',
      proxy: 'perdition-resp',
      user: 'carol',
      hold: 'lock',
      timeoutS: 25,
    },
    { id: 'perdition/resp-backend-tls-required', proxy: 'perdition-resp', user: 'dave' },
    { id: 'perdition/backend-tls-required', proxy: 'perdition-plain', user: 'dave' },
    { id: 'perdition/resp-too-many-sessions', proxy: 'perdition-resp', user: 'erin', hold: 'login' },
    { id: 'perdition/resp-mailbox-unreadable', proxy: 'perdition-resp', user: 'frank' },
    {
      id: 'perdition/ca-tls-both-wrong-password',
      proxy: 'perdition-tls-both-ca',
      security: 'stls',
      password: 'wrong',
    },
    { id: 'perdition/ca-stls-required-plain-login', proxy: 'perdition-tls-both-ca' },
    { id: 'perdition/ca-ssl-unknown-user', proxy: 'perdition-ssl-ca', security: 'implicit', user: 'ghost' },
    { id: 'perdition/ca-backend-ssl-to-plain-port', proxy: 'perdition-ssl-to-plain-ca' },
    { id: 'perdition/ca-backend-certificate-expired', proxy: 'perdition-tls-expired-ca' },
    { id: 'perdition/ca-backend-certificate-wrong-host', proxy: 'perdition-tls-wrong-host-ca' },
    { id: 'perdition/snail-wrong-password', proxy: 'perdition-plain', password: 'wrong', clients: [] },
    { id: 'perdition/snail-popmap-miss', proxy: 'perdition-plain', user: 'stranger', clients: [] },
    {
      id: 'perdition/raw-resp-backend-tls-required',
      proxy: 'perdition-resp',
      raw: [{ send: 'USER dave' }, { send: 'PASS RIGHT' }],
    },
    {
      id: 'perdition/raw-resp-mailbox-unreadable',
      proxy: 'perdition-resp',
      raw: [{ send: 'USER frank' }, { send: 'PASS RIGHT' }],
    },
  ];
  return b.map((s) => ({ ...s, batch: 2 as const }));
}
