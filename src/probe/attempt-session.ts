import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { type ProbeMessageKey, probeMessages } from '../i18n/probe-messages.js';
import type { ConnectionContext, PopConnection } from './connection.js';
import type { AttemptContext, AttemptOutcome, AttemptTarget } from './attempt-types.js';
import type { StepRecorder } from './steps.js';
import type { ProbeStep, StepName } from './types.js';

/** Thrown by `record('fail', …)`: the attempt ends there, its failure already recorded. */
export class Stop extends Error {}

/**
 * What the steps of one attempt share: its sockets, the outcome so far, and the step being run with
 * its timing. Every step records itself through `record`, which also crosses it off the plan.
 */
export class AttemptSession {
  readonly ctx: AttemptContext;
  readonly target: AttemptTarget;
  readonly out: AttemptOutcome;
  /** Steps still to run; what is left when the attempt ends is reported as `remaining`. */
  readonly planned: StepName[];
  conn: PopConnection | undefined;
  raw: Socket | undefined;
  tlsSocket: TLSSocket | undefined;
  /** The APOP timestamp from the greeting, if it had one. */
  greetingTs: string | undefined;
  /** Set once credentials went out: a failure from then on is no transport failure. */
  loginTried = false;
  #current: StepName = 'connect';
  #startedAt = 0;
  /** The length of the last wait `until` set: what "no answer within N s" reports. */
  #waitMs = 0;

  constructor(ctx: AttemptContext, target: AttemptTarget, planned: StepName[]) {
    this.ctx = ctx;
    this.target = target;
    this.planned = planned;
    this.out = {
      mode: target.tls,
      exploratory: target.exploratory,
      success: false,
      transportFailure: false,
      plainPop: false,
      aborted: false,
      capabilities: {},
      remaining: [],
      reachedServer: false,
      tlsWorked: false,
      loginVerified: false,
    };
  }

  msg(key: ProbeMessageKey, params?: Record<string, string | number>): string {
    return probeMessages.t(this.ctx.settings.lang, key, params);
  }

  begin(name: StepName): void {
    this.#current = name;
    this.#startedAt = this.ctx.clock.now();
  }

  record(
    status: 'ok' | 'warn' | 'fail' | 'skipped',
    detail: string,
    extra: Parameters<StepRecorder['add']>[4] = {},
  ): ProbeStep {
    const step = this.ctx.rec.add(this.#current, status, this.#startedAt, detail, extra);
    this.#unplan(this.#current);
    if (status === 'fail') {
      if (!this.loginTried) this.out.transportFailure = true;
      throw new Stop();
    }
    return step;
  }

  get current(): StepName {
    return this.#current;
  }

  /** Drops steps that will not run (no login, so nothing after it) without recording them. */
  unplan(...names: StepName[]): void {
    for (const name of names) this.#unplan(name);
  }

  #unplan(name: StepName): void {
    const i = this.planned.indexOf(name);
    if (i >= 0) this.planned.splice(i, 1);
  }

  /** The absolute time the current wait must end: the step's limit, within the probe's deadline. */
  until(limitMs = this.ctx.settings.stepMs): number {
    this.#waitMs = this.ctx.deadline.step(limitMs);
    return this.ctx.clock.now() + this.#waitMs;
  }

  /** How long the last wait was allowed to last, in seconds (measured when it began, not after). */
  seconds(): number {
    return Math.round(this.#waitMs / 100) / 10;
  }

  connCtx(): ConnectionContext {
    const { clock, secrets, transcript, signal } = this.ctx;
    return { clock, secrets, transcript, signal };
  }

  /**
   * The server listed PIPELINING (RFC 2449 §6.6) in its last CAPA before login: commands whose answers
   * decide nothing about what is sent next may go out together, saving a round trip each.
   */
  get pipelining(): boolean {
    const caps = this.out.capabilities.afterStls ?? this.out.capabilities.before;
    return caps?.some((c) => c.name === 'PIPELINING') ?? false;
  }

  /** The open POP connection; the steps that need one only run once it exists. */
  get pop(): PopConnection {
    return this.conn!;
  }
}
