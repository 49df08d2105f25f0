import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { onCleanup, tempDir } from './cleanup.js';

/**
 * A throwaway Dovecot POP3 server for the check row: temporary directory, 127.0.0.1 only, free ports,
 * a self-signed certificate made now, one passwd-file user. The facts it relies on (daemonizes, inherits
 * stdio, slow stop) are in /work/shared/notes/dovecot-for-tests.md. Stopping waits for the master to exit
 * so that nothing is left behind when the bench ends.
 */
export interface BenchDovecot {
  tlsPort: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export function findDovecot(): string | undefined {
  for (const p of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('data', (d) => done(d.toString('latin1').startsWith('+OK')));
    socket.once('error', () => done(false));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startDovecot(binary: string, messages = 3): Promise<BenchDovecot> {
  const tmp = tempDir('dovecot');
  const dir = tmp.dir;
  chmodSync(dir, 0o755);
  const me = userInfo();
  const root = me.uid === 0;
  const owner = root
    ? {
        uid: Number(execFileSync('id', ['-u', 'dovecot'], { encoding: 'utf8' }).trim()),
        gid: Number(execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }).trim()),
        name: 'dovecot',
      }
    : { uid: me.uid, gid: me.gid, name: me.username };
  const user = 'bench';
  const password = 'bench-only-password';
  const [plainPort, tlsPort] = [await freePort(), await freePort()];

  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const maildir = join(dir, 'home', user, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  for (let i = 0; i < messages; i++) {
    writeFileSync(
      join(maildir, 'new', `${1_700_000_000 + i}.M${i}P1.bench`),
      `From: bench@example.net\r\nSubject: message ${i + 1}\r\n\r\nHello ${i + 1}\r\n`,
    );
  }
  if (root) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, join(dir, 'home')]);
  const nonRoot = root
    ? []
    : [
        `default_login_user = ${owner.name}`,
        `default_internal_user = ${owner.name}`,
        `default_internal_group = ${owner.name}`,
        'service anvil {\n  chroot =\n}',
        'service pop3-login {\n  chroot =\n}',
      ];
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      'protocols = pop3',
      'listen = 127.0.0.1',
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `instance_name = popbot-bench-${plainPort}`,
      `log_path = ${join(dir, 'dovecot.log')}`,
      'ssl = yes',
      `ssl_cert = <${join(dir, 'cert.pem')}`,
      `ssl_key = <${join(dir, 'key.pem')}`,
      'auth_mechanisms = plain login',
      `first_valid_uid = ${owner.uid}`,
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${join(dir, 'passwd')}\n}`,
      `userdb {\n  driver = static\n  args = uid=${owner.uid} gid=${owner.gid} home=${join(dir, 'home')}/%u\n}`,
      'mail_location = maildir:~/Maildir',
      `service pop3-login {\n  inet_listener pop3 {\n    port = ${plainPort}\n  }\n  inet_listener pop3s {\n    port = ${tlsPort}\n    ssl = yes\n  }\n}`,
      ...nonRoot,
      '',
    ].join('\n'),
  );

  const pidFile = join(dir, 'run', 'master.pid');
  const stopMaster = async () => {
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (!(pid > 0) || !processAlive(pid)) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    // Dovecot takes 2–3 s to stop; the temporary directory can go only once it has.
    for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  };
  // Registered after the directory, so it runs before the directory is removed.
  const stop = onCleanup(stopMaster);

  // stdio ignored: the daemon's children would hold a captured pipe open forever.
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(binary, ['-c', conf], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const log = () =>
    existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
  if (code !== 0) {
    await tmp.remove();
    throw new Error(`dovecot exited with ${code}: ${log().trim().split('\n').pop() ?? ''}`);
  }
  const until = Date.now() + 10_000;
  while (!(await greets(plainPort))) {
    if (Date.now() > until) {
      await stop();
      await tmp.remove();
      throw new Error(`dovecot did not greet: ${log().trim().split('\n').pop() ?? ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    tlsPort,
    user,
    password,
    stop: async () => {
      await stop();
      await tmp.remove();
    },
  };
}
