import { describe, expect, it } from 'vitest';
import { EVENT_ENTRY, entryForEvent } from '../../src/explain/server-log/events.js';
import { parseServerLogLine } from '../../src/explain/server-log/parse.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';

const kb = defaultKnowledgeBase();
const logEntries = kb.entries.filter((e) => e.entry.id.startsWith('log-'));

describe('server-log knowledge entries and the log parser agree', () => {
  it('every entry the parser can name exists, as a client entry', () => {
    const named = new Set([
      ...Object.values(EVENT_ENTRY).filter((id): id is string => id !== undefined),
      'log-tls-wrong-port',
      'log-tls-certificate-rejected',
      // named by a Dovecot rule: bad commands within the first second
      'log-tls-to-plain-port',
      // named by a Dovecot rule: a proxy-protocol connection from an address outside the trusted networks
      'log-proxy-header-untrusted',
      // named by a Dovecot rule: a configuration or a service that stops Dovecot from starting its POP processes
      'log-service-start-failed',
      // named by a Dovecot rule: the login process cannot load its certificate or key
      'log-tls-server-setup-failed',
    ]);
    for (const id of named) expect(kb.entry(id)?.entry.kind, id).toBe('client');
    expect(logEntries.map((e) => e.entry.id).sort()).toEqual([...named].sort());
  });

  it.each(logEntries.flatMap((e) => e.entry.examples.map((x) => [e.entry.id, x.text] as const)))(
    '%s: %s',
    (id, text) => {
      const event = parseServerLogLine(text);
      expect(event && entryForEvent(event)).toBe(id);
    },
  );
});
