import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * The real lines the generated inputs are made of: every example of the knowledge base, with the
 * command each server reply answered (from the example, else from the entry's command list).
 */
export interface ServerExample {
  entry: string;
  category: string;
  /** The whole reply line, `-ERR ...`. */
  line: string;
  /** The command line a client sent before it (`RETR 2`, `PASS s3cret`). */
  command: string;
}

export interface ClientExample {
  entry: string;
  category: string;
  line: string;
}

export interface Examples {
  kb: KnowledgeBase;
  server: ServerExample[];
  client: ClientExample[];
}

const NEEDS_ARG: Record<string, string> = {
  USER: 'alice@example.net',
  PASS: 'Tr0ub4dor&3',
  APOP: 'alice@example.net c4c9334bac560ecc979e58001b3e22fb',
  AUTH: 'PLAIN',
  RETR: '2',
  DELE: '2',
  TOP: '2 0',
  XTND: 'XLST Message-Id',
};

function commandFor(spec: string): string {
  const [verb = 'STAT', shape] = spec.split(' ');
  if (shape === '<none>') return verb;
  const arg = NEEDS_ARG[verb] ?? (shape === '<arg>' ? '1' : '');
  return arg ? `${verb} ${arg}` : verb;
}

export function loadExamples(): Examples {
  const kb = loadKnowledgeBase();
  const server: ServerExample[] = [];
  const client: ClientExample[] = [];
  for (const { entry } of kb.entries) {
    for (const example of entry.examples) {
      if (entry.kind === 'server' && example.text.startsWith('-ERR ')) {
        const given = example.command ?? entry.match.commands[0] ?? 'STAT';
        // A greeting is not a command line; those examples do not fit inside a session.
        if (given === 'GREETING') continue;
        const command = example.command
          ? example.command === 'PASS' || example.command === 'USER' || example.command === 'APOP'
            ? commandFor(example.command)
            : example.command
          : commandFor(given);
        server.push({ entry: entry.id, category: entry.category, line: example.text, command });
      } else if (entry.kind === 'client') {
        client.push({ entry: entry.id, category: entry.category, line: example.text });
      }
    }
  }
  if (server.length === 0) throw new Error('the knowledge base holds no -ERR examples');
  return { kb, server, client };
}
