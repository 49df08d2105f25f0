import type { Lang } from '../i18n/lang.js';
import type { Deadline } from './deadline.js';
import type { CheckedAddress } from './guard.js';
import type { Secrets } from './secrets.js';
import type { StepRecorder } from './steps.js';
import type { Transcript } from './transcript.js';
import type {
  AttemptTls,
  CapabilitySets,
  ClientSettings,
  Clock,
  MailboxInfo,
  ProbeSteps,
  ServerInfo,
  SocketFactory,
  ProbeStep,
  StepName,
  TlsDetails,
  TlsMode,
} from './types.js';

export interface AttemptSettings {
  lang: Lang;
  user: string | undefined;
  password: string | undefined;
  apop: boolean;
  insecure: boolean;
  allowPlaintext: boolean;
  certWarnDays: number;
  stepMs: number;
  loginMs: number;
  /** The mode asked for (`auto` plans several attempts, each expected to fail possibly). */
  mode: TlsMode;
  steps: ProbeSteps;
}

export interface AttemptContext {
  settings: AttemptSettings;
  sockets: SocketFactory;
  clock: Clock;
  ca: string | Buffer | (string | Buffer)[] | undefined;
  deadline: Deadline;
  rec: StepRecorder;
  secrets: Secrets;
  transcript: Transcript;
  signal: AbortSignal | undefined;
}

export interface AttemptTarget {
  host: string;
  addresses: CheckedAddress[];
  port: number;
  tls: AttemptTls;
  /** 0 for the first attempt of a probe. */
  index: number;
  /** `--tls auto` tries this way without knowing it works: its failure alone is a step, not a finding. */
  exploratory: boolean;
  /** An earlier attempt of this probe tried SSL/TLS from the first byte and failed. */
  implicitFailed: boolean;
  /** A retry with the normal password after APOP was refused (RFC 1939: a new connection). */
  apopFallback: boolean;
}

export interface AttemptOutcome {
  mode: AttemptTls;
  /** Copied from the target: a failure here alone is no finding. */
  exploratory: boolean;
  /** No step of this attempt failed. */
  success: boolean;
  /** Failed before any login was tried: another port or encryption may work. */
  transportFailure: boolean;
  /** An implicit-TLS handshake met a plain-text POP greeting on this port. */
  plainPop: boolean;
  aborted: boolean;
  settings?: ClientSettings;
  server?: ServerInfo;
  tls?: TlsDetails;
  capabilities: CapabilitySets;
  mailbox?: MailboxInfo;
  /** The steps this attempt planned but never reached. */
  remaining: StepName[];
  /** The server greeted in POP. */
  reachedServer: boolean;
  /** A TLS session was set up (whatever the certificate verdict). */
  tlsWorked: boolean;
  /** CAPA before any login listed no STLS (false: listed it; undefined: no CAPA, or not asked). */
  stlsMissing?: boolean;
  /** The login was tried and worked. */
  loginVerified: boolean;
  /** The APOP login step the server refused: a new connection tries the normal password. */
  apopRefused?: ProbeStep;
}
