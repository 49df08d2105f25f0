import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Lang } from '../i18n/lang.js';
import { type ProbeMessageKey, probeMessages } from '../i18n/probe-messages.js';
import { hasCapability, parseCapabilities, saslMechanisms } from './capabilities.js';
import { PopConnection } from './connection.js';
import type { Deadline } from './deadline.js';
import { ProbeError } from './errors.js';
import { analyseGreeting, recogniseSoftware } from './greeting.js';
import type { CheckedAddress } from './guard.js';
import { LIMITS } from './limits.js';
import { tcpConnect, tlsHandshake } from './net.js';
import type { Secrets } from './secrets.js';
import type { StepRecorder } from './steps.js';
import { describeTls, tlsErrorLine } from './tls-info.js';
import type { Transcript } from './transcript.js';
import type {
  AttemptTls,
  Capability,
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

const TLS_MISMATCH =
  /wrong version number|packet length too long|unknown protocol|record layer failure|http request|ssl3_get_record|tls_get_more_records/i;

function plan(tls: AttemptTls): StepName[] {
  const head: StepName[] =
    tls === 'implicit'
      ? ['connect', 'tls', 'greeting', 'capa']
      : tls === 'stls'
        ? ['connect', 'greeting', 'capa', 'stls', 'tls', 'capa-after-stls']
        : ['connect', 'greeting', 'capa'];
  return [...head, 'login', 'capa-after-login', 'stat', 'uidl', 'quit'];
}

class Stop extends Error {}

/** One connection to one port with one kind of encryption, step by step. */
export class Attempt {
  readonly #ctx: AttemptContext;
  readonly #t: AttemptTarget;
  readonly #out: AttemptOutcome;
  readonly #planned: StepName[];
  #current: StepName = 'connect';
  #startedAt = 0;
  #loginTried = false;
  #conn: PopConnection | undefined;
  #raw: Socket | undefined;
  #tlsSocket: TLSSocket | undefined;
  #greetingTs: string | undefined;

  constructor(ctx: AttemptContext, target: AttemptTarget) {
    this.#ctx = ctx;
    this.#t = target;
    this.#planned = plan(target.tls);
    this.#out = {
      success: false,
      transportFailure: false,
      plainPop: false,
      aborted: false,
      capabilities: {},
      remaining: [],
    };
  }

  #msg(key: ProbeMessageKey, params?: Record<string, string | number>): string {
    return probeMessages.t(this.#ctx.settings.lang, key, params);
  }

  #begin(name: StepName): void {
    this.#current = name;
    this.#startedAt = this.#ctx.clock.now();
  }

  #record(
    status: 'ok' | 'warn' | 'fail' | 'skipped',
    detail: string,
    extra: Parameters<StepRecorder['add']>[4] = {},
  ): void {
    this.#ctx.rec.add(this.#current, status, this.#startedAt, detail, extra);
    const i = this.#planned.indexOf(this.#current);
    if (i >= 0) this.#planned.splice(i, 1);
    if (status === 'fail') {
      if (!this.#loginTried) this.#out.transportFailure = true;
      throw new Stop();
    }
  }

  #until(limitMs = this.#ctx.settings.stepMs): number {
    return this.#ctx.clock.now() + this.#ctx.deadline.step(limitMs);
  }

  #seconds(limitMs = this.#ctx.settings.stepMs): number {
    return Math.round(this.#ctx.deadline.step(limitMs) / 100) / 10;
  }

  async run(): Promise<AttemptOutcome> {
    this.#ctx.rec.scope = { port: this.#t.port, tls: this.#t.tls, attempt: this.#t.index };
    try {
      await this.#steps();
      this.#out.success = true;
    } catch (error) {
      if (!(error instanceof Stop)) this.#fail(error);
    } finally {
      this.#conn?.close();
      this.#tlsSocket?.destroy();
      this.#raw?.destroy();
      this.#ctx.rec.scope = undefined;
    }
    this.#out.remaining = [...this.#planned];
    return this.#out;
  }

  /** A ProbeError in the current step: recorded as its failure, with the explainer's reading. */
  #fail(error: unknown): void {
    const e =
      error instanceof ProbeError
        ? error
        : new ProbeError('probe.socket', String(error), String(error).split('\n')[0]);
    if (e.code === 'probe.aborted') this.#out.aborted = true;
    const params = {
      seconds: this.#seconds(),
      max: e.code === 'probe.line-too-long' ? LIMITS.maxLineBytes : LIMITS.maxResponseBytes,
      error: this.#conn?.show(e.errorLine ?? e.message) ?? e.errorLine ?? e.message,
    };
    try {
      this.#record('fail', this.#msg(e.code, params), {
        code: e.explainAs ? undefined : e.code,
        explain: e.explainAs,
      });
    } catch {
      // #record throws Stop after a failure, by design.
    }
  }

  async #steps(): Promise<void> {
    this.#begin('connect');
    this.#raw = await this.#connect();

    if (this.#t.tls === 'implicit') {
      this.#begin('tls');
      const secured = await this.#handshake(this.#raw);
      this.#conn = new PopConnection(secured, this.#connCtx(), true);
    } else {
      this.#conn = new PopConnection(this.#raw, this.#connCtx(), false);
    }

    await this.#greeting();
    const before = await this.#capa('capa');
    this.#out.capabilities.before = before;

    if (this.#t.tls === 'stls') {
      this.#begin('stls');
      const reply = await this.#conn.command('STLS', this.#until());
      if (!reply.startsWith('+OK')) {
        this.#record('fail', this.#msg('stls.refused', { line: this.#conn.show(reply) }), {
          explain: `C: STLS\nS: ${reply}`,
          expect: 'tls.unavailable',
        });
      }
      const offered = before === null || hasCapability(before, 'STLS');
      this.#record(offered ? 'ok' : 'warn', this.#msg(offered ? 'stls.ok' : 'stls.not-offered'));
      const raw = this.#conn.detach();
      this.#conn = undefined;
      this.#begin('tls');
      const secured = await this.#handshake(raw);
      this.#conn = new PopConnection(secured, this.#connCtx(), true);
      // RFC 2595 §4: capabilities learnt before TLS are forgotten; ask again.
      this.#out.capabilities.afterStls = await this.#capa('capa-after-stls');
    }

    const loggedIn = await this.#login();
    if (loggedIn) {
      if (this.#out.capabilities.before !== null) {
        this.#out.capabilities.afterLogin = await this.#capa('capa-after-login');
      }
      await this.#stat();
    }
    await this.#quit(loggedIn);
    const s = this.#ctx.settings;
    this.#out.settings = {
      server: this.#t.host,
      port: this.#t.port,
      encryption: this.#t.tls === 'implicit' ? 'ssl/tls' : this.#t.tls === 'stls' ? 'starttls' : 'none',
      authentication: s.apop && loggedIn === 'apop' ? 'apop' : 'normal password',
      ...(s.user ? { username: s.user } : {}),
    };
  }

  #connCtx() {
    const { clock, secrets, transcript, signal } = this.#ctx;
    return { clock, secrets, transcript, signal };
  }

  async #connect(): Promise<Socket> {
    let last: unknown;
    for (const a of this.#t.addresses) {
      try {
        const socket = await tcpConnect(
          this.#ctx.sockets,
          { address: a.address, family: a.family, port: this.#t.port },
          { clock: this.#ctx.clock, until: this.#until(), signal: this.#ctx.signal },
        );
        this.#ctx.transcript.add('*', `connected to ${a.address} port ${this.#t.port}`);
        this.#record('ok', this.#msg('connect.ok', { address: a.address, port: this.#t.port }));
        return socket;
      } catch (error) {
        last = error;
        if (error instanceof ProbeError && error.code === 'probe.aborted') throw error;
      }
    }
    throw last ?? new ProbeError('probe.socket', 'no address', 'Error: getaddrinfo ENOTFOUND');
  }

  /** TLS on `raw` (implicit, or after STLS), then the certificate verdict as the `tls` step. */
  async #handshake(raw: Socket): Promise<TLSSocket> {
    const opts = { clock: this.#ctx.clock, until: this.#until(), signal: this.#ctx.signal };
    try {
      this.#tlsSocket = await tlsHandshake(
        this.#ctx.sockets,
        raw,
        { host: this.#t.host, ca: this.#ctx.ca },
        opts,
      );
    } catch (error) {
      if (
        this.#t.tls === 'implicit' &&
        error instanceof ProbeError &&
        TLS_MISMATCH.test(error.errorLine ?? '') &&
        (await this.#plainGreetingHere())
      ) {
        this.#out.plainPop = true;
        this.#record('fail', this.#msg('tls.plain-greeting'), {
          code: 'tls.mismatch',
          explain: error.errorLine,
          expect: 'tls.mismatch',
        });
      }
      if (error instanceof ProbeError && error.errorLine && error.code !== 'probe.aborted') {
        this.#record('fail', this.#msg('tls.failed', { error: error.errorLine }), {
          explain: error.errorLine,
        });
      }
      throw error;
    }
    const socket = this.#tlsSocket;
    this.#ctx.transcript.add('*', `TLS started (${socket.getProtocol() ?? '?'})`);
    const details = describeTls(socket, this.#t.host, this.#ctx.clock.now());
    this.#out.tls = details;
    const s = this.#ctx.settings;
    const summary = this.#msg('tls.ok', {
      protocol: details.protocol ?? '?',
      cipher: details.cipher,
      subject: details.subject,
      issuer: details.issuer,
      days: details.daysLeft,
    });
    if (!details.trusted) {
      const line = tlsErrorLine(details, this.#t.host);
      const untrusted = this.#msg('tls.untrusted', { reason: line.replace(/^Error( \[\w+\])?: /, '') });
      if (!s.insecure)
        this.#record('fail', `${untrusted} ${summary}`, { explain: line, expect: 'tls.certificate' });
      this.#record('warn', `${untrusted} ${this.#msg('tls.insecure')} ${summary}`, {
        explain: line,
        expect: 'tls.certificate',
      });
    } else if (details.daysLeft <= s.certWarnDays) {
      this.#record(
        'warn',
        `${this.#msg('tls.expiring', { days: details.daysLeft, date: details.validTo })} ${summary}`,
        { code: 'tls.certificate-expiring' },
      );
    } else {
      this.#record('ok', summary);
    }
    return socket;
  }

  /** After a TLS handshake failed: does a plain connection to the same address get a `+OK` greeting? */
  async #plainGreetingHere(): Promise<boolean> {
    const a = this.#t.addresses[0];
    if (!a) return false;
    const budget = Math.min(3000, this.#ctx.deadline.remaining());
    const until = this.#ctx.clock.now() + budget;
    let conn: PopConnection | undefined;
    try {
      const socket = await tcpConnect(
        this.#ctx.sockets,
        { ...a, port: this.#t.port },
        {
          clock: this.#ctx.clock,
          until,
          signal: this.#ctx.signal,
        },
      );
      conn = new PopConnection(socket, this.#connCtx(), false);
      this.#ctx.transcript.add('*', 'second connection, plain text, to read the greeting');
      return (await conn.readLine(until)).startsWith('+OK');
    } catch {
      return false;
    } finally {
      conn?.close();
    }
  }

  /** After silence on a plain connection: does a TLS handshake work on the same port? */
  async #tlsWorksHere(): Promise<boolean> {
    const a = this.#t.addresses[0];
    if (!a) return false;
    const until = this.#ctx.clock.now() + Math.min(this.#ctx.settings.stepMs, this.#ctx.deadline.remaining());
    const opts = { clock: this.#ctx.clock, until, signal: this.#ctx.signal };
    let socket: TLSSocket | undefined;
    try {
      const raw = await tcpConnect(this.#ctx.sockets, { ...a, port: this.#t.port }, opts);
      this.#ctx.transcript.add('*', 'second connection, TLS handshake on the same port');
      socket = await tlsHandshake(this.#ctx.sockets, raw, { host: this.#t.host, ca: this.#ctx.ca }, opts);
      return true;
    } catch {
      return false;
    } finally {
      socket?.destroy();
    }
  }

  async #greeting(): Promise<void> {
    const conn = this.#conn!;
    this.#begin('greeting');
    let line: string;
    try {
      line = await conn.readLine(this.#until());
    } catch (error) {
      if (error instanceof ProbeError && error.code === 'probe.timeout' && this.#t.tls !== 'implicit') {
        const seconds = this.#seconds();
        if (await this.#tlsWorksHere()) {
          this.#record('fail', this.#msg('greeting.silent-tls'), {
            code: 'tls.mismatch',
            explain: 'Error: wrong version number',
            expect: 'tls.mismatch',
          });
        }
        this.#record('fail', this.#msg('greeting.silent', { seconds }), {
          explain: 'Error: Connection timed out',
          expect: 'connect.timeout',
        });
      }
      throw error;
    }
    const shown = conn.show(line);
    const g = analyseGreeting(line);
    if (g.kind === 'pop') {
      this.#greetingTs = g.apopTimestamp;
      this.#out.server = {
        greeting: shown,
        apop: g.apopTimestamp !== undefined,
        ...(g.software ? { software: g.software } : {}),
      };
      const notes = [
        g.software ? this.#msg('greeting.software', { software: g.software }) : '',
        g.apopTimestamp ? this.#msg('greeting.apop') : '',
      ].filter(Boolean);
      this.#record('ok', [shown, ...notes].join(' — '));
      return;
    }
    if (g.kind === 'pop-error') {
      this.#record('fail', this.#msg('greeting.err', { line: shown }), { explain: `S: ${line}` });
    }
    if (g.kind === 'garbage') {
      this.#record('fail', this.#msg('greeting.garbage', { line: shown }), {
        code: 'server.protocol-error',
        explain: `S: ${line}`,
        expect: 'server.protocol-error',
      });
    }
    const names: Record<string, string> = {
      smtp: 'SMTP',
      imap: 'IMAP',
      http: 'HTTP',
      ssh: 'SSH',
      ftp: 'FTP',
    };
    const protocol = names[g.kind] ?? g.kind;
    this.#record('fail', this.#msg('greeting.wrong-service', { protocol, line: shown }), {
      code: 'connect.wrong-service',
      explain: `S: ${line}`,
      expect: 'connect.wrong-service',
    });
  }

  /** CAPA (RFC 2449). `null` when the server has no CAPA: said, and the check goes on. */
  async #capa(name: 'capa' | 'capa-after-stls' | 'capa-after-login'): Promise<Capability[] | null> {
    const conn = this.#conn!;
    this.#begin(name);
    const reply = await conn.command('CAPA', this.#until());
    if (!reply.startsWith('+OK')) {
      this.#record('warn', this.#msg('capa.none'), { code: 'command.unknown' });
      return null;
    }
    const caps = parseCapabilities(await conn.readMultiline(this.#until()), this.#ctx.settings.lang);
    const impl = caps.find((c) => c.name === 'IMPLEMENTATION');
    if (impl && this.#out.server && !this.#out.server.software) {
      const software = recogniseSoftware(impl.args.join(' '));
      if (software) this.#out.server.software = software;
    }
    const names = conn.show(
      caps.map((c) => (c.args.length > 0 ? `${c.name} ${c.args.join(' ')}` : c.name)).join(', '),
    );
    // Without a login this is the last word on UIDL; with one, the UIDL step decides. Before STLS the
    // list may legitimately lack what comes after encryption.
    const lastBeforeLogin = name === 'capa-after-stls' || (name === 'capa' && this.#t.tls !== 'stls');
    if (lastBeforeLogin && !this.#ctx.settings.user && !hasCapability(caps, 'UIDL')) {
      this.#record('warn', `${names} — ${this.#msg('capa.no-uidl')}`, { code: 'probe.no-uidl' });
    } else {
      this.#record('ok', names);
    }
    return caps;
  }

  /** Returns the method that logged in, or false when login was not tried or failed. */
  async #login(): Promise<false | 'apop' | 'plain' | 'user'> {
    const conn = this.#conn!;
    const s = this.#ctx.settings;
    this.#begin('login');
    if (!s.user) {
      this.#record('skipped', this.#msg('login.no-user'));
      this.#skipAfterLogin();
      return false;
    }
    if (s.password === undefined) {
      this.#record('skipped', this.#msg('login.no-password'));
      this.#skipAfterLogin();
      return false;
    }
    if (!conn.encrypted && !s.allowPlaintext) {
      this.#record('warn', this.#msg('login.plaintext-refused'), { code: 'probe.plaintext-refused' });
      this.#skipAfterLogin();
      return false;
    }
    this.#loginTried = true;
    const until = this.#until(s.loginMs);
    const caps = this.#out.capabilities.afterStls ?? this.#out.capabilities.before;
    const plainNote = conn.encrypted ? '' : ` ${this.#msg('login.plaintext-sent')}`;
    const status = conn.encrypted ? 'ok' : 'warn';

    if (s.apop) {
      if (!this.#greetingTs) this.#record('fail', this.#msg('login.no-apop'), { code: 'auth.mechanism' });
      const digest = createHash('md5').update(`${this.#greetingTs}${s.password}`).digest('hex');
      this.#ctx.secrets.add(digest);
      const shown = `APOP ${s.user} ****`;
      const reply = await conn.command(`APOP ${s.user} ${digest}`, until, shown);
      if (reply.startsWith('+OK')) {
        this.#record(status, this.#msg('login.ok', { user: s.user, method: 'APOP' }) + plainNote);
        return 'apop';
      }
      // The server said no to APOP: does the normal password work? That is what the user needs to hear.
      const fallback = await this.#userPass(conn, this.#until(s.loginMs));
      if (fallback.ok) {
        this.#record(
          'warn',
          `${this.#msg('login.apop-fails')} ${this.#msg('login.failed', { line: conn.show(reply) })}`,
          {
            explain: `C: ${shown}\nS: ${reply}`,
            expect: 'auth.mechanism',
          },
        );
        return 'user';
      }
      this.#loginFailed(conn, shown, reply);
    }

    if (saslMechanisms(caps).includes('PLAIN')) {
      const payload = Buffer.from(`\0${s.user}\0${s.password}`, 'utf8').toString('base64');
      this.#ctx.secrets.add(payload);
      const shown = 'AUTH PLAIN ****';
      let reply = await conn.command(`AUTH PLAIN ${payload}`, until, shown);
      if (reply.startsWith('+ ') || reply === '+') {
        conn.send(payload, '****');
        reply = await conn.readLine(until);
      }
      if (!reply.startsWith('+OK')) this.#loginFailed(conn, shown, reply);
      this.#record(status, this.#msg('login.ok', { user: s.user, method: 'AUTH PLAIN' }) + plainNote);
      return 'plain';
    }

    const result = await this.#userPass(conn, until);
    if (!result.ok) this.#loginFailed(conn, result.shown, result.reply);
    this.#record(status, this.#msg('login.ok', { user: s.user, method: 'USER/PASS' }) + plainNote);
    return 'user';
  }

  async #userPass(
    conn: PopConnection,
    until: number,
  ): Promise<{ ok: true } | { ok: false; shown: string; reply: string }> {
    const s = this.#ctx.settings;
    const userReply = await conn.command(`USER ${s.user}`, until);
    if (!userReply.startsWith('+OK')) return { ok: false, shown: `USER ${s.user}`, reply: userReply };
    const passReply = await conn.command(`PASS ${s.password}`, until, 'PASS ****');
    return passReply.startsWith('+OK') ? { ok: true } : { ok: false, shown: 'PASS ****', reply: passReply };
  }

  #loginFailed(conn: PopConnection, shown: string, reply: string): never {
    this.#record('fail', this.#msg('login.failed', { line: conn.show(reply) }), {
      explain: `C: ${shown}\nS: ${reply}`,
    });
    throw new Stop();
  }

  #skipAfterLogin(): void {
    for (const name of ['capa-after-login', 'stat', 'uidl'] as const) {
      const i = this.#planned.indexOf(name);
      if (i >= 0) this.#planned.splice(i, 1);
    }
  }

  async #stat(): Promise<void> {
    const conn = this.#conn!;
    this.#begin('stat');
    const reply = await conn.command('STAT', this.#until());
    const m = /^\+OK (\d+) (\d+)/.exec(reply);
    if (!m) {
      this.#record('fail', this.#msg('stat.failed', { line: conn.show(reply) }), {
        explain: `C: STAT\nS: ${reply}`,
      });
    }
    const messages = Number(m![1]);
    const octets = Number(m![2]);
    this.#record('ok', this.#msg('stat.ok', { messages, size: formatSize(octets, this.#ctx.settings.lang) }));

    this.#begin('uidl');
    // `UIDL 1` is one line whatever the mailbox size; a full listing could be megabytes.
    const command = messages > 0 ? 'UIDL 1' : 'UIDL';
    const uidl = await conn.command(command, this.#until());
    const ok = uidl.startsWith('+OK');
    if (ok && messages === 0) await conn.readMultiline(this.#until());
    this.#out.mailbox = { messages, octets, uidl: ok };
    if (ok) this.#record('ok', this.#msg('uidl.ok'));
    else this.#record('warn', this.#msg('uidl.missing'), { explain: `C: ${command}\nS: ${uidl}` });
  }

  async #quit(loggedIn: false | string): Promise<void> {
    const conn = this.#conn!;
    this.#begin('quit');
    const reply = await conn.command('QUIT', this.#until());
    if (reply.startsWith('+OK')) {
      this.#record('ok', this.#msg('quit.ok'));
      return;
    }
    // After a login, a -ERR at QUIT means the UPDATE state failed (RFC 1939 §6): deletions were not done.
    this.#record(loggedIn ? 'fail' : 'warn', this.#msg('quit.failed', { line: conn.show(reply) }), {
      explain: `C: QUIT\nS: ${reply}`,
    });
  }
}

export function formatSize(octets: number, lang: Lang): string {
  if (octets < 1024) return probeMessages.t(lang, 'size.bytes', { n: octets });
  if (octets < 1024 * 1024) return probeMessages.t(lang, 'size.kb', { n: Math.round(octets / 102.4) / 10 });
  return probeMessages.t(lang, 'size.mb', { n: Math.round(octets / 104_857.6) / 10 });
}
