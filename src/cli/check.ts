import { cli } from '../i18n/cli-messages.js';
import { targetHasCredentials } from '../secrets/index.js';
import { parseArgs } from 'node:util';
import { isLang, type Lang, langFromEnv } from '../i18n/lang.js';
import { probeMessages } from '../i18n/probe-messages.js';
import { GuardConfigError, guardOptionsFromEnv, ProbeGuard } from '../probe/guard.js';
import { liveStepPrinter, renderProbeText } from '../probe/render.js';
import { runProbe } from '../probe/run-probe.js';
import type { ProbeDeps, TlsMode } from '../probe/types.js';
import { type CliIO, EXIT } from './io.js';

const OPTIONS = {
  port: { type: 'string' },
  tls: { type: 'string' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  apop: { type: 'boolean' },
  insecure: { type: 'boolean' },
  'allow-plaintext': { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  'cert-warn-days': { type: 'string' },
  timeout: { type: 'string' },
  transcript: { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const TLS_MODES: readonly TlsMode[] = ['auto', 'implicit', 'stls', 'none'];
/** Other names people type for the same modes (`starttls` is what mail programs call STLS). */
const TLS_ALIASES: Readonly<Record<string, TlsMode>> = { starttls: 'stls', ssl: 'implicit', tls: 'implicit' };

class BadUsage extends Error {}

/**
 * `popbot check TARGET [...]`: the live POP probe for the person at the keyboard. Steps print as they
 * happen on a terminal; piped output is the final report (or JSON). Exit codes follow the monitoring
 * plugin convention (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN); a usage error is 2.
 * `deps` is for tests (a CA made at test time); the CLI itself passes none.
 */
export async function runCheckCommand(args: string[], io: CliIO, deps: ProbeDeps = {}): Promise<number> {
  let lang: Lang = langFromEnv(io.env) ?? 'en';
  const usage = (problem: string): number => {
    io.stderr.write(
      `${probeMessages.t(lang, 'cli.bad-option', { problem })}\n${probeMessages.t(lang, 'cli.usage')}\n`,
    );
    return EXIT.usage;
  };
  // Refused before parsing, with its own message: a password in argv is visible to every local user.
  if (args.some((a) => /^(--pass(word)?|-p)(=|$)/.test(a)))
    return usage(probeMessages.t(lang, 'cli.password-flag'));

  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parse(args));
  } catch (error) {
    return usage((error as Error).message.split('\n')[0] ?? '');
  }
  if (values.lang !== undefined) {
    if (!isLang(values.lang))
      return usage(probeMessages.t(lang, 'cli.bad-value', { option: 'lang', value: values.lang }));
    lang = values.lang;
  }
  if (values.help) {
    io.stdout.write(`${probeMessages.t(lang, 'cli.usage')}\n`);
    return EXIT.ok;
  }

  try {
    const target = positionals[0];
    if (target === undefined || positionals.length > 1)
      throw new BadUsage(probeMessages.t(lang, 'cli.no-target'));
    if (targetHasCredentials(target)) throw new BadUsage(cli.t(lang, 'error.credentialsInTarget'));
    const bad = (option: string, value: string) =>
      new BadUsage(probeMessages.t(lang, 'cli.bad-value', { option, value }));
    const int = (option: string, value: string | undefined, min: number, max: number) => {
      if (value === undefined) return undefined;
      const n = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
      if (!(n >= min && n <= max)) throw bad(option, value);
      return n;
    };
    const port = int('port', values.port, 1, 65535);
    const asked = (values.tls ?? 'auto').toLowerCase();
    const tls = TLS_ALIASES[asked] ?? (asked as TlsMode);
    if (!TLS_MODES.includes(tls)) throw bad('tls', values.tls ?? '');
    const certWarnDays = int('cert-warn-days', values['cert-warn-days'], 0, 3650);
    const timeoutS = int('timeout', values.timeout, 1, 600);

    let password: string | undefined;
    if (values.user !== undefined) {
      const got = await readPassword(io, values.user, values['password-stdin'] ?? false, lang);
      if (!got.ok) throw new BadUsage(probeMessages.t(lang, 'cli.no-tty-password'));
      password = got.password;
    }

    const guard = new ProbeGuard({
      ...guardOptionsFromEnv(io.env),
      ports: 'any',
      allowPrivate: values['allow-private'] ?? false,
      ...(deps.resolver ? { resolver: deps.resolver } : {}),
    });
    const live = !values.json && io.stdout.isTTY === true;
    const color = io.stdout.isTTY === true && !io.env.NO_COLOR;
    const onStep = liveStepPrinter((line) => io.stdout.write(`${line}\n`), lang, { color });
    if (live) io.stdout.write(`${probeMessages.t(lang, 'render.title', { target })}\n`);

    const report = await runProbe(
      {
        target,
        port,
        tls,
        user: values.user,
        password,
        apop: values.apop ?? false,
        lang,
        insecure: values.insecure ?? false,
        allowPlaintext: values['allow-plaintext'] ?? false,
        certWarnDays,
        transcript: values.transcript ?? false,
        caller: 'cli',
        ...(timeoutS !== undefined
          ? { timeouts: { totalMs: timeoutS * 1000, stepMs: Math.min(10_000, timeoutS * 1000) } }
          : {}),
        ...(live ? { onStep } : {}),
      },
      { ...deps, guard },
    );

    if (values.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout.write(renderProbeText(report, lang, { color, includeSteps: !live }));
    return report.exitCode;
  } catch (error) {
    if (error instanceof BadUsage) return usage(error.message);
    if (error instanceof GuardConfigError) {
      io.stderr.write(`popbot check: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

export type PasswordResult = { ok: true; password: string } | { ok: false };

const MAX_PASSWORD_CHARS = 4096;

/**
 * The password for `popbot check`, never from a flag: `--password-stdin` (first line), then
 * `POPBOT_PASSWORD`, then a prompt on the terminal with echo off.
 */
export async function readPassword(
  io: CliIO,
  user: string,
  fromStdin: boolean,
  lang: Lang,
): Promise<PasswordResult> {
  if (fromStdin) return { ok: true, password: await firstLine(io.stdin) };
  const env = io.env.POPBOT_PASSWORD;
  if (env !== undefined) return { ok: true, password: env };
  if (!io.stdin.isTTY) return { ok: false };
  io.stderr.write(probeMessages.t(lang, 'cli.password-prompt', { user }));
  const password = await promptNoEcho(io.stdin as NodeJS.ReadStream);
  io.stderr.write('\n');
  return password === undefined ? { ok: false } : { ok: true, password };
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    text += String(chunk);
    const nl = text.indexOf('\n');
    if (nl >= 0) return text.slice(0, nl).replace(/\r$/, '');
    if (text.length > MAX_PASSWORD_CHARS) break;
  }
  return text.replace(/\r?\n?$/, '').slice(0, MAX_PASSWORD_CHARS);
}

/** Reads one line in raw mode, echoing nothing; Ctrl-C or Ctrl-D gives undefined. */
function promptNoEcho(stdin: NodeJS.ReadStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    let value = '';
    const wasRaw = stdin.isRaw;
    stdin.setRawMode?.(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const finish = (result: string | undefined) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(wasRaw ?? false);
      stdin.pause();
      resolve(result);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(value);
        if (ch === '\u0003' || ch === '\u0004') return finish(undefined);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (value.length < MAX_PASSWORD_CHARS) value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
