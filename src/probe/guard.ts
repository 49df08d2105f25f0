import type { Lang } from '../i18n/lang.js';
import { probeMessages } from '../i18n/probe-messages.js';
import {
  type AddressClass,
  type Cidr,
  cidrContains,
  classifyAddress,
  parseAddress,
  parseCidr,
} from './ip.js';
import { systemResolver } from './resolver.js';
import type { Resolver } from './types.js';

/** The ports strangers may probe unless the operator says otherwise (`POPBOT_PROBE_PORTS`). */
export const DEFAULT_PROBE_PORTS: readonly number[] = [110, 995];

export interface ProbeGuardOptions {
  /** CIDRs allowed even though private (`POPBOT_PROBE_ALLOW`), e.g. `["10.1.2.0/24", "fd00::/8"]`. */
  allow?: readonly string[];
  /** Allowed ports; default 110 and 995. `'any'` for the person at the keyboard. */
  ports?: readonly number[] | 'any';
  /** The CLI's `--allow-private`: every address but cloud metadata (which an `allow` CIDR still opens). */
  allowPrivate?: boolean;
  resolver?: Resolver;
}

export type GuardCode =
  'guard.private-address' | 'guard.port' | 'guard.unresolvable' | 'guard.invalid-target' | 'guard.no-address';

export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

export interface GuardPass {
  ok: true;
  host: string;
  port: number;
  /** Connect only to these: they are what was checked (no second lookup, no DNS rebinding). */
  addresses: CheckedAddress[];
}

export interface GuardRefusal {
  ok: false;
  code: GuardCode;
  /** For the user, in their language; never reveals what an internal name resolved to. */
  message: string;
  host: string;
  port: number;
  /** For logs: the refused address and why. */
  address?: string;
  addressClass?: AddressClass;
  /** For `guard.unresolvable`: the resolver's error code (`ENOTFOUND`, `EAI_AGAIN`), or `ENODATA` for no address. */
  dnsCode?: string;
}

export type GuardResult = GuardPass | GuardRefusal;

/** A configuration value the guard cannot use; names the bad value. */
export class GuardConfigError extends Error {
  override name = 'GuardConfigError' as const;
  readonly code = 'guard.bad-config' as const;
}

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*$/i;

/**
 * Decides whether the probe may connect to a host and port, and to which addresses. Chat adapters must
 * always go through one: strangers will point the probe at the bot's own network.
 */
export class ProbeGuard {
  readonly #allow: Cidr[];
  readonly #ports: readonly number[] | 'any';
  readonly #allowPrivate: boolean;
  readonly #resolver: Resolver;

  constructor(options: ProbeGuardOptions = {}) {
    this.#allow = (options.allow ?? []).map((text) => {
      const cidr = parseCidr(text);
      if (!cidr) throw new GuardConfigError(`not a CIDR address range: "${text}"`);
      return cidr;
    });
    const ports = options.ports ?? DEFAULT_PROBE_PORTS;
    if (ports !== 'any') {
      for (const p of ports) {
        if (!Number.isInteger(p) || p < 1 || p > 65535) throw new GuardConfigError(`not a TCP port: "${p}"`);
      }
    }
    this.#ports = ports;
    this.#allowPrivate = options.allowPrivate ?? false;
    this.#resolver = options.resolver ?? systemResolver;
  }

  portAllowed(port: number): boolean {
    return this.#ports === 'any' || this.#ports.includes(port);
  }

  /** Resolves `host` once and checks every address; any forbidden address refuses the whole host. */
  async check(host: string, port: number, lang: Lang = 'en'): Promise<GuardResult> {
    const name = host.trim().replace(/\.$/, '');
    const refuse = (code: GuardCode, extra: Partial<GuardRefusal> = {}): GuardRefusal => ({
      ok: false,
      code,
      message: probeMessages.t(lang, code, { host: shortHost(name), port }),
      host: name,
      port,
      ...extra,
    });
    if (!Number.isInteger(port) || port < 1 || port > 65535) return refuse('guard.invalid-target');
    if (!this.portAllowed(port)) {
      const allowed = this.#ports === 'any' ? '' : this.#ports.join(', ');
      return {
        ...refuse('guard.port'),
        message: probeMessages.t(lang, 'guard.port', { port, allowed }),
      };
    }
    const literal = parseAddress(name);
    let candidates: CheckedAddress[];
    if (literal) {
      candidates = [{ address: literal.text, family: literal.family }];
    } else {
      if (!HOST_NAME.test(name)) return refuse('guard.invalid-target');
      try {
        const found = await this.#resolver.lookup(name);
        candidates = found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
      } catch (error) {
        return refuse('guard.unresolvable', { dnsCode: resolverCode(error) });
      }
      if (candidates.length === 0) return refuse('guard.unresolvable', { dnsCode: 'ENODATA' });
    }
    const checked: CheckedAddress[] = [];
    for (const c of candidates) {
      const parsed = parseAddress(c.address);
      if (!parsed) return refuse('guard.no-address', { address: c.address });
      const cls = classifyAddress(parsed);
      if (!this.#permits(parsed, cls)) {
        return refuse('guard.private-address', { address: parsed.text, addressClass: cls });
      }
      checked.push({ address: parsed.text, family: parsed.family });
    }
    return { ok: true, host: name, port, addresses: checked };
  }

  #permits(address: NonNullable<ReturnType<typeof parseAddress>>, cls: AddressClass): boolean {
    if (cls === 'public') return true;
    if (this.#allow.some((cidr) => cidrContains(cidr, address))) return true;
    return this.#allowPrivate && cls !== 'metadata';
  }
}

function shortHost(host: string): string {
  return host.length > 80 ? `${host.slice(0, 77)}...` : host;
}

function resolverCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'ENOTFOUND';
}

/**
 * Guard options from `POPBOT_PROBE_ALLOW` (comma-separated CIDRs) and `POPBOT_PROBE_PORTS`
 * (comma-separated ports). Throws `GuardConfigError` naming the variable and the bad value.
 */
export function guardOptionsFromEnv(env: NodeJS.ProcessEnv): ProbeGuardOptions {
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const allow = list(env.POPBOT_PROBE_ALLOW);
  for (const a of allow) {
    if (!parseCidr(a)) throw new GuardConfigError(`POPBOT_PROBE_ALLOW: not a CIDR address range: "${a}"`);
  }
  const portTexts = list(env.POPBOT_PROBE_PORTS);
  const ports = portTexts.map((p) => {
    const n = /^\d{1,5}$/.test(p) ? Number(p) : Number.NaN;
    if (!(n >= 1 && n <= 65535)) throw new GuardConfigError(`POPBOT_PROBE_PORTS: not a TCP port: "${p}"`);
    return n;
  });
  return { allow, ...(ports.length > 0 ? { ports } : {}) };
}
