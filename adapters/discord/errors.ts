/**
 * What a failed platform call may put in a log: its kind, Discord's error code and HTTP status, and a short
 * message. Never the request URL: interaction callbacks carry the interaction token in their path.
 */
export function describeError(error: unknown): Record<string, string | number> {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    name: e.name,
    message: scrub(e.message),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
  };
}

/** Bot tokens, and webhook or interaction tokens inside URLs, replaced wherever they show up. */
export function scrub(text: string): string {
  return text
    .replace(/[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g, '[redacted]')
    .replace(/\/(interactions|webhooks)\/(\d+)\/[^/\s?]+/g, '/$1/$2/[redacted]')
    .slice(0, 300);
}
