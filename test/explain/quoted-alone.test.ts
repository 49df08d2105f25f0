import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { quotesToReadAlone, speaksOfMail } from '../../src/explain/prose/quoted-alone.js';

const top = (text: string) => {
  const result = explain(text, { lang: 'en' });
  return result.findings[0]?.category ?? `(${result.outcome})`;
};

describe('an error quoted in a question about mail is read on its own words', () => {
  // Real tuning texts: the error as a program printed it, inside the asker's own sentence.
  it.each([
    [
      // telnet's message, posts set (Microsoft KB 278637, the chat around it written for the set)
      'Outlook Express keeps failing to get mail from our Exchange box, so I tried telnet to port 110. The POP3 banner shows up and then straight away I get "Connection to host lost." What does that mean?',
      'connect.reset',
    ],
    [
      // s-nail's message, proxies set (perdition behind a certificate for another name)
      'Can someone explain this error? I run s-nail from cron and it stopped working: "s-nail: TLS certificate does not match: 127.0.0.2:44199"',
      'tls.certificate',
    ],
    [
      // Gmail's fetcher, posts set (aws-ses-pop3-server issue #1, the chat around it written for the set)
      'Après la mise à jour de mon petit serveur POP3, Gmail récupère la plupart des messages mais, pour certains, il affiche « Error in RETR command: Received an empty line ». Que signifie ce message ?',
      'server.protocol-error',
    ],
  ])('%s', (text, category) => {
    expect(top(text)).toBe(category);
  });

  // A program's message after the asker's colon, in a first-person sentence the words of which alone say
  // nothing: real tuning messages (catalogues: Mutt, GNU Mailutils' movemail, Balsa), framings of a forum post.
  it.each([
    ['My mail client says: Write fault!', 'client.storage'],
    [
      "J'ai ce message dans ma messagerie : movemail: impossible de verrouiller la boîte aux lettres « /var/mail/alice » : Resource temporarily unavailable",
      'mailbox.locked',
    ],
    ['Máy em nhận thư thì báo thế này: Không thể khoá hộp thư.', 'mailbox.locked'],
  ])('%s', (text, category) => {
    expect(top(text)).toBe(category);
  });

  it('reads nothing into a quote in a sentence about no mail', () => {
    expect(top('Our web shop shows "Internal server error" since this morning, what is wrong?')).toBe(
      '(not-pop)',
    );
  });
});

describe('what a sentence about receiving mail names, in the three languages', () => {
  it.each([
    ['Outlook Express keeps failing to get mail', true],
    ['I run s-nail from cron', true],
    ['Gmail relève ma boîte POP3', true],
    ['depuis ce matin la relève du courrier échoue', true],
    ['máy em tải thư về thì hiện lỗi', true],
    ['Hộp thư của mình không nhận được thư', true],
    ['Our web shop shows an error', false],
    ['Le site affiche une erreur', false],
    ['Trang web báo lỗi', false],
  ])('%s: %s', (sentence, about) => {
    expect(speaksOfMail(sentence)).toBe(about);
  });

  it('keeps a quote that names POP whatever the sentence, and a quote about mail in fr and vi', () => {
    expect(quotesToReadAlone('Je lance movemail : « pops://alice@host : impossible d’ouvrir »')).toEqual([
      'pops://alice@host : impossible d’ouvrir',
    ]);
    expect(quotesToReadAlone('Le site affiche « Erreur interne du serveur »')).toEqual([]);
    // A note about a paste is no quote (test/fixtures/recorded/server/dovecot-2.3.19-storage-error.txt).
    expect(
      quotesToReadAlone(
        '# server log: Error: Mailbox INBOX: unlink(.../Maildir/cur/1) failed: Permission denied',
      ),
    ).toEqual([]);
    expect(quotesToReadAlone('Outlook báo “Không thể kết nối tới máy chủ” khi nhận thư')).toEqual([
      'Không thể kết nối tới máy chủ',
    ]);
  });
});

describe('an error a title reports after "throw", beside the exception that hides it', () => {
  // jstedfast/MailKit#1320 (reports batch 4, tuning): the title names the provider's reply, which
  // MailKit's Pop3CommandException does not show.
  const report = [
    'POP3Client GetMessage throw Download Exceed',
    '',
    '**Exception**',
    'MailKit.Net.Pop3.Pop3CommandException: POP3 server did not respond with a +OK response to the RETR command.',
    '   在 MailKit.Net.Pop3.Pop3Client.DownloadContext`1.<DownloadItemAsync>d__13.MoveNext() 位置 D:\\src\\MailKit\\MailKit\\Net\\Pop3\\Pop3Client.cs:行号 2507',
  ].join('\n');

  it("reads the title's words as the reply the exception hides", () => {
    const found = explain(report, { lang: 'en' }).findings[0];
    expect(found).toMatchObject({ category: 'server.temporary', entry: 'download-limit-exceeded' });
    expect(quotesToReadAlone('POP3Client GetMessage throw Download Exceed')).toEqual(['Download Exceed']);
  });

  it('names POP by a POP library class, and reads nothing where the sentence is not about mail', () => {
    expect(speaksOfMail('Pop3Client.GetMessage fails on the second call')).toBe(true);
    expect(speaksOfMail('The launcher throw Download Exceed on every update')).toBe(false);
    expect(quotesToReadAlone('The launcher throw Download Exceed on every update')).toEqual([]);
  });
});
