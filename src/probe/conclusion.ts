import type { AttemptOutcome } from './attempt-types.js';
import type { ClientSettings, EncryptionVerdict, ProbeRequest, ProbeStep } from './types.js';

export interface ProbeConclusion {
  /** The attempt the report describes: the one that worked, else the one that got furthest. */
  best: AttemptOutcome | undefined;
  encryption: EncryptionVerdict;
  loginVerified: boolean;
  /** Only settings the probe saw work, and never "no encryption" where encryption works or may work. */
  settings: ClientSettings | undefined;
}

/** What the attempts, taken together, established. */
export function concludeProbe(outcomes: readonly AttemptOutcome[], request: ProbeRequest): ProbeConclusion {
  const winner = [...outcomes].reverse().find((o) => o.success);
  const best = winner ?? [...outcomes].reverse().find((o) => o.reachedServer) ?? outcomes.at(-1);
  const encryption = encryptionVerdict(outcomes, request);
  const loginVerified = winner?.loginVerified ?? false;
  let settings = winner?.settings;
  // A login that was not checked (no password sent over plain text) recommends nothing.
  if (settings && request.user !== undefined && !loginVerified) settings = undefined;
  // Clear text is recommended only once the probe saw that nothing else is offered.
  if (settings?.encryption === 'none' && encryption !== 'none-offered') settings = undefined;
  return { best, encryption, loginVerified, settings };
}

function encryptionVerdict(outcomes: readonly AttemptOutcome[], request: ProbeRequest): EncryptionVerdict {
  if (outcomes.some((o) => o.tlsWorked)) return 'works';
  if ((request.tls ?? 'auto') !== 'auto') return 'unknown';
  // `auto` tried SSL/TLS from the first byte and found no STLS either: the server offers no encryption.
  const implicitFailed = outcomes.some((o) => o.mode === 'implicit' && !o.success);
  const stlsMissing = outcomes.some((o) => o.stlsMissing === true);
  return implicitFailed && stlsMissing ? 'none-offered' : 'unknown';
}

/**
 * Which steps' failures become findings. An attempt `--tls auto` made without knowing it would work
 * (SSL/TLS on 995 before STARTTLS on 110) is the user's problem only when nothing else got through:
 * once another attempt worked, or reached the server, its failure is a step of the check, not a finding.
 */
export function countsFor(outcomes: readonly AttemptOutcome[]): (step: ProbeStep) => boolean {
  const winner = outcomes.findIndex((o) => o.success);
  const lastReached = outcomes.map((o) => o.reachedServer).lastIndexOf(true);
  return (step) => {
    if (step.attempt === undefined) return true;
    const outcome = outcomes[step.attempt];
    if (!outcome?.exploratory) return true;
    if (winner >= 0) return step.attempt === winner;
    return !(outcome.transportFailure && lastReached > step.attempt);
  };
}
