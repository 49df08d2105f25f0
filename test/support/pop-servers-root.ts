import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temporary "root" for the real POP servers of test/support/pop-servers.ts: its own /etc/passwd,
 * /etc/shadow, /etc/group and /etc/pam.d, its own /var/mail and /var/lib. The daemons run in a private
 * mount namespace (`unshare -m`, as root) where these are bind-mounted over the system's, so they
 * authenticate the test users through their usual system paths (getpwnam, shadow, PAM) and nothing on the
 * machine changes.
 */

export interface TestUser {
  name: string;
  password: string;
  uid: number;
  home: string;
}

export interface TempRoot {
  dir: string;
  users: TestUser[];
  /** The command line that runs `command` inside the mount namespace over this root. */
  inNamespace(command: string[]): string[];
}

/** Bind-mounts the temporary files over the system ones, then becomes the daemon. */
const NAMESPACE_SCRIPT = [
  'set -e',
  'for f in etc/passwd etc/group etc/shadow etc/pam.d var/mail var/lib; do',
  '  mount --bind "$POPBOT_ROOT/$f" "/$f"',
  'done',
  'exec "$@"',
].join('\n');

function freeIds(count: number): number[] {
  const taken = new Set(
    [...readFileSync('/etc/passwd', 'utf8').split('\n'), ...readFileSync('/etc/group', 'utf8').split('\n')]
      .map((line) => Number(line.split(':')[2]))
      .filter((id) => Number.isInteger(id)),
  );
  const ids: number[] = [];
  for (let id = 61_000; ids.length < count; id++) if (!taken.has(id)) ids.push(id);
  return ids;
}

function sha512Crypt(password: string): string {
  return execFileSync('openssl', ['passwd', '-6', '-stdin'], { input: password, encoding: 'utf8' }).trim();
}

function groupId(name: string): number {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  return Number(line?.split(':')[2] ?? 0);
}

/** One mbox file in /var/mail style, with `count` small messages. */
export function mbox(count: number): string {
  let text = '';
  for (let i = 1; i <= count; i++) {
    text += `From test@example.com Thu Jan  1 00:00:0${i % 10} 2026\n`;
    text += `From: test@example.com\nSubject: message ${i}\n\nHello ${i}\n\n`;
  }
  return text;
}

/**
 * Makes the root: the system's account files plus the test users (SHA-512 crypt passwords in shadow) and
 * the daemons' own accounts (`popa3d`, `spop3d`), the system's PAM configuration plus `pamServices`,
 * a mailbox per user, empty /var/lib/<daemon> folders.
 */
export function makeTempRoot(
  users: Record<string, string>,
  messages: number,
  pamServices: Record<string, string>,
): TempRoot {
  const dir = mkdtempSync(join(tmpdir(), 'popbot-popserver-'));
  chmodSync(dir, 0o755);
  for (const sub of ['etc', 'var/mail', 'var/lib/popa3d', 'var/lib/solid-pop3d/bulletins', 'home'])
    mkdirSync(join(dir, sub), { recursive: true });
  chmodSync(join(dir, 'var/mail'), 0o1777);

  const names = Object.keys(users);
  const ids = freeIds(names.length + 1);
  const daemonId = ids[names.length] as number;
  const mailGid = groupId('mail');
  const testUsers: TestUser[] = names.map((name, i) => ({
    name,
    password: users[name] as string,
    uid: ids[i] as number,
    home: join(dir, 'home', name),
  }));

  const passwd = [
    ...testUsers.map((u) => `${u.name}:x:${u.uid}:${u.uid}::${u.home}:/bin/sh`),
    `popa3d:x:${daemonId}:${daemonId}::/var/lib/popa3d:/usr/sbin/nologin`,
    `spop3d:x:${daemonId}:${mailGid}::/var/lib/solid-pop3d:/usr/sbin/nologin`,
  ];
  const shadow = [
    ...testUsers.map((u) => `${u.name}:${sha512Crypt(u.password)}:20000:0:99999:7:::`),
    'popa3d:*:20000:0:99999:7:::',
    'spop3d:*:20000:0:99999:7:::',
  ];
  const group = [...testUsers.map((u) => `${u.name}:x:${u.uid}:`), `popa3d:x:${daemonId}:`];
  const append = (file: string, lines: string[]) => {
    const base = readFileSync(`/etc/${file}`, 'utf8');
    writeFileSync(join(dir, 'etc', file), `${base.endsWith('\n') ? base : `${base}\n`}${lines.join('\n')}\n`);
  };
  append('passwd', passwd);
  append('shadow', shadow);
  append('group', group);
  chmodSync(join(dir, 'etc', 'shadow'), 0o640);

  cpSync('/etc/pam.d', join(dir, 'etc', 'pam.d'), { recursive: true, dereference: true });
  for (const [service, text] of Object.entries(pamServices))
    writeFileSync(join(dir, 'etc', 'pam.d', service), text);

  for (const u of testUsers) {
    mkdirSync(u.home, { recursive: true });
    chownSync(u.home, u.uid, u.uid);
    const box = join(dir, 'var/mail', u.name);
    writeFileSync(box, mbox(messages));
    chownSync(box, u.uid, mailGid);
    chmodSync(box, 0o660);
  }

  return {
    dir,
    users: testUsers,
    inNamespace: (command) => ['unshare', '-m', 'sh', '-c', NAMESPACE_SCRIPT, 'sh', ...command],
  };
}

/** Whether this process can make mount namespaces (root, `unshare` present, mounts allowed). */
export function canUseNamespaces(): string | undefined {
  if (process.getuid?.() !== 0) return 'the real POP servers need root (mount namespaces, PAM, setuid)';
  if (!existsSync('/var/mail') || !existsSync('/var/lib'))
    return '/var/mail or /var/lib is missing on this machine';
  try {
    execFileSync('unshare', ['-m', 'sh', '-c', 'mount --bind /etc/hostname /etc/hostname'], {
      stdio: 'ignore',
    });
    return undefined;
  } catch {
    return 'this machine does not allow mount namespaces (unshare -m)';
  }
}
