/**
 * The knowledge base writes the commands in its advice for `pop.example.com`. When the paste or the check
 * names the server, the commands name it instead. Only inside code spans: prose that mentions the example
 * host ("often pop.example.com or mail.example.com") means the example, not this server.
 */
const CODE_SPAN = /`[^`\n]*`/g;
const EXAMPLE_HOST = /\bpop\.example\.com\b/g;

export function nameHost(text: string, host: string | undefined): string {
  if (!host || !text.includes('pop.example.com')) return text;
  return text.replace(CODE_SPAN, (span) => span.replace(EXAMPLE_HOST, host));
}
