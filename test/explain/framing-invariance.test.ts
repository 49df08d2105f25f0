import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { loadEvalSet } from '../../src/knowledge/evaluate.js';

const top = (text: string) => {
  const result = explain(text, { lang: 'en' });
  return result.findings[0]?.category ?? `(${result.outcome})`;
};

// How people post an error they got, in the three languages: quoted, after a colon, in a first-person sentence.
const FRAMES: readonly ((error: string) => string)[] = [
  (e) => `Hi, Outlook keeps showing "${e}" when I check my mail. Any idea?`,
  (e) => `Bonjour, depuis ce matin Thunderbird affiche « ${e} » à chaque relève. Que faire ?`,
  (e) => `Chào mọi người, máy em nhận thư thì báo lỗi “${e}”. Em phải làm sao ạ?`,
  (e) => `My mail client says: ${e}`,
  (e) => `Lỗi: ${e}`,
  (e) => `J'ai ce message dans ma messagerie : ${e}`,
  // Reported without quotes or a colon, after the verb of the sentence (prose/quoted-errors.ts, 'reported').
  (e) => `Outlook gives me ${e} every time I check my mail.`,
  (e) => `La relève du courrier s'arrête sur ${e} alors que tout marchait hier.`,
  (e) => `Outlook báo ${e} mỗi lần nhận thư, em phải làm sao ạ?`,
  (e) => `Chạy lệnh lấy thư thì dừng ở dòng ${e} trong khi hôm qua vẫn được.`,
];

describe('an error read alone is read the same inside a post about it', () => {
  // The tuning texts of the public sets (posts, reports) that are one line and read right alone.
  const errors = loadEvalSet('tuning')
    .filter((c) => c.file.startsWith('posts/') || c.file.startsWith('reports/'))
    .filter((c) => (c.kind === 'line' || c.kind === 'client-output') && !c.text.includes('\n'))
    .filter((c) => c.text.length < 200 && !c.text.includes('"') && top(c.text) === c.category);

  it('has texts to frame', () => {
    expect(errors.length).toBeGreaterThanOrEqual(20);
  });

  it.each(FRAMES.map((frame, i) => [i, frame] as const))('frame %i', (_, frame) => {
    const changed = errors.filter((c) => top(frame(c.text)) !== c.category).map((c) => c.source);
    // MailKit's "Pop3 server returned an incomplete response to the UIDL command" reads as the command's
    // refusal once a sentence surrounds it (left as it is).
    expect(changed.filter((id) => id !== 'reports/mailkit-560')).toEqual([]);
  });
});
