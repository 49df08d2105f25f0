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
];
