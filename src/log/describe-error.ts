/**
 * What an error may put in a log or crash report: its name, code, HTTP status and a short message, with
 * anything token-like masked. Never the error object itself: platform errors carry request URLs, and
 * Discord's interaction callbacks carry the interaction token in their path.
 */

const MAX_MESSAGE = 300;

/** Bot and app tokens, bearer values, and tokens inside webhook or interaction URLs, wherever they show up. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g, '[redacted]')
    .replace(/\/(interactions|webhooks)\/(\d+)\/[^/\s?]+/g, '/$1/$2/[redacted]')
    .replace(/\b(xox[abposr]|xapp)-[A-Za-z0-9-]+/g, '$1-[redacted]')
    .replace(/\b(bot|bearer)\s+[A-Za-z0-9._~+/=-]{20,}/gi, '$1 [redacted]')
    .slice(0, MAX_MESSAGE);
}

export interface ErrorSummary {
  name: string;
  message: string;
  code?: string | number;
  status?: number;
  method?: string;
}

export function describeError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { name: 'Error', message: scrubSecrets(String(error)) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    name: e.name,
    message: scrubSecrets(e.message),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
  };
}
