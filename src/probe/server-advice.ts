import type { Finding } from '../explain/types.js';

/**
 * Advice written for one server product (a `doveadm` command, Courier's `authtest`, Exchange's
 * `Get-PopSettings`) helps only on that product. The probe knows, from the greeting or CAPA, which server
 * it talks to (or that it cannot tell): steps naming another product are left out.
 */
const PRODUCT_MARKERS: readonly [string, RegExp][] = [
  ['Dovecot', /\bdovecot\b|\bdoveadm\b|\bdoveconf\b/i],
  ['Courier', /\bcourier\b|\bauthtest\b|\bpop3d-ssl\b/i],
  ['Cyrus', /\bcyrus\b|\bimapd\.conf\b|\bcyradm\b/i],
  ['Microsoft Exchange', /\bexchange\b|-PopSettings\b|Set-CASMailbox\b/i],
  ['hMailServer', /\bhmailserver\b/i],
  ['Zimbra', /\bzimbra\b|\bzmprov\b/i],
  ['MDaemon', /\bmdaemon\b/i],
  ['Qpopper', /\bqpopper\b/i],
];

/** The products a piece of advice is written for (none for neutral advice). */
function productsNamed(text: string): string[] {
  return PRODUCT_MARKERS.filter(([, re]) => re.test(text)).map(([name]) => name);
}

function fits(text: string, software: string | undefined): boolean {
  const named = productsNamed(text);
  return named.length === 0 || (software !== undefined && named.includes(software));
}

/** The finding with steps kept only when neutral or written for `software`. */
export function neutralAdvice(finding: Finding, software: string | undefined): Finding {
  return {
    ...finding,
    adminSteps: finding.adminSteps.filter((s) => fits(s, software)),
    userSteps: finding.userSteps.filter((s) => fits(s, software)),
  };
}
