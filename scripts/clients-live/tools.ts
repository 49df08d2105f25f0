import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';
import { deb, sh, type Tool } from '../libraries-live/tools.js';

/**
 * The mail programs of the clients-live set, each configured and run as its manual shows (clients/), through
 * libraries-live's runner (scripts/libraries-live/tools.ts: the target in the environment, stdout and stderr
 * interleaved). None of them was in an earlier round.
 */

const here = join(projectRoot(), 'scripts', 'clients-live', 'clients');
export const CLIENTS_NPM_DIR = process.env.POP_CLIENTS_NPM_DIR ?? '/tmp/clients7-npm';

/** Scenarios that scenarios.ts keeps for the libraries that can play them; these programs can too. */
const RETR_SCENARIOS = ['dovecot/retr-nonexistent', 'fake/unknown-command', 'fake/message-unreadable'];

export const CLIENT_TOOLS: readonly Tool[] = [
  {
    name: 'alpine',
    debug: false,
    ops: ['list'],
    scenarios: ['dovecot/stls-untrusted-certificate'],
    command: () => ({ file: 'sh', args: [join(here, 'alpine.sh')] }),
    version: () => `${sh('alpine -v 2>/dev/null | head -1')} (alpine ${deb('alpine')})`,
  },
  {
    name: 'fdm',
    debug: true,
    ops: ['list', 'uidl', 'retr'],
    scenarios: ['dovecot/stls-untrusted-certificate', 'fake/unknown-command', 'fake/message-unreadable'],
    command: () => ({ file: 'sh', args: [join(here, 'fdm.sh')] }),
    version: () => `fdm ${deb('fdm')}`,
  },
  {
    name: 'mailfilter',
    debug: true,
    ops: ['list', 'uidl', 'retr'],
    scenarios: ['fake/unknown-command', 'fake/message-unreadable'],
    command: () => ({ file: 'sh', args: [join(here, 'mailfilter.sh')] }),
    version: () => `mailfilter ${deb('mailfilter')}`,
  },
  {
    name: 'mail-box',
    debug: false,
    ops: ['list', 'uidl', 'retr'],
    scenarios: RETR_SCENARIOS,
    command: () => ({ file: 'perl', args: [join(here, 'mail_box_pop3.pl')] }),
    version: () =>
      `Perl Mail::Box::POP3 ${sh("perl -MMail::Box::POP3 -e 'print Mail::Box::POP3->VERSION'")} (libmail-box-pop3-perl ${deb('libmail-box-pop3-perl')}, libmail-box-perl ${deb('libmail-box-perl')})`,
  },
  {
    name: 'poplib',
    debug: true,
    ops: ['list', 'uidl', 'retr'],
    scenarios: RETR_SCENARIOS,
    // The package's own demo (demos/demo.js), a command line a user runs as its README shows.
    command: (t, debug) => ({
      file: 'node',
      args: [
        join(CLIENTS_NPM_DIR, 'node_modules', 'poplib', 'demos', 'demo.js'),
        '--host',
        t.host,
        '--port',
        String(t.port),
        '--username',
        t.user,
        '--password',
        t.password,
        ...(t.security === 'implicit' ? ['--tls', 'on'] : []),
        ...(debug ? ['--debug', 'on'] : []),
        ...(t.op.startsWith('retr:') ? ['--msgnumber', t.op.slice(5)] : []),
      ],
    }),
    version: () =>
      `poplib ${sh(`node -p "require('${CLIENTS_NPM_DIR}/node_modules/poplib/package.json').version"`)} (npm) on Node ${process.versions.node}`,
  },
  // Batch 2 (`--tools=mutt,nmh,nmh-sasl,emacs,mailcheck --batch=2`): programs of Debian 12 that no set used.
  {
    name: 'mutt',
    debug: false,
    ops: ['list'],
    scenarios: ['dovecot/stls-untrusted-certificate'],
    command: () => ({ file: 'sh', args: [join(here, 'mutt.sh')] }),
    version: () => `${sh('mutt -v | head -1')} (mutt ${deb('mutt')})`,
  },
  ...(['nmh', 'nmh-sasl'] as const).map((name): Tool => ({
    name,
    debug: true,
    // inc fetches every message (RETR) and says so when one cannot be read.
    ops: ['list', 'retr'],
    scenarios: ['dovecot/stls-untrusted-certificate', 'fake/message-unreadable'],
    command: () => ({ file: 'sh', args: [join(here, 'nmh.sh')] }),
    version: () =>
      `nmh ${deb('nmh')} inc${name === 'nmh-sasl' ? ' -sasl (Cyrus SASL ' + deb('libsasl2-2') + ')' : ''}`,
    env: name === 'nmh-sasl' ? { NMH_SASL: '1' } : {},
  })),
  {
    name: 'emacs',
    debug: false,
    // pop3-movemail with the mail left on the server asks UIDL first, then RETR of the new messages.
    ops: ['list', 'uidl', 'retr'],
    scenarios: ['dovecot/stls-untrusted-certificate', 'fake/unknown-command', 'fake/message-unreadable'],
    // emacs.sh: `emacs -Q --batch -l pop3_movemail.el` in a home with its ~/.emacs.d.
    command: () => ({ file: 'sh', args: [join(here, 'emacs.sh')] }),
    version: () => `Emacs pop3.el (${sh('emacs --version | head -1')}, emacs-nox ${deb('emacs-nox')})`,
  },
  {
    name: 'mailcheck',
    debug: false,
    ops: ['list'],
    // No TLS at all (its manual, BUGS): only the scenarios of a plain connection.
    security: ['none'],
    command: () => ({ file: 'sh', args: [join(here, 'mailcheck.sh')] }),
    version: () => `mailcheck ${deb('mailcheck')}`,
  },
  // Batch 3 (`--tools=frm,from,mail,readmsg,twisted --batch=3`): GNU Mailutils as a client (its movemail was in
  // libraries-live) and Twisted's POP3 client.
  ...(['frm', 'from', 'mail', 'readmsg'] as const).map((name): Tool => ({
    name,
    // frm alone with its protocol trace (`--debug-level=mailbox.prot`): the four share Mailutils' POP code.
    debug: name === 'frm',
    // readmsg prints one message (RETR): only the scenarios of a message.
    ops: name === 'readmsg' ? ['retr'] : ['list'],
    scenarios: name === 'readmsg' ? ['dovecot/retr-nonexistent', 'fake/message-unreadable'] : [],
    command: () => ({ file: 'sh', args: [join(here, 'mailutils.sh'), name] }),
    // The program first: the chat framings name the program by the first word.
    version: () => `${name} of GNU Mailutils (mailutils ${deb('mailutils')})`,
  })),
  {
    name: 'twisted',
    debug: false,
    ops: ['list', 'uidl', 'retr'],
    scenarios: ['dovecot/stls-untrusted-certificate', ...RETR_SCENARIOS],
    command: () => ({ file: '/usr/bin/python3', args: [join(here, 'twisted_pop3client.py')] }),
    version: () =>
      `Twisted ${sh("/usr/bin/python3 -c 'import twisted; print(twisted.__version__)'")} twisted.mail.pop3client (python3-twisted ${deb('python3-twisted')}) on Python ${sh("/usr/bin/python3 -c 'import platform; print(platform.python_version())'")}`,
  },
];
