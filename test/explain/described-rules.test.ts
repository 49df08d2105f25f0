import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import {
  toldLoginDelay,
  toldStlsWithoutTls,
  toldStuckMessage,
} from '../../src/explain/prose/described-rules.js';

const top = (text: string) => {
  const result = explain(text, { lang: 'en' });
  return result.findings[0]?.category ?? `(${result.outcome})`;
};

describe("a provider's minimum time between checks, told in words", () => {
  it('reads the rule in a bug report (reports tuning: jens-maus/yam#305)', () => {
    const report =
      "For example with Web.de and pop3 access you're only allowed to fetch mails every 720 seconds. not earlier. you simply get an error if you try this. i configured yam to look for new mails every 5 minutes.";
    expect(top(report)).toBe('auth.login-delay');
    expect(toldLoginDelay(report)).toBe('only allowed to fetch mails every 720 seconds');
  });

  it('reads it in French and Vietnamese', () => {
    expect(
      toldLoginDelay("Chez mon FAI on ne peut relever le courrier qu'une fois toutes les 15 minutes"),
    ).toBeDefined();
    expect(toldLoginDelay('Nhà mạng chỉ cho phép lấy thư 15 phút một lần')).toBeDefined();
    expect(toldLoginDelay('Mỗi 10 phút chỉ được đăng nhập một lần')).toBeDefined();
  });

  it('reads no rule into a check interval someone chose', () => {
    expect(toldLoginDelay('I set Outlook to check every 5 minutes and it works')).toBeUndefined();
    expect(toldLoginDelay('Thunderbird relève le courrier toutes les 10 minutes')).toBeUndefined();
    expect(toldLoginDelay('Outlook tự nhận thư mỗi 5 phút')).toBeUndefined();
  });
});

describe('logins the provider throttles, told in words', () => {
  // jstedfast/MailKit#88 (reports batch 4, tuning): MailKit's generic exception hides the server's reason.
  const report = [
    "I've been using MailKit for the last few days for hotmail (it's working great).",
    '',
    'However, I have an issue. Hotmail throttles me (when calling authenticate with POP3 I sometimes get an exception), which is fine.',
    'However, the exceptions returned from mailkit do not provide enough information to discern what the source of the problem is ( When using openpop, I get the return message from the server inside the exception).',
    '',
    'For example, I got a CommandException "POP3 server did not respond with a +OK response to the STAT command.", however I\'d like to see what the server actually provided, and I don\'t see how I can get that out of the exception.',
  ].join('\n');

  it('reads them as the login delay, before the wrapper exception that hides the reply', () => {
    expect(top(report)).toBe('auth.login-delay');
    expect(toldLoginDelay(report)).toBe('throttles me (when calling authenticate');
  });

  it('reads them in French and Vietnamese', () => {
    expect(toldLoginDelay('Free bride les connexions POP quand on relève trop souvent')).toBeDefined();
    expect(toldLoginDelay('Mes authentifications sont limitées en fréquence par Orange')).toBeDefined();
    expect(toldLoginDelay('Nhà cung cấp giới hạn số lần đăng nhập POP3 mỗi giờ')).toBeDefined();
  });

  it('reads no login delay into throttled downloads or sending', () => {
    expect(toldLoginDelay('My ISP throttles the download speed of large attachments')).toBeUndefined();
    expect(toldLoginDelay('SMTP sending is rate-limited to 100 messages per hour')).toBeUndefined();
  });
});

describe('one message the program cannot download, told in words', () => {
  // osTicket/osTicket-1.7#753 (reports batch 4, tuning): deleting that one message made the fetch work again.
  const report = [
    'Had one email that osticket 1.7.1.4 could not pop.',
    '',
    'Got this error:',
    "PHP Warning:  imap_open(): Couldn't open stream {mail.hiddenname.dk:110/pop3/novalidate-cert}INBOX in /var/www/somefolder/include/class.mailfetch.php on line 130",
    '',
    'Deleted the email making the problem and then it worked again.',
  ].join('\n');

  it('reads it as that message unavailable on the server', () => {
    const found = explain(report, { lang: 'en' }).findings[0];
    expect(found).toMatchObject({ category: 'message.unavailable', entry: 'message-cannot-be-read' });
    expect(toldStuckMessage(report)).toBe('one email that osticket 1.7.1.4 could not pop');
  });

  it('reads it in French and Vietnamese, and in the words of a stuck client', () => {
    expect(toldStuckMessage("J'ai un message que Thunderbird n'arrive pas à relever")).toBeDefined();
    expect(toldStuckMessage('Có một thư không tải về được, các thư khác vẫn nhận bình thường')).toBeDefined();
    expect(toldStuckMessage('Outlook gets stuck on the same message every time')).toBeDefined();
  });

  it('reads nothing into a message that could not be sent or delivered', () => {
    expect(toldStuckMessage('One email could not be sent to the customer')).toBeUndefined();
    expect(toldStuckMessage('This message could not be delivered to the recipient')).toBeUndefined();
  });
});

describe('STLS sent to a server without TLS, told in words', () => {
  // Atlantis-Software/mailx#1 (reports batch 4, tuning): the library sent STLS even with TLS switched off.
  const report = [
    'Connecting to a POP3 mailserver without TLS fails. In the popStore.js at line 32 the stls function is called even if enabletls is false. This throws an stls error which causes the client to quit.',
    '',
    'This change calls stls only when tls is enabled. When tls is disabled, the client immediatly authenticates.',
  ].join('\n');

  it('reads it as the server that cannot switch to encryption', () => {
    const found = explain(report, { lang: 'en' }).findings[0];
    expect(found).toMatchObject({ category: 'tls.unavailable', entry: 'tls-support-not-available' });
    expect(toldStlsWithoutTls(report)).toMatch(/^mailserver without TLS .* stls error$/);
  });

  it('reads it in French and Vietnamese', () => {
    expect(toldStlsWithoutTls('Le serveur sans TLS renvoie une erreur à la commande STLS')).toBeDefined();
    expect(toldStlsWithoutTls('Máy chủ không hỗ trợ TLS nên lệnh STLS bị lỗi')).toBeDefined();
  });

  it('reads nothing into STLS that works, or a server without TLS and no STLS', () => {
    expect(toldStlsWithoutTls('STLS works fine on our server with TLS enabled')).toBeUndefined();
    expect(toldStlsWithoutTls('Our old server without TLS still accepts USER and PASS')).toBeUndefined();
  });
});
