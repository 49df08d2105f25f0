import { AttemptSession, Stop } from './attempt-session.js';
import type { AttemptContext, AttemptOutcome, AttemptTarget } from './attempt-types.js';
import { capaStep } from './capa-step.js';
import { connectStep } from './connect-step.js';
import { PopConnection } from './connection.js';
import { ProbeError } from './errors.js';
import { greetingStep } from './greeting-step.js';
import { LIMITS } from './limits.js';
import { loginStep } from './login-step.js';
import { mailboxSteps, quitStep } from './mailbox-steps.js';
import { implicitTls, stlsUpgrade } from './tls-step.js';
import type { AttemptTls, StepName } from './types.js';

export type { AttemptContext, AttemptOutcome, AttemptSettings, AttemptTarget } from './attempt-types.js';

function plan(tls: AttemptTls): StepName[] {
  const head: StepName[] =
    tls === 'implicit'
      ? ['connect', 'tls', 'greeting', 'capa']
      : tls === 'stls'
        ? ['connect', 'greeting', 'capa', 'stls', 'tls', 'capa-after-stls']
        : ['connect', 'greeting', 'capa'];
  return [...head, 'login', 'capa-after-login', 'stat', 'uidl', 'quit'];
}

/** One connection to one port with one kind of encryption, step by step. */
export class Attempt {
  readonly #s: AttemptSession;

  constructor(ctx: AttemptContext, target: AttemptTarget) {
    this.#s = new AttemptSession(ctx, target, plan(target.tls));
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

  /** A ProbeError in the current step: recorded as its failure, with the explainer's reading. */
  #fail(error: unknown): void {
    const s = this.#s;
    const e =
      error instanceof ProbeError
        ? error
        : new ProbeError('probe.socket', String(error), String(error).split('\n')[0]);
    if (e.code === 'probe.aborted') s.out.aborted = true;
    const params = {
      seconds: s.seconds(),
      max: e.code === 'probe.line-too-long' ? LIMITS.maxLineBytes : LIMITS.maxResponseBytes,
      error: s.conn?.show(e.errorLine ?? e.message) ?? e.errorLine ?? e.message,
    };
    try {
      s.record('fail', s.msg(e.code, params), {
        code: e.explainAs ? undefined : e.code,
        explain: e.explainAs,
      });
    } catch {
      // record throws Stop after a failure, by design.
    }
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

    if (t.tls === 'stls') {
      await stlsUpgrade(s, before);
      // RFC 2595 §4: capabilities learnt before TLS are forgotten; ask again.
      s.out.capabilities.afterStls = await capaStep(s, 'capa-after-stls');
    }

    const loggedIn = await loginStep(s);
    if (loggedIn) {
      if (s.out.capabilities.before !== null) {
        s.out.capabilities.afterLogin = await capaStep(s, 'capa-after-login');
      }
      await mailboxSteps(s);
    }
    await quitStep(s, loggedIn);
    const settings = s.ctx.settings;
    s.out.settings = {
      server: t.host,
      port: t.port,
      encryption: t.tls === 'implicit' ? 'ssl/tls' : t.tls === 'stls' ? 'starttls' : 'none',
      authentication: settings.apop && loggedIn === 'apop' ? 'apop' : 'normal password',
      ...(settings.user ? { username: settings.user } : {}),
    };
  }
}
