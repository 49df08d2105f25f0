import { randomBytes } from 'node:crypto';

/** What a `/popcheck ... user:` left for its password form; never the password itself. */
export interface PendingLogin {
  userId: string;
  host: string;
  port?: number;
  user: string;
}

const TTL_MS = 15 * 60_000;
const MAX = 1000;

/**
 * Between showing the password form and its submission: the form's custom id holds only a random key, since
 * host and user name may not fit Discord's 100 characters and must not be tampered with by the client.
 */
export class PendingLogins {
  readonly #entries = new Map<string, PendingLogin & { expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  put(login: PendingLogin): string {
    const key = randomBytes(12).toString('base64url');
    const now = this.now();
    for (const [k, v] of this.#entries) if (v.expires <= now) this.#entries.delete(k);
    // Map keeps insertion order, so the first key is the oldest.
    if (this.#entries.size >= MAX) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { ...login, expires: now + TTL_MS });
    return key;
  }

  /** The login for `key`, once: a form submitted twice does not run twice. */
  take(key: string): PendingLogin | undefined {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    if (!entry || entry.expires <= this.now()) return undefined;
    const { expires: _expires, ...login } = entry;
    return login;
  }
}
