import type { Lang } from '../i18n/lang.js';
import { targetHasCredentials } from '../secrets/index.js';
import { extractLangDirective } from './respond.js';

export type PopcheckArgs =
  | { ok: true; host: string; port?: number; user?: string; public: boolean; lang?: Lang }
  | { ok: false; error: 'usage' | 'password-in-command' };

const HOST =
  /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|[0-9a-fx.:]+)$/i;

/**
 * Parses `/popcheck HOST [PORT] [USER] [public] [lang:xx]` as typed in Slack or the shell. Anything beyond
 * those words is taken for a password typed by mistake: refused, never echoed.
 */
export function parsePopcheckArgs(text: string): PopcheckArgs {
  const directive = extractLangDirective(text);
  const words = directive.text.split(/\s+/).filter(Boolean);
  const isPublic = words.some((w) => w.toLowerCase() === 'public');
  const rest = words.filter((w) => w.toLowerCase() !== 'public');
  if (rest.some((w) => /^(?:pass(?:word)?|pwd|mdp|mat-?khau)[:=]/i.test(w)))
    return { ok: false, error: 'password-in-command' };
  let [target, ...more] = rest;
  if (!target) return { ok: false, error: 'usage' };
  if (targetHasCredentials(target)) return { ok: false, error: 'password-in-command' };
  // Slack turns host names into links: <http://pop.example.com|pop.example.com> or <mailto:a@b|a@b>.
  target = target.replace(/^<(?:[a-z]+:(?:\/\/)?)?([^|>]+)(?:\|[^>]*)?>$/i, '$1');
  let host = target;
  let port: number | undefined;
  const hostPort = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(target);
  if (hostPort) {
    host = hostPort[1] ?? target;
    port = Number(hostPort[2]);
  }
  if (more[0] && /^\d{1,5}$/.test(more[0])) {
    port = Number(more[0]);
    more = more.slice(1);
  }
  if (port !== undefined && (port < 1 || port > 65535)) return { ok: false, error: 'usage' };
  const hostOnly = host.includes('@') ? host.slice(host.lastIndexOf('@') + 1) : host;
  if (!HOST.test(hostOnly) || hostOnly.length > 253) return { ok: false, error: 'usage' };
  const [user, ...extra] = more;
  if (extra.length > 0) return { ok: false, error: 'password-in-command' };
  return {
    ok: true,
    host,
    ...(port !== undefined ? { port } : {}),
    ...(user ? { user: user.replace(/^<mailto:([^|>]+)(?:\|[^>]*)?>$/i, '$1') } : {}),
    public: isPublic,
    ...(directive.lang ? { lang: directive.lang } : {}),
  };
}
