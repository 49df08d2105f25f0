import { explain as defaultExplain } from '../explain/explain.js';
import { failureEntry } from './failure-entries.js';
import type { ProbeFailure } from './failures.js';
import { concludeProbe, countsFor } from './conclusion.js';
import type { Lang } from '../i18n/lang.js';
import { type ProbeMessageKey, probeMessages } from '../i18n/probe-messages.js';
import { Attempt, type AttemptContext, type AttemptOutcome, type AttemptSettings } from './attempt.js';
import { Deadline, systemClock } from './deadline.js';
import { type GuardPass, type GuardRefusal, ProbeGuard } from './guard.js';
import { LIMITS } from './limits.js';
import { systemSockets } from './net.js';
import { systemResolver } from './resolver.js';
import { maskLine } from '../secrets/index.js';
import { cleanServerText, Secrets } from './secrets.js';
import { StepRecorder } from './steps.js';
import { parseTarget, type TargetCandidate, targetCandidates } from './target.js';
import { Transcript } from './transcript.js';
import type {
  AttemptTls,
  ExitCode,
  ProbeDeps,
  ProbeReport,
  ProbeRequest,
  ResolvedTarget,
  TlsMode,
} from './types.js';

interface PlannedAttempt {
  port: number;
  tls: AttemptTls;
  /** Planned by `--tls auto` beside another way: may fail without that being the user's problem. */
  exploratory?: boolean;
}

/** Which ports and encryption to try, in order (`auto`: implicit TLS on 995, then STLS on 110). */
function planAttempts(
  mode: TlsMode,
  candidate: TargetCandidate,
  portOverride: number | undefined,
): PlannedAttempt[] {
  const port = portOverride ?? candidate.port;
  if (mode === 'implicit') return [{ port: port ?? 995, tls: 'implicit' }];
  if (mode === 'stls') return [{ port: port ?? 110, tls: 'stls' }];
  if (mode === 'none') return [{ port: port ?? 110, tls: 'none' }];
  if (candidate.tls && port !== undefined) return [{ port, tls: candidate.tls }];
  if (port === undefined) {
    return [
      { port: 995, tls: 'implicit', exploratory: true },
      { port: 110, tls: 'stls', exploratory: true },
    ];
  }
  if (port === 110) return [{ port, tls: 'stls' }];
  return [
    { port, tls: 'implicit', exploratory: true },
    { port, tls: 'stls', exploratory: true },
  ];
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Walks a POP server step by step and reports each step, with the explainer's reading of every failure.
 * Never throws for anything the network or the server does; always closes its sockets.
 */
export async function runProbe(request: ProbeRequest, deps: ProbeDeps = {}): Promise<ProbeReport> {
  const lang: Lang = request.lang ?? 'en';
  const clock = deps.clock ?? systemClock;
  const resolver = deps.resolver ?? systemResolver;
  const guard = deps.guard ?? new ProbeGuard({ resolver });
  const startedAt = clock.now();
  const deadline = new Deadline(clock, request.timeouts?.totalMs ?? LIMITS.totalMs);
  const rec = new StepRecorder(lang, clock, deps.explain ?? defaultExplain, request.onStep);
  const secrets = new Secrets();
  secrets.add(request.password);
  const transcript = new Transcript();
  const t = (key: Parameters<typeof probeMessages.t>[1], params?: Record<string, string | number>) =>
    probeMessages.t(lang, key, params);

  // What the user typed goes back into reports and chat replies: masked and made safe to show.
  const input = cleanServerText(maskLine(secrets.mask(request.target)), 300);
  const target: ResolvedTarget = {
    input,
    host: '',
    port: undefined,
    source: 'given',
    addresses: [],
  };
  const outcomes: AttemptOutcome[] = [];
  let unknown = false;

  const finish = (): ProbeReport => {
    const conclusion = concludeProbe(outcomes, request);
    const best = conclusion.best;
    const report: ProbeReport = {
      lang,
      target,
      steps: rec.steps,
      findings: rec.findings,
      settings: conclusion.settings,
      encryption: conclusion.encryption,
      loginVerified: conclusion.loginVerified,
      capabilities: best?.capabilities ?? {},
      exitCode: exitCode(rec.steps, outcomes, unknown),
      durationMs: Math.round(clock.now() - startedAt),
    };
    const server = best?.server ?? outcomes.find((o) => o.server)?.server;
    if (server) report.server = server;
    if (best?.tls) report.tls = best.tls;
    if (best?.mailbox) report.mailbox = best.mailbox;
    if (request.transcript) report.transcript = transcript.snapshot();
    return report;
  };

  // Target: what to connect to, and where that answer came from.
  const s0 = clock.now();
  const parsed = parseTarget(request.target);
  const invalidCredentials =
    (request.user !== undefined && CONTROL.test(request.user)) ||
    (request.password !== undefined && /[\r\n\0]/.test(request.password));
  if (!parsed || invalidCredentials) {
    unknown = true;
    rec.add('target', 'fail', s0, t('target.invalid', { input: shorten(input) }), {
      code: 'guard.invalid-target',
    });
    return finish();
  }
  target.host = parsed.host;
  const candidates = await withDeadline(targetCandidates(parsed, resolver), deadline, clock).catch(() => [
    { host: parsed.host, port: parsed.port, source: 'given' as const },
  ]);

  // DNS through the guard: one lookup per candidate, and the probe connects only to what it checked.
  let pass: GuardPass | undefined;
  let refusal: GuardRefusal | undefined;
  let chosen: TargetCandidate | undefined;
  let attempts: PlannedAttempt[] = [];
  for (const c of candidates) {
    const planned = planAttempts(request.tls ?? 'auto', c, request.port);
    attempts = planned.filter((a) => guard.portAllowed(a.port));
    const firstPort = attempts[0]?.port ?? planned[0]!.port;
    const result = await withDeadline(guard.check(c.host, firstPort, lang), deadline, clock).catch(
      (): GuardRefusal => ({
        ok: false,
        code: 'guard.unresolvable',
        message: t('guard.unresolvable', { host: c.host }),
        host: c.host,
        port: firstPort,
        dnsCode: 'ETIMEOUT',
      }),
    );
    chosen = c;
    if (result.ok) {
      pass = result;
      break;
    }
    refusal = result;
    if (result.code !== 'guard.unresolvable') break;
  }
  const c = chosen!;
  target.host = c.host;
  target.port = request.port ?? c.port;
  target.source = c.source;
  if (c.via) target.via = c.via;
  const targetDetail =
    c.source === 'srv'
      ? t('target.srv', { host: c.host, port: c.port ?? '', record: c.via ?? '' })
      : c.source === 'provider'
        ? t('target.provider', { host: c.host, provider: c.via ?? '' })
        : c.source === 'guess'
          ? t('target.guess', { host: c.host })
          : t('target.given', { host: c.host });

  if (!pass) {
    const r = refusal!;
    if (r.code === 'guard.unresolvable') {
      const dns = dnsFailure(r, lang);
      if (c.source === 'guess') {
        const detail = t('target.none', {
          domain: parsed.host,
          tried: candidates.map((x) => x.host).join(', '),
        });
        rec.add('target', 'fail', s0, detail, { failure: { ...dns.failure, line: detail } });
      } else {
        rec.add('target', 'ok', s0, targetDetail);
        rec.add('dns', 'fail', clock.now(), dns.detail, { failure: dns.failure });
      }
    } else {
      unknown = true;
      if (r.code !== 'guard.port' && r.code !== 'guard.invalid-target')
        rec.add('target', 'ok', s0, targetDetail);
      rec.add(
        'guard',
        'fail',
        clock.now(),
        `${r.message} ${guardHint(r, request.caller ?? 'operator', lang)}`.trim(),
        {
          code: r.code,
        },
      );
    }
    rec.finalize({ counts: () => true, software: undefined });
    return finish();
  }
  rec.add('target', 'ok', s0, targetDetail);
  rec.add('dns', 'ok', s0, t('dns.ok', { addresses: pass.addresses.map((a) => a.address).join(', ') }));
  target.addresses = pass.addresses.map((a) => a.address);

  const settings: AttemptSettings = {
    lang,
    user: request.user,
    password: request.password,
    apop: request.apop ?? false,
    insecure: request.insecure ?? false,
    allowPlaintext: request.allowPlaintext ?? false,
    certWarnDays: request.certWarnDays ?? LIMITS.certWarnDays,
    stepMs: request.timeouts?.stepMs ?? LIMITS.stepMs,
    loginMs: request.timeouts?.loginMs ?? LIMITS.loginMs,
    mode: request.tls ?? 'auto',
    steps: request.steps ?? 'full',
  };
  const ctx: AttemptContext = {
    settings,
    sockets: deps.sockets ?? systemSockets,
    clock,
    ca: deps.ca,
    deadline,
    rec,
    secrets,
    transcript,
    signal: request.signal,
  };

  let implicitFailed = false;
  for (let i = 0; i < attempts.length; i++) {
    const a = attempts[i]!;
    const target = { host: pass.host, addresses: pass.addresses, port: a.port, tls: a.tls };
    const outcome = await new Attempt(ctx, {
      ...target,
      index: outcomes.length,
      exploratory: a.exploratory ?? false,
      implicitFailed,
      apopFallback: false,
    }).run();
    outcomes.push(outcome);
    if (outcome.aborted) {
      unknown = true;
      break;
    }
    if (outcome.apopRefused && deadline.remaining() > 0) {
      // RFC 1939 §7 leaves a failed APOP to the server: most close the session or count the failure.
      // Whether the normal password works is asked on a new connection, as a mail program would.
      const fallback = await new Attempt(ctx, {
        ...target,
        index: outcomes.length,
        exploratory: false,
        implicitFailed,
        apopFallback: true,
      }).run();
      outcomes.push(fallback);
      if (fallback.loginVerified) {
        rec.refine(outcome.apopRefused, {
          failure: {
            entry: failureEntry('login', 'apop-refused')!,
            line: outcome.apopRefused.detail,
            command: `APOP ${request.user ?? ''} ****`,
            hints: [t('login.apop-fails')],
          },
        });
      }
      break;
    }
    if (a.tls === 'implicit' && !outcome.success && !outcome.tlsWorked) implicitFailed = true;
    const next = attempts[i + 1];
    const more =
      next !== undefined && outcome.transportFailure && !outcome.success && deadline.remaining() > 0;
    if (!more) {
      addSkipped(rec, outcome, { ...a, attempt: outcomes.length - 1 }, t('skipped.earlier'));
      break;
    }
  }
  rec.finalize({ counts: countsFor(outcomes), software: outcomes.find((o) => o.server)?.server?.software });
  return finish();
}

function addSkipped(
  rec: StepRecorder,
  outcome: AttemptOutcome,
  a: PlannedAttempt & { attempt: number },
  detail: string,
): void {
  if (outcome.success) return;
  rec.scope = a;
  const now = rec.clock.now();
  for (const name of outcome.remaining) rec.add(name, 'skipped', now, detail);
  rec.scope = undefined;
}

/** Monitoring-plugin exit code: the attempt that counts is the one that worked, else every one. */
function exitCode(steps: ProbeReport['steps'], outcomes: AttemptOutcome[], unknown: boolean): ExitCode {
  if (unknown) return 3;
  const winner = outcomes.findIndex((o) => o.success);
  // Steps of an attempt that failed before another one worked do not count: the fallback is the answer.
  const counted = winner < 0 ? steps : steps.filter((s) => s.attempt === undefined || s.attempt === winner);
  if (counted.some((s) => s.status === 'fail')) return 2;
  if (counted.some((s) => s.status === 'warn')) return 1;
  return 0;
}

function withDeadline<T>(
  promise: Promise<T>,
  deadline: Deadline,
  clock: ProbeDeps['clock'] & {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new Error('deadline')), deadline.remaining());
    promise.then(
      (v) => {
        clock.clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clock.clearTimeout(timer);
        reject(e);
      },
    );
  });
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** The DNS step's line and failure: "no such name" and "no answer from the resolver" are different things. */
function dnsFailure(r: GuardRefusal, lang: Lang): { detail: string; failure: ProbeFailure } {
  const code = r.dnsCode ?? 'ENOTFOUND';
  const t = (key: ProbeMessageKey, params?: Record<string, string | number>) =>
    probeMessages.t(lang, key, params);
  const unreachable = code === 'EAI_AGAIN' || code === 'ETIMEOUT' || code === 'ECONNREFUSED';
  const detail = unreachable
    ? t('dns.no-resolver', { host: r.host, code })
    : code === 'ENOTFOUND' || code === 'ENODATA'
      ? t('dns.not-found', { host: r.host })
      : t('dns.failed', { host: r.host, code });
  const hints = [
    t(unreachable ? 'hint.dns-resolver' : 'hint.dns-name', { host: r.host }),
    t('hint.nslookup', { host: r.host }),
  ];
  return {
    detail,
    failure: {
      entry: failureEntry('dns', code)!,
      line: `${code} ${r.host}`,
      hints,
      hintsOnly: true,
      host: r.host,
    },
  };
}

/** How a guard refusal can be lifted, by whom asked: the person at the keyboard, or the bot's operator. */
function guardHint(r: GuardRefusal, caller: 'cli' | 'operator', lang: Lang): string {
  if (r.code === 'guard.private-address')
    return probeMessages.t(lang, caller === 'cli' ? 'guard.hint-cli' : 'guard.hint-operator');
  if (r.code === 'guard.port' && caller === 'operator') return probeMessages.t(lang, 'guard.hint-ports');
  return '';
}
