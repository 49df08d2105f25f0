import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runEval } from '../../src/cli/kb-eval.js';
import { capturedCases } from '../../scripts/learned/samples.mjs';
import { analyse } from '../../src/explain/analyse.js';
import { explain } from '../../src/explain/explain.js';
import { isolatedMessage } from '../../src/explain/fallback/isolated.js';
import { speaksOfAnotherService } from '../../src/explain/mail-context.js';
import { type EvalCase, evalSetDir, evaluate } from '../../src/knowledge/evaluate.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { renderResultText } from '../../src/render/text.js';

// Texts that are not POP errors (scripts/negatives: the boundary), and the isolated program message read from
// its words alone. Every text here is a real tuning text of a captured set, found by its id.

const kb = defaultKnowledgeBase();
const textOf = (id: string) => {
  const found = capturedCases().find((c) => c.id === id);
  if (!found) throw new Error(`${id}: no such captured case`);
  return found.text;
};
const topOf = (text: string) => {
  const result = explain(text, { lang: 'en' }, kb);
  return result.findings[0]?.category ?? `(${result.outcome})`;
};

describe('a paste of another service or program holds no POP error', () => {
  it.each([
    // Each gave a finding before: auth.failed, auth.failed, connect.dns, connect.refused, auth.failed,
    // auth.failed, auth.unknown-user, client.storage, tls.certificate.
    'negatives/smtp-535-postfix',
    'negatives/imap-authfailed',
    'negatives/tools/git-clone-dns/fr',
    'negatives/tools/wget-refused/vi',
    'negatives/fail2ban/sshd/5',
    'negatives/http-github-bad-credentials',
    'negatives/bounce-postfix-unknown',
    'negatives/tools/mkdir-exists/vi',
    'negatives/tools/wget-cert/fr',
    // vsftpd's own log format ("[pid N] [user] FAIL LOGIN: Client …"), with no program name in the line.
    'negatives/fail2ban/vsftpd/17',
  ])('%s', (id) => {
    const text = textOf(id);
    expect(speaksOfAnotherService(text.split('\n'))).toBe(true);
    const result = analyse(text);
    expect(result.findings).toEqual([]);
    expect(result.outcome).toBe('not-pop');
  });

  it('keeps the finding where the paste shows POP, or names no other service', () => {
    // nginx's mail module proxying POP logs in nginx's format, with no POP word: not another service.
    expect(topOf(textOf('proxies/nginx/backend-down/log/1'))).toBe('connect.refused');
    // The same SMTP words inside a POP session or a mail program's output are POP's business.
    const smtp = textOf('negatives/smtp-535-postfix');
    expect(speaksOfAnotherService(['fetchmail: SMTP error: 452 4.3.1 Insufficient system storage'])).toBe(
      false,
    );
    expect(speaksOfAnotherService([smtp, '-ERR [AUTH] Authentication failed.'])).toBe(false);
    // An SMTP reply quoted after a prefix is still SMTP (its RFC 3463 status code: POP has none), unless the
    // prefix is a program that retrieves mail (fetchmail hands mail on over SMTP: that is its delivery).
    const quoted = `SMTP says: ${smtp.split('\n')[0]!.trim()}`;
    expect(speaksOfAnotherService([quoted])).toBe(true);
    expect(analyse(quoted).findings).toEqual([]);
    expect(
      speaksOfAnotherService(['fetchmail: server responded: 535 5.7.8 Error: authentication failed']),
    ).toBe(false);
    // A Dovecot auth worker that cannot reach MySQL is the POP server's failure, in MySQL's words.
    expect(
      speaksOfAnotherService([
        "Dec  6 21:53:51 mail dovecot: auth-worker(1234): Error: mysql(localhost): Connect failed to database (mail): Access denied for user 'dovecot'@'localhost' (using password: YES)",
      ]),
    ).toBe(false);
  });
});

describe('a time limit exceeded is a timeout unless a count is named', () => {
  it('reads « délai … dépassé » with the connection named between as a timeout', () => {
    // apt's French catalogue translates "Connection timed out" so (apt 2.6.1, apt.mo); it read as too many
    // sessions: "connexion" and "dépassé" made a count of connections.
    expect(topOf('Délai de connexion dépassé')).toBe('connect.timeout');
    expect(topOf('Le délai de connexion est dépassé')).toBe('connect.timeout');
    // Thunderbird's own words (gui/thunderbird tuning) stay its entry's.
    expect(topOf('Temps limite de connexion au serveur 127.0.0.3 dépassé.')).toBe('connect.timeout');
  });

  it('keeps a count of connections as too many sessions', () => {
    expect(topOf('-ERR Too many connections, try again later')).toBe('mailbox.too-many-sessions');
    expect(topOf('Trop de connexions simultanées depuis votre adresse.')).toBe('mailbox.too-many-sessions');
  });
});

describe('the isolated program message', () => {
  // Roundcube's French "storage server" connection error (catalogues/roundcube tuning): no mail word, no
  // program named; before, "No POP error found".
  const roundcube = textOf('catalogues/roundcube/storageerror-64cd37/fr');

  it('is one or two short lines in a program voice that name what fails', () => {
    expect(isolatedMessage(roundcube.split('\n'))).toBe(roundcube.trim());
    expect(isolatedMessage(['Unable to find host mail.example.net'])).toBeDefined();
    // A person's sentence, a question, a session, three lines, or words that name nothing that fails are not.
    expect(isolatedMessage(['I cannot connect to the server'])).toBeUndefined();
    expect(isolatedMessage(['Connection to the server failed?'])).toBeUndefined();
    expect(isolatedMessage(['-ERR Connection refused'])).toBeUndefined();
    expect(isolatedMessage(['Connection failed.', 'Retrying.', 'Connection failed.'])).toBeUndefined();
    expect(isolatedMessage(['The meeting was cancelled.'])).toBeUndefined();
  });

  it('is read from its words alone, said so, with a lower confidence', () => {
    const result = analyse(roundcube);
    expect(result.findings.map((f) => f.category)).toEqual(['connect.refused']);
    const [finding] = result.findings;
    expect(finding!.evidence.alone).toBe(true);
    expect(finding!.confidence).toBeLessThanOrEqual(0.3);
    const said = {
      en: 'read from its words alone',
      fr: 'lu à partir de ses seuls mots',
      vi: 'chỉ dựa vào chính các từ của nó',
    } as const;
    for (const lang of ['en', 'fr', 'vi'] as const) {
      const rendered = renderResultText(explain(roundcube, { lang }, kb), { color: false });
      expect(rendered).toContain(said[lang]);
      expect(rendered).toContain('connexion');
    }
  });

  it('is not read when it names another service, nor when a person says it', () => {
    expect(analyse('ssh: connect to host 127.0.0.1 port 1: Connection refused').findings).toEqual([]);
    expect(analyse('I think my account is broken, any idea?').findings).toEqual([]);
  });

  it('reads a host the program could not find as a failed name lookup', () => {
    expect(topOf('Unable to find host mail.example.net')).toBe('connect.dns');
    expect(topOf('Impossible de trouver l’hôte « mail.example.net »')).toBe('connect.dns');
  });
});

describe('kb eval: texts expected to give no finding', () => {
  const cases: EvalCase[] = [
    {
      text: '-ERR [IN-USE] Unable to lock maildrop',
      category: 'mailbox.locked',
      lang: 'en',
      source: 'a',
      file: 'x/a.yaml',
      kind: 'line',
    },
    {
      text: textOf('negatives/smtp-535-postfix'),
      category: 'none',
      lang: 'en',
      source: 'b',
      file: 'negatives/n.yaml',
      kind: 'line',
    },
    {
      text: '-ERR [AUTH] Authentication failed.',
      category: 'none',
      lang: 'fr',
      source: 'c',
      file: 'negatives/n.yaml',
      kind: 'line',
    },
  ];

  it('counts them apart: false findings per language and kind, never in the accuracy totals', () => {
    const report = evaluate(kb, cases);
    expect(report.total).toBe(1);
    expect(report.correct).toBe(1);
    expect(report.perSource.negatives).toBeUndefined();
    expect(report.falseFindings.total).toBe(2);
    expect(report.falseFindings.found).toBe(1);
    expect(report.falseFindings.perLang.fr).toEqual({ total: 1, found: 1 });
    expect(report.falseFindings.perLang.en).toEqual({ total: 1, found: 0 });
    expect(report.falseFindings.perKind.line).toEqual({ total: 2, found: 1 });
    expect(report.falseFindings.cases.map((m) => [m.source, m.got])).toEqual([['c', 'auth.failed']]);
  });
});

describe('kb eval: the holdout false findings', () => {
  const root = mkdtempSync(join(tmpdir(), 'popbot-negatives-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(evalSetDir('holdout', root), 'negatives');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'n.yaml'),
    stringify({
      provenance: {
        captured_by: 'test',
        date: '2026-12-08',
        server: 'none',
        server_config: 'none',
        clients: {},
      },
      cases: [
        // A refused POP login, labelled as if it were no POP error: it gives a finding, counted, its text hidden.
        {
          id: 'h/1',
          text: '-ERR [AUTH] A HOLDOUT TEXT NOBODY READS',
          category: 'none',
          lang: 'vi',
          kind: 'line',
          scenario: 's',
          tool: 't',
        },
        {
          id: 'h/2',
          text: 'The meeting was moved to Friday.',
          category: 'none',
          lang: 'en',
          kind: 'chat',
          scenario: 's',
          tool: 't',
        },
      ],
    }),
  );

  it('prints them on their own rows, counted by what was found, texts hidden', () => {
    const text = runEval(kb, { json: false, sets: ['holdout'], holdoutMisses: false, lang: 'en', root });
    expect(text).toMatch(/false findings .*: 1\/2 50\.0%/);
    expect(text).toMatch(/none -> auth\./);
    expect(text).not.toContain('NOBODY READS');
    expect(text).toMatch(/holdout \(test\/fixtures\/eval\/holdout\): -/);
  });
});
