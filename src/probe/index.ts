/** The probe's public surface, for the CLI and the chat adapters. */
export {
  type CheckedAddress,
  DEFAULT_PROBE_PORTS,
  type GuardCode,
  GuardConfigError,
  type GuardPass,
  type GuardRefusal,
  type GuardResult,
  guardOptionsFromEnv,
  ProbeGuard,
  type ProbeGuardOptions,
} from './guard.js';
export { type RateCode, type RateDecision, RateLimiter, type RateLimiterOptions } from './rate-limit.js';
export {
  liveStepPrinter,
  type RenderOptions,
  renderAttemptHeader,
  renderProbeText,
  renderStepLine,
} from './render.js';
export { runProbe } from './run-probe.js';
export type * from './types.js';
