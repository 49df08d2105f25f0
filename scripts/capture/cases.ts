import { createHash } from 'node:crypto';
import type { Lang } from '../../src/i18n/lang.js';
import type { CaptureKind } from '../../src/knowledge/evaluate.js';

/**
 * From what was captured to evaluation cases: one case per text a user would paste, its category decided by
 * the scenario, deduplicated by text, and split once and for all between the tuning part and the holdout by
 * a seeded hash of the case id (so a re-run puts every case on the same side).
 */

export interface CapturedCase {
  id: string;
  text: string;
  category: string;
  lang: Lang;
  kind: CaptureKind;
  scenario: string;
  tool: string;
  cmdline?: string;
  config?: string;
  /** Set when the text is a real output inside a sentence written for the capture (chat messages). */
  framing?: string;
}

export const HOLDOUT_SEED = 'popbot-capture-holdout-2026-12';
export const HOLDOUT_SHARE = 0.35;

export function inHoldout(id: string): boolean {
  const h = createHash('sha256').update(`${HOLDOUT_SEED}:${id}`).digest();
  return h.readUInt32BE(0) / 2 ** 32 < HOLDOUT_SHARE;
}

const hashPick = <T>(id: string, items: readonly T[]): T =>
  items[createHash('sha256').update(id).digest().readUInt32BE(0) % items.length]!;

/**
 * How people ask about an output in a chat, in each language: the output is real, these sentences are the
 * capture's own (marked as `framing` on the case). `{out}` is the pasted output, `{tool}` the program.
 */
const CHAT: Record<Lang, { block: readonly string[]; inline: readonly string[] }> = {
  en: {
    block: [
      'Hi all, since this morning I get this every time I check my mail:\n\n```\n{out}\n```\nAny idea what is wrong?',
      '{tool} keeps failing with this:\n{out}\nI did not change anything on my side. What does it mean?',
    ],
    inline: ['Can someone explain this error? I run {tool} from cron and it stopped working: "{out}"'],
  },
  fr: {
    block: [
      "Bonjour, depuis ce matin j'ai ce message à chaque relève du courrier :\n\n```\n{out}\n```\nUne idée de ce qui cloche ?",
      "{tool} échoue à chaque relève avec ceci :\n{out}\nJe n'ai rien modifié de mon côté. Qu'est-ce que ça veut dire ?",
    ],
    inline: [
      "Quelqu'un peut m'expliquer cette erreur ? Je lance {tool} depuis cron et ça ne marche plus : « {out} »",
    ],
  },
  vi: {
    block: [
      'Chào mọi người, từ sáng nay mỗi lần tải thư mình đều gặp lỗi này:\n\n```\n{out}\n```\nAi biết nguyên nhân không ạ?',
      '{tool} cứ báo lỗi như sau:\n{out}\nMình không thay đổi gì cả. Lỗi này nghĩa là gì vậy?',
    ],
    inline: [
      'Cho mình hỏi lỗi này là sao? Mình chạy {tool} bằng cron và tự nhiên không tải được thư nữa: “{out}”',
    ],
  },
};

const LOG_CHAT: Record<Lang, string> = {
  en: 'Is this an attack? My mail server log is full of lines like these:\n{out}',
  fr: 'Est-ce une attaque ? Le journal de mon serveur de messagerie est plein de lignes comme celles-ci :\n{out}',
  vi: 'Đây có phải là tấn công không? Nhật ký máy chủ thư của mình toàn những dòng như thế này:\n{out}',
};

export function chatCase(base: CapturedCase, lang: Lang): CapturedCase {
  const oneLine = base.text.trim().split('\n').length === 1;
  const templates = CHAT[lang];
  const template =
    base.kind === 'server-log'
      ? LOG_CHAT[lang]
      : hashPick(base.id, oneLine ? [...templates.block, ...templates.inline] : templates.block);
  return {
    ...base,
    id: `${base.id}/chat-${lang}`,
    kind: 'chat',
    lang,
    text: template.replace('{tool}', base.tool.split(' ')[0]!).replace('{out}', base.text.trim()),
    framing: template,
  };
}

/** Which language a chat about an English output is written in: spread over the three, by the id. */
export function chatLang(c: CapturedCase): Lang {
  return c.lang !== 'en' ? c.lang : hashPick(`${c.id}/lang`, ['en', 'fr', 'vi'] as const);
}

export class CaseSet {
  private readonly byText = new Map<string, CapturedCase>();
  add(c: CapturedCase): boolean {
    const key = c.text.trim();
    if (key === '' || this.byText.has(key)) return false;
    this.byText.set(key, c);
    return true;
  }
  all(): CapturedCase[] {
    return [...this.byText.values()];
  }
}

/** The user a log line names, in the forms these servers write it. */
const NAMED_USER = /(?:user=<?|passwd-file\(|failed for (?:user )?|user `|no such user: )([a-z][\w.-]*)/;

/**
 * The non-empty lines of a server log that may belong to the capture's session: a line naming another
 * user is another program's session (a test suite running the same server meanwhile, logging to the same
 * syslog).
 */
export function ownLogLines(log: string, user: string): string[] {
  return log.split('\n').filter((l) => {
    const named = NAMED_USER.exec(l)?.[1];
    return l.trim() !== '' && (named === undefined || named === user);
  });
}

/** What differs between locales beyond dates and numbers. */
const wording = (text: string) =>
  text.replace(/ at .*: poll (started|completed)/g, ' at DATE: poll $1').replace(/\d+/g, '#');

/**
 * Drops the French and Vietnamese runs whose text reads as the English run of the same client (no
 * catalogue, no translated system message, only a date), and puts the English cases first (the first of
 * equal texts is the one kept).
 */
export function translatedOnly(cases: readonly CapturedCase[]): CapturedCase[] {
  const english = new Map(
    cases.filter((c) => c.lang === 'en').map((c) => [c.id.replace(/\/en$/, ''), wording(c.text)]),
  );
  return cases
    .filter((c) => c.lang === 'en' || english.get(c.id.replace(/\/(fr|vi)$/, '')) !== wording(c.text))
    .sort((a, b) => (a.lang === 'en' ? 0 : 1) - (b.lang === 'en' ? 0 : 1) || a.id.localeCompare(b.id));
}
