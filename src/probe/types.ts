import type { LookupAddress } from 'node:dns';
import type { Socket } from 'node:net';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import type { ExplainOptions, ExplainResult, Finding } from '../explain/types.js';
import type { Lang } from '../i18n/lang.js';
import type { ProbeGuard } from './guard.js';

/** How the probe encrypts: `auto` tries implicit TLS on 995, then STLS on 110. */
export type TlsMode = 'auto' | 'implicit' | 'stls' | 'none';
/** The encryption one attempt actually used. */
export type AttemptTls = Exclude<TlsMode, 'auto'>;

export interface ProbeTimeouts {
  /** Budget for the whole probe (every attempt, every step). Default 30 s. */
  totalMs?: number;
  /** Budget for one step (connect, greeting, TLS handshake, one command). Default 10 s. */
  stepMs?: number;
  /** Budget for LOGIN: servers delay failed logins and lock waits (Dovecot: ~10 s). Default 15 s. */
  loginMs?: number;
}

export interface ProbeRequest {
  /** `HOST`, `HOST:PORT`, `[v6]:PORT`, `user@domain` or `domain`. */
  target: string;
  /** Overrides a port given in `target`. */
  port?: number | undefined;
  /** Default `auto`. */
  tls?: TlsMode | undefined;
  user?: string | undefined;
  /** Never logged, never shown; only sent over an encrypted connection unless `allowPlaintext`. */
  password?: string | undefined;
  /** Log in with APOP (only on request: clients that pick it by themselves fail where USER/PASS works). */
  apop?: boolean | undefined;
  /** Language of step details and findings. Default `en`. */
  lang?: Lang | undefined;
  /** Go on after an untrusted certificate (flagged as a warning, never silently). */
  insecure?: boolean | undefined;
  /** Allow sending the password over an unencrypted connection. */
  allowPlaintext?: boolean | undefined;
  /** Certificate expiry within this many days is a warning. Default 14. */
  certWarnDays?: number | undefined;
  timeouts?: ProbeTimeouts | undefined;
  signal?: AbortSignal | undefined;
  /** Called once per step as soon as the step ends (the CLI prints it live on a TTY). */
  onStep?: ((step: ProbeStep) => void) | undefined;
  /** Keep the session transcript (password masked) in the report. */
  transcript?: boolean | undefined;
  /**
   * Who can lift a guard refusal, for the refusal to say how: `cli` (the person at the keyboard:
   * `--allow-private`) or `operator` (shell and chat: `POPBOT_PROBE_ALLOW`, `POPBOT_PROBE_PORTS`). Default `operator`.
   */
  caller?: 'cli' | 'operator' | undefined;
  /**
   * `full` (default): every step. `essential`: only what a mail program does to fetch mail (connect, TLS,
   * greeting, CAPA, login, STAT, QUIT), without the CAPA after login and the UIDL check: for monitoring, and
   * for comparing the engine with another client doing the same work.
   */
  steps?: ProbeSteps | undefined;
}

export type ProbeSteps = 'full' | 'essential';

export type StepStatus = 'ok' | 'warn' | 'fail' | 'skipped';

export type StepName =
  | 'target'
  | 'guard'
  | 'dns'
  | 'connect'
  | 'greeting'
  | 'tls'
  | 'capa'
  | 'stls'
  | 'capa-after-stls'
  | 'login'
  | 'capa-after-login'
  | 'stat'
  | 'uidl'
  | 'quit';

export interface ProbeStep {
  name: StepName;
  status: StepStatus;
  ms: number;
  /** One line for people, in the request's language. Never contains a secret. */
  detail: string;
  /** Which attempt the step belongs to (`--tls auto` makes up to two). */
  port?: number;
  tls?: AttemptTls;
  /** 0-based index of the attempt the step belongs to (absent for target and DNS). */
  attempt?: number;
  /** A taxonomy category (`tls.mismatch`) or a probe code (`guard.port`, `probe.line-too-long`). */
  code?: string;
  /** The knowledge-base entry that explains this step's failure, when one does. */
  entry?: string;
  /** Index into `ProbeReport.findings` of the explanation for this step. */
  finding?: number;
}

/** Where the host to check came from. */
export type TargetSource = 'given' | 'srv' | 'provider' | 'guess';

export interface ResolvedTarget {
  /** What the user typed. */
  input: string;
  host: string;
  /** Undefined when the mode decides (auto: 995 then 110). */
  port: number | undefined;
  source: TargetSource;
  /** The SRV record or provider name when `source` says so. */
  via?: string;
  /** The addresses the guard checked; the probe connects only to these. */
  addresses: string[];
}

export interface Capability {
  /** Upper-case capability name (`SASL`, `LOGIN-DELAY`). */
  name: string;
  args: string[];
  /** One-line meaning in the request's language, empty for an unknown capability. */
  gloss: string;
}

export interface CapabilitySets {
  /** Undefined when CAPA was not reached; `null` when the server answered CAPA with `-ERR` (no CAPA at all). */
  before?: Capability[] | null;
  afterStls?: Capability[] | null;
  afterLogin?: Capability[] | null;
}

export interface TlsDetails {
  /** `TLSv1.3` */
  protocol: string | null;
  cipher: string;
  subject: string;
  issuer: string;
  altNames: string[];
  validFrom: string;
  validTo: string;
  daysLeft: number;
  hostMatch: boolean;
  /** Chain verdict: trusted, or Node's reason code (`CERT_HAS_EXPIRED`, `DEPTH_ZERO_SELF_SIGNED_CERT`). */
  trusted: boolean;
  reason?: string;
}

export interface ServerInfo {
  /** The greeting, trimmed. */
  greeting: string;
  /** Recognised from the banner or IMPLEMENTATION (`Dovecot`), when possible. */
  software?: string;
  /** The greeting carries an APOP timestamp `<...>`. */
  apop: boolean;
}

export interface MailboxInfo {
  messages: number;
  octets: number;
  /** Whether UIDL works; absent when not checked (`steps: 'essential'`). */
  uidl?: boolean;
}

/** What to type into a mail program, from the attempt that worked. */
export interface ClientSettings {
  server: string;
  port: number;
  encryption: 'ssl/tls' | 'starttls' | 'none';
  /**
   * `normal password` (USER/PASS or SASL PLAIN) or `apop`: only when the probe logged in that way (absent
   * when no user was given: nothing was verified about the login).
   */
  authentication?: 'normal password' | 'apop';
  username?: string;
}

export interface TranscriptLine {
  dir: 'C' | 'S' | '*';
  /** The line, secrets masked. `*` lines are probe notes (TLS started, connection closed). */
  text: string;
}

/** Monitoring-plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
export type ExitCode = 0 | 1 | 2 | 3;

/** What the probe established about encryption, across attempts. */
export type EncryptionVerdict =
  /** A TLS session was set up (implicit or STLS). */
  | 'works'
  /** Tried both ways (`--tls auto`): no SSL/TLS port and no STLS. The password can only travel in clear. */
  | 'none-offered'
  /** Not established (a mode that tried one way only, or the check stopped before). */
  | 'unknown';

export interface ProbeReport {
  lang: Lang;
  /** Set by runProbe (optional for reports made elsewhere, such as test fixtures). */
  encryption?: EncryptionVerdict;
  /** The login was tried and worked (false when not tried: no user, or the password kept off plain text). */
  loginVerified?: boolean;
  target: ResolvedTarget;
  steps: ProbeStep[];
  /** Same shape as `popbot explain --json`. */
  findings: Finding[];
  /** Undefined when no attempt got far enough to recommend anything. */
  settings: ClientSettings | undefined;
  capabilities: CapabilitySets;
  tls?: TlsDetails;
  server?: ServerInfo;
  mailbox?: MailboxInfo;
  transcript?: TranscriptLine[];
  exitCode: ExitCode;
  durationMs: number;
}

/** Name resolution, injectable so tests never touch real DNS. */
export interface Resolver {
  /** Every A/AAAA address of `host` (like `dns.promises.lookup(host, { all: true })`). */
  lookup(host: string): Promise<LookupAddress[]>;
  /** SRV records (RFC 6186 `_pop3s._tcp.example.com`); rejects or returns [] when there are none. */
  resolveSrv(name: string): Promise<{ name: string; port: number; priority: number; weight: number }[]>;
}

/** Socket creation, injectable so tests can script failures without the network. */
export interface SocketFactory {
  tcp(options: { host: string; port: number; family: 4 | 6 }): Socket;
  tls(options: ConnectionOptions): TLSSocket;
}

export type TimerHandle = unknown;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export type ExplainFn = (input: string, options?: ExplainOptions) => ExplainResult;

export interface ProbeDeps {
  /** Always pass one from a chat adapter; the default refuses private addresses and ports other than 110/995. */
  guard?: ProbeGuard;
  resolver?: Resolver;
  sockets?: SocketFactory;
  clock?: Clock;
  explain?: ExplainFn;
  /** Extra CA certificates to trust (tests use a CA made at test time; never a global switch). */
  ca?: string | Buffer | (string | Buffer)[];
}
