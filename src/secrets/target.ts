/**
 * A probe target with credentials in it (`joe:Hunter2@pop.example.org`, `pop3://joe:pw@host`): refused
 * before anything echoes it, since the password was just typed into a chat or a shell history. `user@domain`
 * (an address to discover the server of) has no colon before its `@`, and `host:995` no `@`.
 */
export function targetHasCredentials(target: string): boolean {
  // Slack sends a typed address as a link: <mailto:joe:pw@host|joe:pw@host>.
  const text = target.trim().replace(/^<(?:[a-z]+:(?:\/\/)?)?([^|>]+)(?:\|[^>]*)?>$/i, '$1');
  const authority = text.replace(/^[a-z][a-z0-9+.-]{0,20}:\/\//i, '');
  const at = authority.lastIndexOf('@');
  return at >= 0 && authority.slice(0, at).includes(':');
}
