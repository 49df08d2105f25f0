import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Security } from './scenarios.js';
import type { Account } from './thunderbird.js';
import type { XWindow } from './x11.js';

/**
 * What Claws Mail and Sylpheed (its parent) share: the same account file keys, the same MH mailbox
 * list, and dialogs whose labels cannot be copied, read from the accessibility tree instead (AT-SPI on
 * a private D-Bus session; GTK 2 needs its gail and atk-bridge modules for that).
 */

export const SSL_POP: Record<Security, number> = { plain: 0, implicit: 1, stls: 2 };
export const PROMPT_TITLE = /password|mot de passe|mật khẩu/i;

const here = dirname(fileURLToPath(import.meta.url));
/** The Python reader sits with the sources (dist/ holds only the compiled TypeScript). */
const A11Y = [
  join(here, 'a11y_dialog.py'),
  join(here, '../../../../scripts/capture-gui/a11y_dialog.py'),
].find((p) => existsSync(p))!;

/** The `[Account: 1]` section: one POP account, its password asked at the first check. */
export function accountSection(a: Account): string {
  return [
    '[Account: 1]',
    `account_name=${a.user}@${a.host}`,
    'is_default=1',
    'name=Alice',
    `address=${a.user}@example.com`,
    'protocol=0',
    `receive_server=${a.host}`,
    `smtp_server=${a.host}`,
    `user_id=${a.user}`,
    'use_pop_auth=0',
    `use_apop_auth=${a.apop ? 1 : 0}`,
    `ssl_pop=${SSL_POP[a.security]}`,
    'set_popport=1',
    `pop_port=${a.port}`,
    'receive_at_get_all=1',
    '',
  ].join('\n');
}

/** An MH mailbox under `mail` and the folder list that names it (so no first-run wizard). */
export function writeMhMailbox(cfg: string, mail: string): void {
  mkdirSync(cfg, { recursive: true });
  for (const f of ['inbox', 'sent', 'queue', 'draft', 'trash']) mkdirSync(join(mail, f), { recursive: true });
  writeFileSync(
    join(cfg, 'folderlist.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<folderlist>\n  <folder type="mh" name="Mail" path="${mail}" collapsed="0">\n${[
      'inbox',
      'outbox:sent',
      'queue',
      'draft',
      'trash',
    ]
      .map((t) => {
        const [type, name] = t.split(':');
        return `    <folderitem type="${type}" name="${name ?? type}" path="${name ?? type}"/>\n`;
      })
      .join('')}  </folder>\n</folderlist>\n`,
  );
}

/** The labels shown in the window `w` (the first, a heading that repeats the title, dropped). */
export function readA11yText(env: NodeJS.ProcessEnv, w: XWindow): string {
  const out = execFileSync('/usr/bin/python3', [A11Y, w.title], { env, encoding: 'utf8', timeout: 20_000 });
  const found = JSON.parse(out) as string[][];
  return (found.at(-1) ?? []).filter((l, i) => !(i === 0 && l === w.title)).join('\n');
}
