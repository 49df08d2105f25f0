import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';
import type { Op, Security } from './scenarios.js';

/**
 * The POP libraries and programs, each driven by a script written the way their manuals show (clients/),
 * run as a child process with the target in its environment; what it prints (stdout and stderr, in order of
 * arrival) is the record.
 */

export type Locale = 'en' | 'fr' | 'vi';
export const LOCALES: Record<Locale, string> = { en: 'C.UTF-8', fr: 'fr_FR.UTF-8', vi: 'vi_VN.UTF-8' };

export interface Target {
  host: string;
  port: number;
  security: Security;
  user: string;
  password: string;
  op: Op;
}

export interface Tool {
  name: string;
  /** The library's own protocol trace can be switched on. */
  debug: boolean;
  /** The scenarios' operations it can do. */
  ops: readonly string[];
  /** Scenarios limited to some tools (Scenario.tools) that this one can play too. */
  scenarios?: readonly string[];
  command(t: Target, debug: boolean): { file: string; args: string[] };
  version(): string;
  /** The connection kinds it can make (all unless told): a program without TLS plays only plain ones. */
  security?: readonly Security[];
  /** More environment for its run. */
  env?: Record<string, string>;
}

const here = join(projectRoot(), 'scripts', 'libraries-live', 'clients');
export const NPM_DIR = process.env.POP_NPM_DIR ?? '/tmp/libs5-npm';
const JAVA_CP = '/usr/share/java/jakarta-mail.jar:/usr/share/java/jakarta-activation.jar';
let javaClasses: string | undefined;

export const sh = (cmd: string): string => {
  try {
    return execFileSync('sh', ['-c', cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '').trim();
  }
};
export const deb = (pkg: string) => sh(`dpkg-query -W -f '\${Version}' ${pkg}`);
const npmVersion = (pkg: string) =>
  sh(`node -p "require('${NPM_DIR}/node_modules/${pkg}/package.json').version"`);
const ALL_OPS = ['list', 'uidl', 'retr', 'dele-retr'];

export const TOOLS: readonly Tool[] = [
  {
    name: 'php',
    debug: false,
    ops: ['list', 'uidl', 'retr'],
    command: () => ({ file: 'php', args: [join(here, 'imap_open.php')] }),
    version: () =>
      `PHP ${sh('php -r "echo PHP_VERSION;"')} imap_open (php8.2-imap ${deb('php8.2-imap')}, c-client ${deb('libc-client2007e')})`,
  },
  {
    name: 'net-pop3',
    debug: true,
    ops: ALL_OPS,
    command: () => ({ file: 'perl', args: [join(here, 'net_pop3.pl')] }),
    version: () =>
      `Perl ${sh("perl -e 'print $^V'")} Net::POP3 ${sh("perl -MNet::POP3 -e 'print Net::POP3->VERSION'")} (IO::Socket::SSL ${sh("perl -MIO::Socket::SSL -e 'print IO::Socket::SSL->VERSION'")})`,
  },
  {
    name: 'mail-pop3client',
    debug: true,
    ops: ALL_OPS,
    command: () => ({ file: 'perl', args: [join(here, 'mail_pop3client.pl')] }),
    version: () =>
      `Perl Mail::POP3Client ${sh("perl -MMail::POP3Client -e 'print Mail::POP3Client->VERSION'")} (libmail-pop3client-perl ${deb('libmail-pop3client-perl')})`,
  },
  {
    name: 'ruby',
    debug: true,
    ops: ALL_OPS,
    command: () => ({ file: 'ruby', args: [join(here, 'net_pop.rb')] }),
    version: () =>
      `Ruby ${sh('ruby -e "print RUBY_VERSION"')} Net::POP3 (net-pop ${sh('ruby -rnet/pop -e "print Net::POP3::VERSION rescue print Gem.loaded_specs[%q(net-pop)]&.version"') || '0.1.1'})`,
  },
  {
    name: 'java',
    debug: true,
    ops: ALL_OPS,
    command: () => {
      if (!javaClasses) {
        javaClasses = mkdtempSync(join(tmpdir(), 'libs-live-java-'));
        execFileSync('javac', ['-cp', JAVA_CP, '-d', javaClasses, join(here, 'FetchMail.java')]);
      }
      return { file: 'java', args: ['-cp', `${JAVA_CP}:${javaClasses}`, 'FetchMail'] };
    },
    version: () =>
      `Jakarta Mail ${deb('libjakarta-mail-java')} on OpenJDK ${sh('java -version 2>&1 | head -1 | cut -d\\" -f2')}`,
  },
  {
    name: 'node-pop3',
    debug: false,
    ops: ALL_OPS,
    command: () => ({ file: 'node', args: [join(here, 'node-pop3.mjs')] }),
    version: () => `node-pop3 ${npmVersion('node-pop3')} on Node ${process.versions.node}`,
  },
  {
    name: 'yapople',
    debug: false,
    ops: ['list', 'retr', 'dele-retr'],
    command: () => ({ file: 'node', args: [join(here, 'yapople.mjs')] }),
    version: () => `yapople ${npmVersion('yapople')} on Node ${process.versions.node}`,
  },
  {
    name: 'neomutt',
    debug: false,
    ops: ['list'],
    command: () => ({ file: 'sh', args: [join(here, 'neomutt.sh')] }),
    version: () => sh('neomutt -v | head -1'),
  },
  {
    name: 'movemail',
    debug: false,
    ops: ['list', 'uidl', 'retr'],
    command: (t, debug) => {
      const scheme = t.security === 'implicit' ? 'pops' : 'pop';
      const url = `${scheme}://${encodeURIComponent(t.user)}@${t.host}:${t.port}`;
      const dest = join(mkdtempSync(join(tmpdir(), 'libs-live-movemail-')), 'mbox');
      return {
        file: 'movemail',
        args: [
          '--no-config',
          '-p',
          ...(t.op === 'uidl' ? ['-u'] : []),
          ...(debug ? ['-v', '-v', '-v'] : []),
          url,
          dest,
          t.password,
        ],
      };
    },
    version: () => sh('movemail --version | head -1'),
  },
];

export interface RunResult {
  output: string;
  exitCode: number | null;
  timedOut: boolean;
}

/** Runs one tool; stdout and stderr interleaved as a terminal would show them. */
export function runTool(
  tool: Tool,
  t: Target,
  locale: Locale,
  debug: boolean,
  limitS: number,
): Promise<RunResult> {
  const { file, args } = tool.command(t, debug);
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      env: {
        PATH: process.env.PATH,
        HOME: tmpdir(),
        LANG: LOCALES[locale],
        LC_ALL: LOCALES[locale],
        LANGUAGE: '',
        POP_HOST: t.host,
        POP_PORT: String(t.port),
        POP_USER: t.user,
        POP_PASS: t.password,
        POP_TLS: t.security,
        POP_OP: t.op,
        POP_DEBUG: debug ? '1' : '0',
        POP_NPM_DIR: NPM_DIR,
        ...tool.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ output, exitCode: code, timedOut });
    });
  });
}

/** The shell command a reader would type to replay a run (password masked). */
export function cmdline(tool: Tool, t: Target, debug: boolean): string {
  const { file, args } = tool.command(t, debug);
  const env = `POP_HOST=${t.host} POP_PORT=${t.port} POP_USER=${t.user} POP_PASS=******** POP_TLS=${t.security} POP_OP=${t.op}${debug ? ' POP_DEBUG=1' : ''}`;
  const shown = args.map((a) =>
    a === t.password ? '********' : a.replace(/.*\/(scripts\/[\w-]+-live\/)/, '$1'),
  );
  return `${env} ${file} ${shown.join(' ')}`;
}
