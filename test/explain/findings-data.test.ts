import { describe, expect, it, vi } from 'vitest';
import { answerIn, answerMessage } from '../../src/chat/respond.js';
import { analyse, explain, localise } from '../../src/explain/explain.js';
import type { FallbackClassifier, FallbackInput } from '../../src/explain/extensions.js';
import { DEFAULT_EXTENSIONS } from '../../src/explain/default-extensions.js';
import { SummaryCounter } from '../../src/explain/summary.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';

const kb = defaultKnowledgeBase();
const PASTE = 'S: +OK ready\nC: USER joe\nS: +OK\nC: PASS hunter22\nS: -ERR [IN-USE] Unable to lock maildrop';

describe('findings as data: analyse, then localise', () => {
  it('the analysis holds entry ids and evidence, and no words of any language', () => {
    const analysis = analyse(PASTE);
    expect(analysis).toMatchObject({ outcome: 'errors', warnings: ['secret.exposed'] });
    expect(analysis.findings).toEqual([
      {
        category: 'mailbox.locked',
        entry: expect.any(String),
        confidence: expect.any(Number),
        evidence: {
          lineNumber: 5,
          line: 'S: -ERR [IN-USE] Unable to lock maildrop',
          command: 'PASS ****',
          commandLine: 4,
          state: 'AUTHORIZATION',
          responseCode: 'IN-USE',
          basis: 'wording',
          words: ['unable to lock maildrop'],
        },
      },
    ]);
    expect(JSON.stringify(analysis)).not.toContain('hunter22');
  });

  it('explain() is analyse + localise; one analysis serves every language', () => {
    const analysis = analyse(PASTE);
    for (const lang of ['en', 'fr', 'vi'] as const) {
      expect(localise(analysis, lang, kb)).toEqual(explain(PASTE, { lang }, kb));
    }
    const fr = localise(analysis, 'fr', kb);
    const en = localise(analysis, 'en', kb);
    expect(fr.findings[0]?.entry).toBe(en.findings[0]?.entry);
    expect(fr.findings[0]?.title).not.toBe(en.findings[0]?.title);
    expect(fr.warnings[0]?.message).toMatch(/mot de passe/);
  });

  it("a chat answer is put into the user's locale from its analysis, without explaining again (Slack)", () => {
    const answer = answerMessage({ text: PASTE, mode: 'direct', defaultLang: 'en' })!;
    expect(answer.lang).toBe('en');
    const again = vi.fn(() => undefined);
    const french = answerIn(answer, 'fr', again);
    expect(again).not.toHaveBeenCalled();
    expect(french).toMatchObject({
      kind: 'explanation',
      lang: 'fr',
      result: explain(PASTE, { lang: 'fr' }, kb),
    });
  });

  it('every outcome but errors is a sentence in the asked language', () => {
    expect(localise(analyse(''), 'fr', kb).message).toMatch(/Rien à expliquer/);
    const big = analyse('x'.repeat(3 * 1024 * 1024));
    expect(big.outcome).toBe('too-large');
    expect(localise(big, 'en', kb).message).toContain('3.0 MiB');
  });

  it('the paste’s own language is data: the caller chooses the answer language after analysing', () => {
    expect(analyse('Bonjour, je reçois cette erreur du serveur : -ERR mailbox locked').detectedLang).toBe(
      'fr',
    );
    expect(analyse('Tôi bị lỗi này khi nhận thư: -ERR mailbox locked').detectedLang).toBe('vi');
    expect(analyse('-ERR mailbox locked').detectedLang).toBeUndefined();
  });

  it('a paste that starts at QUIT takes its state from what the reply means (UPDATE)', () => {
    const finding = explain('C: QUIT\nS: -ERR some deleted messages not removed').findings[0];
    expect(finding).toMatchObject({ category: 'update.delete-failed', state: 'UPDATE' });
  });
});

describe('extension points', () => {
  const seen: FallbackInput[] = [];
  const fallback: FallbackClassifier = (input) => {
    seen.push(input);
    return /\bverrou\b/i.test(input.text)
      ? { category: 'mailbox.locked', words: ['verrou'], confidence: 0.9 }
      : undefined;
  };
  const extensions = { ...DEFAULT_EXTENSIONS, fallback };

  it('a -ERR no entry knows goes to the fallback; its category and decisive words are shown, at lower confidence', () => {
    const analysis = analyse(
      'C: RETR 1\nS: -ERR le verrou est tenu par un autre processus',
      { extensions },
      kb,
    );
    expect(seen.at(-1)).toMatchObject({ kind: 'server', verb: 'RETR' });
    expect(analysis.findings[0]).toMatchObject({
      category: 'mailbox.locked',
      evidence: { basis: 'fallback', words: ['verrou'] },
    });
    expect(analysis.findings[0]!.confidence).toBeLessThanOrEqual(0.55);
    const finding = localise(analysis, 'en', kb).findings[0]!;
    expect(finding.because).toContain('“verrou”');
    // French quotes the words in « » with no-break spaces inside, as the rest of the French text does.
    expect(localise(analysis, 'fr', kb).findings[0]!.because).toContain('«\u00a0verrou\u00a0»');
    // Without a documented entry, the category's own name and meaning are shown.
    expect(finding.title).toBe(kb.categoryName('mailbox.locked', 'en'));
  });

  it('when the fallback has nothing to say, a -ERR is still explained, as unknown', () => {
    const analysis = analyse('-ERR zorglub', { extensions }, kb);
    expect(analysis.findings[0]).toMatchObject({ category: 'unknown', evidence: { basis: 'unknown' } });
  });

  it('a client line no entry knows reaches the fallback too; a documented one never does', () => {
    seen.length = 0;
    analyse('Thunderbird: impossible de poser le verrou sur la boîte', { extensions }, kb);
    expect(seen.map((s) => s.kind)).toContain('client');
    seen.length = 0;
    analyse('-ERR [IN-USE] Unable to lock maildrop', { extensions }, kb);
    expect(seen).toEqual([]);
  });

  it('a server log line is its own kind: log entries first, then the client entries that know log wordings', () => {
    const line =
      'Nov 22 10:00:00 mail dovecot: pop3-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<joe>, method=PLAIN, rip=192.0.2.1';
    const finding = analyse(line).findings[0];
    expect(finding?.category).toMatch(/^auth\./);
  });

  it('--summary streams a log through the same pipeline, rules included', () => {
    const counter = new SummaryCounter(kb);
    for (const line of ['S: +OK ready', 'C: RETR 1', 'S: -ERR unrecognized command', 'C: RETR 2', 'S: -ERR'])
      counter.push(line);
    expect(counter.result().categories).toEqual([
      expect.objectContaining({ category: 'command.state', count: 2 }),
    ]);
  });
});
