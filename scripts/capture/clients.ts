import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';

/**
 * The real mail clients, run the way a user runs them: as an ordinary user (`popcap`), in a locale, with a
 * configuration file where the program wants one. What they print (stdout and stderr, in order) is the text
 * a user would paste. Paths of the throw-away home directory are shown as `~`, the only change made.
 */

export type Security = 'plain' | 'stls' | 'implicit';
export type ClientName = 'fetchmail' | 'mpop' | 'curl' | 'getmail' | 'poplib';
export const CLIENTS: readonly ClientName[] = ['fetchmail', 'mpop', 'curl', 'getmail', 'poplib'];

export interface Target {
  host: string;
  port: number;
  security: Security;
  user: string;
  password: string;
  /** CA file the client trusts (the test CA); absent: the system's store. */
  caFile?: string;
  timeoutS: number;
  /** Ask for a SASL mechanism instead of USER/PASS. */
  mechanism?: string;
  /** Where the client hands mail on: a path it cannot write, or an MDA that fails. */
  storage?: 'fails';
}

export interface ClientRun {
  tool: ClientName;
  version: string;
  /** The command line as the user typed it (the password never appears in it). */
  cmdline: string;
  /** The configuration file the command reads, if any, password masked. */
  config?: string;
  output: string;
  exitCode: number | null;
}

export const LOCALES = { en: 'C.UTF-8', fr: 'fr_FR.UTF-8', vi: 'vi_VN.UTF-8' } as const;
export type LocaleLang = keyof typeof LOCALES;

const RUN_AS = 'popcap';

function versionOf(cmd: string, args: string[], pick: RegExp): string {
  try {
    const out = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return pick.exec(out)?.[0] ?? out.split('\n')[0]!.trim();
  } catch (e) {
    const out = String((e as { stdout?: string }).stdout ?? '');
    return pick.exec(out)?.[0] ?? 'unknown';
  }
}

const versions = new Map<ClientName, string>();
export function clientVersion(tool: ClientName): string {
  if (!versions.has(tool)) {
    const v = {
      fetchmail: () => versionOf('fetchmail', ['--version'], /fetchmail release \S+/),
      mpop: () => versionOf('mpop', ['--version'], /mpop version \S+/),
      curl: () => versionOf('curl', ['--version'], /curl \S+/),
      getmail: () => versionOf('getmail', ['--version'], /getmail \S+/),
      poplib: () => `Python poplib ${versionOf('/usr/bin/python3', ['--version'], /\d+\.\d+\.\d+/)}`,
    }[tool]();
    versions.set(tool, v);
  }
  return versions.get(tool)!;
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'popcap-'));
  chmodSync(dir, 0o700);
  execFileSync('chown', [`${RUN_AS}:${RUN_AS}`, dir]);
  return dir;
}

function ownFile(path: string, text: string, mode = 0o600): void {
  writeFileSync(path, text);
  chmodSync(path, mode);
  execFileSync('chown', [`${RUN_AS}:${RUN_AS}`, path]);
}

/** Runs as the ordinary user, stdout and stderr merged in arrival order, killed after `limitS`. */
function run(
  argv: string[],
  home: string,
  lang: LocaleLang,
  limitS: number,
): Promise<{ output: string; exitCode: number | null }> {
  const locale = LOCALES[lang];
  return new Promise((resolve) => {
    const child = spawn(
      '/usr/bin/setpriv',
      [`--reuid=${RUN_AS}`, `--regid=${RUN_AS}`, '--init-groups', '--', ...argv],
      {
        detached: true,
        cwd: home,
        env: {
          PATH: '/usr/local/bin:/usr/bin:/bin',
          HOME: home,
          LANG: locale,
          LC_ALL: locale,
          LANGUAGE: lang === 'en' ? '' : lang,
          USER: RUN_AS,
          LOGNAME: RUN_AS,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('error', (e) => (output += `capture: ${e.message}`));
    // The whole process group: a client may have started helpers (passwordeval, an MDA).
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, limitS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ output: output.split(home).join('~').trimEnd(), exitCode: code });
    });
  });
}

/** The local mailbox: the user's own, or (storage fails) one the user may read but not write. */
function mailbox(home: string, t: Target): void {
  const path = join(home, 'mbox');
  ownFile(path, '');
  if (t.storage === 'fails') {
    execFileSync('chown', ['root:root', path]);
    chmodSync(path, 0o444);
  }
}

const mask = (text: string, password: string) => text.split(password).join('********');

interface Invocation {
  argv: string[];
  cmdline: string;
  config?: string;
}

function fetchmailInvocation(t: Target, home: string, verbose: boolean): Invocation {
  const ssl =
    t.security === 'implicit'
      ? 'ssl sslcertck'
      : t.security === 'stls'
        ? "sslproto 'tls1.2+' sslcertck"
        : "sslproto ''";
  // fetchmail checks the certificate's names but not its IP addresses: it is told the name to expect.
  const ca = t.caFile && t.security !== 'plain' ? ` sslcertfile "${t.caFile}" sslcommonname "localhost"` : '';
  const auth = t.mechanism ? ` auth ${t.mechanism.toLowerCase()}` : ' auth password';
  const mda = t.storage === 'fails' ? 'mda "/bin/false"' : 'mda "cat >/dev/null"';
  const rc = [
    'set no syslog',
    `poll ${t.host} with proto POP3 port ${t.port} timeout ${t.timeoutS}${auth}`,
    `  user "${t.user}" there with password "${t.password}" is ${RUN_AS} here`,
    `  options keep fetchall ${ssl}${ca}`,
    `  ${mda}`,
    '',
  ].join('\n');
  ownFile(join(home, '.fetchmailrc'), rc);
  const flags = verbose ? ['-v'] : [];
  return {
    argv: ['fetchmail', ...flags, '--nodetach'],
    cmdline: ['fetchmail', ...flags].join(' '),
    config: mask(rc, t.password),
  };
}

function mpopInvocation(t: Target, home: string, verbose: boolean): Invocation {
  ownFile(join(home, '.popsecret'), `${t.password}\n`);
  const mbox = '~/mbox';
  mailbox(home, t);
  const opts = [
    `--host=${t.host}`,
    `--port=${t.port}`,
    `--user=${t.user}`,
    "--passwordeval='cat ~/.popsecret'",
    `--tls=${t.security === 'plain' ? 'off' : 'on'}`,
    ...(t.security === 'plain' ? [] : [`--tls-starttls=${t.security === 'stls' ? 'on' : 'off'}`]),
    ...(t.caFile && t.security !== 'plain' ? [`--tls-trust-file=${t.caFile}`] : []),
    `--auth=${t.mechanism ? t.mechanism.toLowerCase() : 'user'}`,
    `--timeout=${t.timeoutS}`,
    `--delivery=mbox,${mbox}`,
    '--keep=on',
    '--uidls-file=~/.mpop_uidls',
    ...(verbose ? ['--debug'] : []),
  ];
  const shellQuoted = opts.map((o) => o.replace(/~/g, home));
  return {
    argv: ['sh', '-c', `exec mpop ${shellQuoted.join(' ')}`],
    cmdline: `mpop ${opts.join(' ')}`,
  };
}

function curlInvocation(t: Target, _home: string, verbose: boolean): Invocation {
  const scheme = t.security === 'implicit' ? 'pop3s' : 'pop3';
  const opts = [
    verbose ? '-v' : '-sS',
    '--max-time',
    String(t.timeoutS),
    ...(t.security === 'stls' ? ['--ssl-reqd'] : []),
    ...(t.caFile && t.security !== 'plain' ? ['--cacert', t.caFile] : []),
    ...(t.mechanism ? ['--login-options', `AUTH=${t.mechanism}`] : []),
    '-u',
  ];
  const url = `${scheme}://${t.host}:${t.port}/1`;
  return {
    argv: ['curl', ...opts, `${t.user}:${t.password}`, url],
    cmdline: `curl ${opts.join(' ')} ${t.user}:******** ${url}`,
  };
}

function getmailInvocation(t: Target, home: string, verbose: boolean): Invocation {
  const type = t.security === 'implicit' ? 'SimplePOP3SSLRetriever' : 'SimplePOP3Retriever';
  const dest = ['type = Mboxrd', `path = ${home}/mbox`];
  mailbox(home, t);
  const rc = [
    '[retriever]',
    `type = ${type}`,
    `server = ${t.host}`,
    `port = ${t.port}`,
    `username = ${t.user}`,
    `password = ${t.password}`,
    `timeout = ${t.timeoutS}`,
    ...(t.security === 'implicit' && t.caFile ? [`ca_certs = ${t.caFile}`] : []),
    '',
    '[destination]',
    ...dest,
    '',
    '[options]',
    'delete = false',
    'read_all = true',
    `verbose = ${verbose ? 2 : 1}`,
    '',
  ].join('\n');
  ownFile(join(home, 'getmailrc'), rc);
  return {
    argv: ['getmail', `--rcfile=${home}/getmailrc`, `--getmaildir=${home}`],
    cmdline: 'getmail --rcfile=getmailrc',
    config: mask(rc, t.password).split(home).join('~'),
  };
}

function poplibInvocation(t: Target, home: string, _verbose: boolean): Invocation {
  // A user's own small script, as people write one: the traceback names it.
  const script = join(home, 'fetch_mail.py');
  copyFileSync(join(projectRoot(), 'scripts', 'capture', 'poplib_client.py'), script);
  chmodSync(script, 0o644);
  ownFile(join(home, '.popsecret'), t.password);
  const args = [t.host, String(t.port), t.security, t.user, String(t.timeoutS), t.caFile ?? ''];
  return {
    argv: ['/usr/bin/python3', script, ...args],
    cmdline: `python3 fetch_mail.py ${args.filter(Boolean).join(' ')}`,
  };
}

const INVOKE: Record<ClientName, (t: Target, home: string, verbose: boolean) => Invocation> = {
  fetchmail: fetchmailInvocation,
  mpop: mpopInvocation,
  curl: curlInvocation,
  getmail: getmailInvocation,
  poplib: poplibInvocation,
};

export async function runClient(
  tool: ClientName,
  target: Target,
  lang: LocaleLang,
  verbose: boolean,
): Promise<ClientRun> {
  const home = workdir();
  try {
    // The CA the user was given, in their home directory (as `~/ca.pem` in what they paste).
    if (target.caFile) {
      const ca = join(home, 'ca.pem');
      copyFileSync(target.caFile, ca);
      ownFile(ca, readFileSync(ca, 'utf8'), 0o644);
      target = { ...target, caFile: ca };
    }
    const inv = INVOKE[tool](target, home, verbose);
    const { output, exitCode } = await run(inv.argv, home, lang, target.timeoutS * 3 + 10);
    return {
      tool,
      version: clientVersion(tool),
      cmdline: inv.cmdline.split(home).join('~'),
      ...(inv.config ? { config: inv.config } : {}),
      output: mask(output, target.password),
      exitCode,
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
