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
  ServerInfo,
  SocketFactory,
  StepName,
  TlsDetails,
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
}

export interface AttemptOutcome {
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
}
