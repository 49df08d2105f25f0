import { foldAccents } from '../normalize.js';

/**
 * Whether a line reads like an error, in any of the three languages: the learned reading answers only for
 * lines that say something failed, was refused or could not be done. Its words decide which error, never
 * whether there is one. Matched on the accent-folded, lowercase line.
 */
const FAILURE = new RegExp(
  [
    // English
    String.raw`\berrors?\b|\bfail(?:s|ed|ure|ing)?\b|\bunable\b|\bcannot\b|\bcan'?t\b|\bcould ?n[o']t\b`,
    String.raw`\b(?:denied|refused|rejected|invalid|incorrect|unavailable|expired|aborted?|unexpected(?:ly)?)\b`,
    String.raw`\btime(?:d)? ?out\b|\bexception\b|\bproblem\b|\bno such\b|\bnot (?:allowed|found|available|supported|permitted|valid|possible|enabled|trusted)\b`,
    String.raw`\b(?:does|do|did|is|was|are|were) ?n[o']t (?:allow|accept|support|exist|respond|match)|\bno (?:message|response|reply|route)\b|\bfault\b`,
    String.raw`\b(?:wrong|bad|lost|broken|disabled|missing)\b|^\s*(?:s:\s*)?-err\b|\bfatal\b|\bwarning\b`,
    // French
    String.raw`\berreurs?\b|\bechec\b|\bechou(?:e|ee|es|ees)\b|\bimpossible\b|\brefusee?s?\b|\brejetee?s?\b|\binvalides?\b`,
    String.raw`\bincorrecte?s?\b|\bintrouvables?\b|\bindisponibles?\b|\bexpiree?s?\b|\bn'a pas pu\b|\bne (?:peut|pouvait|parvient)\b|\bprobleme\b`,
    String.raw`\binterrompue?s?\b|\bperdue?s?\b|\bdesactivee?s?\b|\bnon (?:valide|autorisee?|pris en charge|trouvee?s?)\b|\bdelai\b`,
    String.raw`\bn'(?:est|a|accepte|autorise) pas\b|\bne (?:prend|supporte|repond) pas\b|\bpas (?:trouvee?|pu|possible)\b`,
    // Vietnamese (folded: "lỗi" → "loi", "thất bại" → "that bai", "không thể" → "khong the")
    String.raw`\bloi\b|\bthat bai\b|\bkhong the\b|\bkhong duoc\b|\btu choi\b|\bkhong hop le\b|\bhet (?:thoi gian|han)\b`,
    String.raw`\bkhong tim thay\b|\bkhong ho tro\b|\bvan de\b|\bbi ngat\b|\bsai\b`,
  ].join('|'),
);
/**
 * Whether a paste is about mail at all: an error word in a sentence about a parcel, a class or a web page
 * ("the login page shows “user not found”") is no POP error. Mail and its protocols, a mailbox, TLS and
 * certificates, a POP reply, the common mail programs and libraries (nmh's `inc:` by its prefix: a company's
 * "Inc." is not mail), or the POP ports (folded, lowercase).
 */
const ABOUT_MAIL = new RegExp(
  [
    String.raw`\bpop3?s?\b|\bimaps?\b|\bsmtp\b|\be-?mails?\b|\bmail\b|mailbox|maildrop|\binbox\b|\bcourri(?:er|el)s?\b|\bmessagerie\b|\bboite (?:aux lettres|de reception)\b`,
    String.raw`\bhop thu\b|\bthu (?:dien tu|den|moi)\b|\btai thu\b|\bmay chu thu\b|\bssl\b|\btls\b|\bstls\b|\bstarttls\b|\bcertifica(?:te|t)s?\b|\bchung chi\b`,
    String.raw`^\s*(?:s:\s*)?-err\b|\bport (?:110|995)\b|:(?:110|995)\b`,
    String.raw`\b(?:fetchmail|getmail|mpop|thunderbird|outlook|kmail|akonadi|k-?9|claws|sylpheed|mutt|neomutt|alpine|evolution|geary|balsa|mailutils|movemail|poplib|javamail|jakarta|mailkit|yapople|nmh|inc(?=:)|s-nail|mailx|roundcube|fairemail)\b`,
  ].join('|'),
  'm',
);

export function aboutMail(lines: readonly string[]): boolean {
  return lines.some((line) => ABOUT_MAIL.test(foldAccents(line)));
}

/** A success reply, however it goes on, says nothing failed. */
const SUCCESS = /^\s*(?:s:\s*)?\+ok\b/;

export function readsLikeError(line: string): boolean {
  const folded = foldAccents(line);
  return !SUCCESS.test(folded) && FAILURE.test(folded);
}

/** The first `most` lines of a text that read like an error (each trimmed), or none. */
export function errorLines(
  lines: readonly string[],
  most = Infinity,
): { text: string; lineNumber: number }[] {
  const out: { text: string; lineNumber: number }[] = [];
  // A long paste's other lines are not read: only the first `most` are used.
  for (let i = 0; i < lines.length && out.length < most; i++) {
    const line = lines[i]!;
    if (line.trim() !== '' && readsLikeError(line)) out.push({ text: line.trim(), lineNumber: i + 1 });
  }
  return out;
}

/** At most this many lines are read: the first errors of a long paste say what it is about. */
export const MAX_LINES_READ = 20;

/** What the learned reading reads of a text: its lines that read like an error, else all of it. */
export function errorText(text: string): string {
  const lines = errorLines(text.split(/\r\n|\r|\n/), MAX_LINES_READ);
  return lines.length > 0 ? lines.map((l) => l.text).join('\n') : text;
}
