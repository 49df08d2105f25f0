import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and certificate in PEM, plus where they are on disk (Dovecot reads files). */
export interface CertPair {
  key: string;
  cert: string;
  keyFile: string;
  certFile: string;
}

export interface TestCerts {
  dir: string;
  /** The test CA: pass as `ca` to the probe; never a process-wide switch. */
  ca: string;
  /** localhost, 127.0.0.1, 127.0.0.2, ::1 — signed by the CA, valid for 30 days. */
  valid: CertPair;
  /** Signed by the CA for localhost, expires in 5 days (the warning threshold is 14). */
  expiringSoon: CertPair;
  /** Signed by the CA for localhost, expired in 2020. */
  expired: CertPair;
  /** Self-signed for localhost. */
  selfSigned: CertPair;
  /** Signed by the CA, but for other.example only. */
  wrongHost: CertPair;
  cleanup(): void;
}

const SAN_LOCAL = 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:127.0.0.2,IP:::1';

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** EC keys: a fraction of the time of RSA ones, and every TLS stack here speaks them. */
function newKey(dir: string, name: string): void {
  openssl(dir, [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-out',
    `${name}.key`,
  ]);
}

function pair(dir: string, name: string): CertPair {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.pem`);
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), keyFile, certFile };
}

/** Signs `name.key` with the CA through `openssl ca`, the one tool that can set any validity window. */
function signed(dir: string, name: string, cn: string, san: string, start: string, end: string): CertPair {
  newKey(dir, name);
  openssl(dir, ['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`]);
  writeFileSync(join(dir, `${name}.ext`), `${san}\nbasicConstraints=CA:FALSE\n`);
  openssl(dir, [
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-notext',
    '-startdate',
    start,
    '-enddate',
    end,
    '-extfile',
    `${name}.ext`,
    '-in',
    `${name}.csr`,
    '-out',
    `${name}.pem`,
  ]);
  return pair(dir, name);
}

function stamp(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** Makes every certificate the tests need, with openssl, in a fresh temporary directory. */
export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'popbot-certs-'));
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'serial = $dir/serial',
      'new_certs_dir = $dir',
      'certificate = $dir/ca.pem',
      'private_key = $dir/ca.key',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'copy_extensions = none',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  newKey(dir, 'ca');
  openssl(dir, [
    'req',
    '-x509',
    '-key',
    'ca.key',
    '-subj',
    '/CN=popbot test CA',
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-out',
    'ca.pem',
  ]);
  const day = 86_400_000;
  const now = Date.now();
  const valid = signed(
    dir,
    'valid',
    'localhost',
    SAN_LOCAL,
    stamp(new Date(now - day)),
    stamp(new Date(now + 30 * day)),
  );
  const expiringSoon = signed(
    dir,
    'soon',
    'localhost',
    SAN_LOCAL,
    stamp(new Date(now - day)),
    stamp(new Date(now + 5 * day + 3_600_000)),
  );
  const expired = signed(dir, 'expired', 'localhost', SAN_LOCAL, '20200101000000Z', '20200201000000Z');
  const wrongHost = signed(
    dir,
    'wrong',
    'other.example',
    'subjectAltName=DNS:other.example',
    stamp(new Date(now - day)),
    stamp(new Date(now + 30 * day)),
  );
  newKey(dir, 'self');
  openssl(dir, [
    'req',
    '-x509',
    '-key',
    'self.key',
    '-subj',
    '/CN=localhost',
    '-days',
    '30',
    '-addext',
    SAN_LOCAL,
    '-out',
    'self.pem',
  ]);
  return {
    dir,
    ca: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    valid,
    expiringSoon,
    expired,
    selfSigned: pair(dir, 'self'),
    wrongHost,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
