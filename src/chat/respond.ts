import { analyse, answerLang, findingFrom, formatSize, isAboutMail, localise } from '../explain/explain.js';
import type { ExplainResult } from '../explain/types.js';
import { chat } from '../i18n/chat-messages.js';
import { isLang, type Lang } from '../i18n/lang.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { countExplanation } from '../metrics/metrics.js';
import type { ChatAnswer, ChatRequest } from './types.js';

/** A chat paste larger than this gets a "paste the part around the error" answer. */
export const MAX_CHAT_PASTE_CHARS = 1024 * 1024;

const HELP_WORDS = new Set(['help', '/help', 'aide', 'trợ giúp', 'tro giup', 'giúp', '?']);
const LANG_DIRECTIVE = /(?:^|\s)lang:(en|fr|vi)(?=\s|$)/i;

/** Takes an explicit `lang:fr` / `lang:vi` / `lang:en` out of a command's text. */
export function extractLangDirective(text: string): { text: string; lang?: Lang } {
  const m = LANG_DIRECTIVE.exec(text);
  if (!m) return { text };
  const lang = (m[1] ?? '').toLowerCase();
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.trim();
  return isLang(lang) ? { text: rest, lang } : { text };
}

/**
 * Decides what the bot says to one message. Watched channels get an answer only when there is a POP error
 * (or a leaked password to warn about); direct requests always get one.
 */
export function answerMessage(request: ChatRequest): ChatAnswer | undefined {
  const directive = request.mode === 'direct' ? extractLangDirective(request.text) : { text: request.text };
  const chosen = request.lang ?? directive.lang;
  const fallback = request.platformLang ?? request.defaultLang;
  const text = directive.text;
  const lang = chosen ?? fallback;

  if (request.mode === 'direct' && HELP_WORDS.has(text.trim().toLowerCase())) {
    return { kind: 'help', lang, text: chat.t(lang, 'help') };
  }
  if (text.length > MAX_CHAT_PASTE_CHARS) {
    if (request.mode === 'watch' && !/-ERR\b/i.test(text.slice(0, MAX_CHAT_PASTE_CHARS))) return undefined;
    return { kind: 'notice', lang, text: chat.t(lang, 'too-large', { size: formatSize(text.length, lang) }) };
  }
  const analysis = analyse(text);
  const result: ExplainResult = localise(
    analysis,
    answerLang(analysis, { ...(chosen ? { lang: chosen } : {}), fallbackLang: fallback }),
  );
  if (request.mode === 'watch') {
    const leaked = result.warnings.some((w) => w.code === 'secret.exposed');
    if (result.outcome !== 'errors' && !(leaked && result.outcome === 'no-error')) return undefined;
    // A bare frame ("Connection failed.", naming no mail program, protocol or host) is a channel's remark as
    // often as a paste: answered when asked, not unasked.
    if (!leaked && analysis.findings.every((f) => f.evidence.frame === 'bare')) return undefined;
    // Words of a failure in a message about something else ("the meeting timed out") are no mail problem.
    if (!leaked && !isAboutMail(text, analysis.findings)) return undefined;
  }
  countExplanation(result);
  return { kind: 'explanation', lang: result.lang, result, analysis };
}

/** The same answer in another language: an explanation is localised again from its analysis, never re-explained. */
export function answerIn(
  answer: ChatAnswer,
  lang: Lang,
  again: () => ChatAnswer | undefined,
): ChatAnswer | undefined {
  if (answer.kind === 'explanation' && answer.analysis)
    return { ...answer, lang, result: localise(answer.analysis, lang) };
  return again();
}

/**
 * `/poperror CODE`: a knowledge-base entry id or a category code shows that entry (or the category's
 * entries) as findings; anything else is explained as a paste.
 */
export function lookupOrExplain(
  text: string,
  lang: Lang | undefined,
  fallback: Lang,
  kb: KnowledgeBase = defaultKnowledgeBase(),
): ChatAnswer {
  const trimmed = text.trim();
  const shownLang = lang ?? fallback;
  if (/^[a-z0-9.-]+$/.test(trimmed) && !trimmed.startsWith('-')) {
    const entries = kb.entry(trimmed) ? [kb.entry(trimmed)!] : kb.inCategory(trimmed);
    if (entries.length > 0) {
      const findings = entries.map((e) => {
        const example = e.entry.examples[0]!;
        return findingFrom(
          { kind: e.entry.kind, lineNumber: 1, line: example.text, text: example.text },
          e,
          1,
          shownLang,
        );
      });
      return {
        kind: 'explanation',
        lang: shownLang,
        result: { lang: shownLang, outcome: 'errors', findings, warnings: [] },
      };
    }
    // Shaped like a category code (area.name) but none: say so rather than "no POP error in this text".
    if (/^[a-z]+\.[a-z-]+$/.test(trimmed)) {
      return {
        kind: 'notice',
        lang: shownLang,
        text: chat.t(shownLang, 'entry-not-found', { code: trimmed }),
      };
    }
  }
  return (
    answerMessage({ text, mode: 'direct', lang, defaultLang: fallback }) ?? {
      kind: 'notice',
      lang: shownLang,
      text: chat.t(shownLang, 'usage.poperror'),
    }
  );
}
