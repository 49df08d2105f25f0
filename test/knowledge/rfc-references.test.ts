import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * The sections the knowledge base cites, with their titles as the RFC texts print them (tables of contents of
 * RFC 1939, 2449, 2595, 3206, 5034, 6856, 7628, 8314, 8996 as published by the RFC Editor), and what each
 * section is about: a reference's note must speak of that, or the reference points at the wrong section.
 * A new citation needs its section here first, with the title copied from the RFC.
 */
const SECTIONS: Record<string, { title: string; about: RegExp }> = {
  '1939 §1': { title: 'Introduction', about: /maildrop|folder|download/i },
  '1939 §3': {
    title: 'Basic Operation',
    about: /port 110|\+OK|-ERR|state|autologout|CRLF|unknown command|QUIT/i,
  },
  '1939 §4': {
    title: 'The AUTHORIZATION State',
    about: /AUTHORIZATION|greet|lock|exclusive|one session|maildrop/i,
  },
  '1939 §5': {
    title: 'The TRANSACTION State',
    about: /TRANSACTION|STAT|LIST|RETR|DELE|NOOP|RSET|message number|no such message/i,
  },
  '1939 §6': { title: 'The UPDATE State', about: /UPDATE|QUIT|delet/i },
  '1939 §7': { title: 'Optional POP3 Commands', about: /USER|PASS|APOP|TOP|UIDL|message number/i },
  '1939 §8': { title: 'POP3 Command Summary', about: /summary|command list/i },
  '2449 §3': { title: 'General Command and Response Grammar', about: /grammar|syntax|multi-line/i },
  '2449 §4': { title: 'Parameter and Response Lengths', about: /octets|length/i },
  '2449 §5': { title: 'The CAPA Command', about: /CAPA/ },
  '2449 §6': { title: 'Initial Set of Capabilities', about: /CAPA|capabilit/i },
  '2449 §6.2': { title: 'USER capability', about: /USER/ },
  '2449 §6.3': { title: 'SASL capability', about: /SASL/ },
  '2449 §6.5': { title: 'LOGIN-DELAY capability', about: /LOGIN-DELAY/ },
  '2449 §6.7': { title: 'EXPIRE capability', about: /EXPIRE/ },
  '2449 §6.8': { title: 'UIDL capability', about: /UIDL/ },
  '2449 §8': { title: 'Extended POP3 Response Codes', about: /response code/i },
  '2449 §8.1.1': { title: 'The LOGIN-DELAY response code', about: /LOGIN-DELAY/ },
  '2449 §8.1.2': { title: 'The IN-USE response code', about: /IN-USE/ },
  '2595 §2.2': {
    title: 'Privacy Operational Mode Security Requirements',
    about: /TLS|refuse/i,
  },
  '2595 §2.4': { title: 'Server Identity Check', about: /identity|host name|certificate/i },
  '2595 §4': { title: 'POP3 STARTTLS extension', about: /STLS/ },
  '3206 §4': { title: 'The SYS Response Code', about: /SYS\/(TEMP|PERM)/ },
  '3206 §5': { title: 'The AUTH Response Code', about: /\bAUTH\b/ },
  '5034 §4': { title: 'The AUTH Command', about: /AUTH|SASL/ },
  '6856 §2': { title: '"UTF8" Capability', about: /UTF8/ },
  '7628 §3.2.2': { title: 'Server Response to Failed Authentication', about: /OAUTHBEARER|OAuth|token/ },
  '8314 §3': { title: 'Implicit TLS', about: /implicit TLS|TLS for mail access/i },
  '8314 §3.1': { title: 'Implicit TLS for POP', about: /POP3?\b.*995|995/ },
  '8314 §3.3': { title: 'Implicit TLS for SMTP Submission', about: /submission|465/i },
  '8314 §4.1': {
    title: 'Deprecation of Services Using Cleartext and TLS Versions Less Than 1.1',
    about: /cleartext|TLS 1\.[01]|TLS versions/i,
  },
  '8314 §5.3': { title: 'Certificate Validation', about: /certificate/i },
  '8996 §1': { title: 'Introduction', about: /TLS 1\.[01]/ },
};

const kb = loadKnowledgeBase();
const references = kb.entries.flatMap(({ entry }) =>
  entry.references.map((ref) => ({ id: entry.id, key: `${ref.rfc} §${ref.section}`, note: ref.note ?? '' })),
);

describe('RFC references', () => {
  it('cite only sections whose real titles are known', () => {
    const unknown = references.filter((r) => !(r.key in SECTIONS)).map((r) => `${r.id}: RFC ${r.key}`);
    expect(unknown).toEqual([]);
  });

  it('say something that the cited section is about', () => {
    const offTopic = references
      .filter((r) => {
        const section = SECTIONS[r.key];
        return section !== undefined && !section.about.test(r.note);
      })
      .map((r) => `${r.id}: RFC ${r.key} (${SECTIONS[r.key]?.title}) cited for ${JSON.stringify(r.note)}`);
    expect(offTopic).toEqual([]);
  });

  it('cite the IN-USE and LOGIN-DELAY response codes by their own sections', () => {
    const swapped = references
      .filter(
        (r) =>
          (/\bIN-USE\b/.test(r.note) && r.key.startsWith('2449 §8.1') && r.key !== '2449 §8.1.2') ||
          (/\bLOGIN-DELAY\b/.test(r.note) && r.key.startsWith('2449 §8.1') && r.key !== '2449 §8.1.1'),
      )
      .map((r) => `${r.id}: RFC ${r.key} for ${JSON.stringify(r.note)}`);
    expect(swapped).toEqual([]);
  });

  it('do not cite SMTP submission (RFC 8314 §3.3) for POP over TLS on port 995', () => {
    const wrong = references
      .filter((r) => r.key === '8314 §3.3' && /995|POP/.test(r.note))
      .map((r) => `${r.id}: ${JSON.stringify(r.note)}`);
    expect(wrong).toEqual([]);
  });

  it('name only known sections in explanations and example sources, and name them right', () => {
    // "RFC 1939 section 7", "RFC 1939, section 3", "RFC 1939 (mục 6)", "RFC 2595 2.2"
    const mention = /RFC (\d{4})[ ,(]*(?:section|§|mục)? ?(\d+(?:\.\d+)*)/g;
    const wrong: string[] = [];
    for (const { entry } of kb.entries) {
      for (const [where, text] of [
        ...entry.examples.map((e) => [`example ${JSON.stringify(e.text)}`, `${e.text} ${e.source}`] as const),
        ...(['en', 'fr', 'vi'] as const).map((lang) => [lang, JSON.stringify(entry[lang])] as const),
      ]) {
        for (const m of text.matchAll(mention)) {
          const key = `${m[1]} §${m[2]}`;
          const cited = SECTIONS[key];
          if (!cited) wrong.push(`${entry.id} ${where}: RFC ${key} is not in the table`);
          else if (/IN-USE/.test(text) && key === '2449 §8.1.1') wrong.push(`${entry.id} ${where}: IN-USE is §8.1.2`);
          else if (/LOGIN-DELAY/.test(text) && key === '2449 §8.1.2') wrong.push(`${entry.id} ${where}: LOGIN-DELAY is §8.1.1`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('catch a wrong citation: the table rejects what the section does not say', () => {
    // The test's own guard: a locking note under RFC 1939 §8 (the command summary) must not pass.
    expect(SECTIONS['1939 §8']?.about.test('the maildrop is locked for one session at a time')).toBe(false);
    expect(SECTIONS['8314 §3.1']?.about.test('mail submission on 465')).toBe(false);
  });
});
