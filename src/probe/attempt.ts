import { AttemptSession, Stop } from './attempt-session.js';
import type { AttemptContext, AttemptOutcome, AttemptTarget } from './attempt-types.js';
import { capaStep } from './capa-step.js';
import { connectStep } from './connect-step.js';
import { PopConnection } from './connection.js';
import { ProbeError } from './errors.js';
import { failureEntry } from './failure-entries.js';
import { greetingStep } from './greeting-step.js';
import { LIMITS } from './limits.js';
import { loginStep } from './login-step.js';
import { mailboxSteps, quitStep } from './mailbox-steps.js';
import { implicitTls, stlsUpgrade } from './tls-step.js';
import type { AttemptTls, ProbeSteps, StepName } from './types.js';

export type { AttemptContext, AttemptOutcome, AttemptSettings, AttemptTarget } from './attempt-types.js';

function plan(tls: AttemptTls, steps: ProbeSteps): StepName[] {
  const head: StepName[] =
    tls === 'implicit'
      ? ['connect', 'tls', 'greeting', 'capa']
      : tls === 'stls'
        ? ['connect', 'greeting', 'capa', 'stls', 'tls', 'capa-after-stls']
        : ['connect', 'greeting', 'capa'];
  if (steps === 'essential') return [...head, 'login', 'stat', 'quit'];
  return [...head, 'login', 'capa-after-login', 'stat', 'uidl', 'quit'];
}

/** One connection to one port with one kind of encryption, step by step. */
export class Attempt {
  readonly #s: AttemptSession;

  constructor(ctx: AttemptContext, target: AttemptTarget) {
    this.#s = new AttemptSession(ctx, target, plan(target.tls, ctx.settings.steps));
  }

  async run(): Promise<AttemptOutcome> {
    const s = this.#s;
    s.ctx.rec.scope = { port: s.target.port, tls: s.target.tls, attempt: s.target.index };
    try {
      await this.#steps();
      s.out.success = true;
    } catch (error) {
      if (!(error instanceof Stop)) this.#fail(error);
    } finally {
      s.conn?.close();
      s.tlsSocket?.destroy();
      s.raw?.destroy();
      s.ctx.rec.scope = undefined;
    }
    s.out.remaining = [...s.planned];
    return s.out;
  }

  /** A ProbeError in the current step: recorded as its failure, with the entry for its step and code. */
  #fail(error: unknown): void {
    const s = this.#s;
    const e = error instanceof ProbeError ? error : new ProbeError('probe.socket', String(error));
    if (e.code === 'probe.aborted') s.out.aborted = true;
    const detail = this.#detail(e);
    const entry = failureEntry(s.current, e.nodeCode ?? e.code);
    try {
      s.record('fail', detail, {
        code: entry ? undefined : e.code,
        ...(entry ? { failure: { entry, line: e.code === 'probe.socket' ? e.evidence : detail } } : {}),
      });
    } catch {
      // record throws Stop after a failure, by design.
    }
  }

  /** The step's line for a socket-level failure, in the user's language: what happened, not Node's words. */
  #detail(e: ProbeError): string {
    const s = this.#s;
    const where = { address: s.target.addresses[0]?.address ?? s.target.host, port: s.target.port };
    const seconds = s.seconds();
    if (e.code === 'probe.timeout' && s.current === 'tls') return s.msg('tls.timeout', { seconds });
    switch (e.nodeCode) {
      case 'ECONNREFUSED':
        return s.msg('fail.refused', where);
      case 'ETIMEDOUT':
        return s.msg('fail.connect-timeout', { ...where, seconds });
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return s.msg('fail.unreachable', where);
      case 'ECONNRESET':
      case 'EPIPE':
        return s.msg('fail.reset');
    }
    return s.msg(e.code, {
      seconds,
      max: e.code === 'probe.line-too-long' ? LIMITS.maxLineBytes : LIMITS.maxResponseBytes,
      error: s.conn?.show(e.evidence) ?? e.evidence,
    });
  }

  async #steps(): Promise<void> {
    const s = this.#s;
    const t = s.target;
    s.begin('connect');
    s.raw = await connectStep(s);

    if (t.tls === 'implicit') await implicitTls(s, s.raw);
    else s.conn = new PopConnection(s.raw, s.connCtx(), false);

    await greetingStep(s);
    const before = await capaStep(s, 'capa');
    s.out.capabilities.before = before;

    if (t.tls === 'stls' && (await stlsUpgrade(s, before))) {
      // RFC 2595 §4: capabilities learnt before TLS are forgotten; ask again.
      s.out.capabilities.afterStls = await capaStep(s, 'capa-after-stls');
    }

    const loggedIn = await loginStep(s);
    if (loggedIn) {
      const full = s.ctx.settings.steps === 'full';
      const capaAgain = s.out.capabilities.before !== null && full;
      // What follows a login does not depend on the answers before it (UIDL waits for STAT's count).
      if (s.pipelining) s.pop.pipeline([...(capaAgain ? ['CAPA'] : []), 'STAT', ...(full ? [] : ['QUIT'])]);
      if (capaAgain) s.out.capabilities.afterLogin = await capaStep(s, 'capa-after-login');
      await mailboxSteps(s);
    }
    await quitStep(s, loggedIn);
    const encrypted = s.conn?.encrypted ?? false;
    s.out.settings = {
      server: t.host,
      port: t.port,
      encryption: !encrypted ? 'none' : t.tls === 'implicit' ? 'ssl/tls' : 'starttls',
      ...(loggedIn ? { authentication: loggedIn === 'apop' ? 'apop' : 'normal password' } : {}),
      ...(s.ctx.settings.user ? { username: s.ctx.settings.user } : {}),
    };
  }
}
