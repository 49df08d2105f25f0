import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRawSession, runRawSession } from '../../scripts/capture/raw-session.js';
import { analyse } from '../../src/explain/analyse.js';
import { detectLanguage } from '../../src/explain/language.js';
import { loadEvalSet } from '../../src/knowledge/evaluate.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import { type Dovecot, dovecotBinary, startDovecot } from '../support/dovecot.js';

/**
 * A message retrieved with RETR is the mail's text, not the session's: its words are not the user's language
 * and its hosts are not the server's. Real Dovecot sessions retrieve two mails whose bodies are real tuning
 * texts a user sends to a helpdesk (a French question quoting a -ERR; a program's error naming its server),
 * then ask for a message that does not exist.
 */

const binary = dovecotBinary();
const inCI = process.env.CI === 'true' || process.env.CI === '1';

const tuning = loadEvalSet('tuning');
const french = tuning.find(
  (c) => c.lang === 'fr' && c.kind === 'chat' && c.text.includes('-ERR') && detectLanguage(c.text) === 'fr',
);
const naming = tuning.find(
  (c) => c.kind === 'client-output' && c.text.split('\n').length <= 6 && analyse(c.text).serverHost,
);

function mail(subject: string, body: string): string {
  return [
    'Received: from relay.isp-mail.fr (relay.isp-mail.fr [203.0.113.7]) by mx.helpdesk.test; Mon, 7 Dec 2026 10:00:00 +0100',
    'From: client@isp-mail.fr',
    'To: support@helpdesk.test',
    `Subject: ${subject}`,
    '',
    ...body.split('\n'),
    '',
  ].join('\r\n');
}

describe.skipIf(!binary && !inCI)("a retrieved message's text is out of the session's searches", () => {
  let certs: TestCerts;
  let dovecot: Dovecot;
  let marked: string;
  let terminal: string;

  beforeAll(async () => {
    if (!binary) throw new Error('CI=true but dovecot is not installed');
    certs = makeTestCerts();
    dovecot = await startDovecot({
      certs,
      mails: [mail('Erreur POP', french!.text), mail('Program output', naming!.text)],
    });
    const record = await runRawSession({
      host: '127.0.0.1',
      port: dovecot.plainPort,
      timeoutS: 10,
      steps: [
        { send: 'USER alice' },
        { send: 'PASS correct horse' },
        { send: 'RETR 1', multiline: true },
        { send: 'RETR 2', multiline: true },
        { send: 'RETR 9' },
        { send: 'QUIT' },
      ],
    });
    marked = renderRawSession(record, 'marked');
    terminal = renderRawSession(record, 'terminal');
  }, 30_000);
  afterAll(() => {
    dovecot?.stop();
    certs?.cleanup();
  });

  it('the bodies alone read as French and name a server', () => {
    expect(detectLanguage(french!.text)).toBe('fr');
    expect(analyse(naming!.text).serverHost).toBeTruthy();
    expect(marked).toContain(french!.text.split('\n')[0]);
  });

  it.each(['marked', 'terminal'] as const)(
    '%s: the answer explains the missing message only, in no language of the mails, naming none of their hosts',
    (style) => {
      const text = style === 'marked' ? marked : terminal;
      const lines = text.split('\n');
      const analysis = analyse(text);
      expect(analysis.detectedLang).toBeUndefined();
      // The -ERR the French mail quotes is the mail's; the one reply that failed is RETR 9's.
      expect(analysis.findings.map((f) => f.evidence.lineNumber)).toEqual([
        lines.findIndex((l) => /^(?:S: )?-ERR/.test(l)) + 1,
      ]);
      expect(lines[analysis.findings[0]!.evidence.lineNumber - 2]).toMatch(/RETR 9$/);
      expect(analysis.serverHost).toBeUndefined();
    },
  );

  it('without the lone "." the next command typed ends the message: the mail is still left out', () => {
    const lines = marked.split('\n');
    const firstEnd = lines.indexOf('S: .');
    const text = [...lines.slice(0, firstEnd), ...lines.slice(firstEnd + 1)].join('\n');
    const analysis = analyse(text);
    expect(analysis.detectedLang).toBeUndefined();
    expect(analysis.findings).toHaveLength(1);
  });

  it('a paste cut inside a message is read as a paste without messages would be', () => {
    const lines = marked.split('\n');
    const cut = lines.slice(0, lines.findIndex((l) => l.includes('Subject: Erreur POP')) + 3).join('\n');
    // Nothing shows where it ends: its lines may be a session whose "." the paste lost.
    expect(analyse(cut).detectedLang).toBe('fr');
    expect(analyse(cut).detectedLang).toBe(detectLanguage(cut));
  });
});
