import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allCatalogues } from '../../src/i18n/catalogue.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { projectRoot } from '../../src/knowledge/paths.js';

/**
 * One term per concept in French and Vietnamese: knowledge/glossary.<lang>.yaml lists, per concept, the term
 * popbot uses and the variants and calques it must not use. This test reads every French and Vietnamese text
 * a user can see — the entries, the categories, the catalogues in src/i18n — and fails on a forbidden variant.
 */

const Forbidden = z.strictObject({
  pattern: z.string().min(2),
  why: z.string().min(3),
  case: z.boolean().optional(),
  within: z.array(z.string()).optional(),
});
const Glossary = z.strictObject({
  terms: z
    .array(z.strictObject({ concept: z.string(), term: z.string(), forbidden: z.array(Forbidden).min(1) }))
    .min(1),
  typography: z.array(Forbidden.omit({ within: true })).optional(),
});
type Glossary = z.infer<typeof Glossary>;
type Lang = 'fr' | 'vi';

// `\b` in the glossaries means a word boundary in any script: JavaScript's own `\b` only knows ASCII letters,
// so "mã hoá\b" or "supporté\b" would never match.
const WORD = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;
function compile(pattern: string, caseSensitive = false): RegExp {
  return new RegExp(pattern.replaceAll('\\b', BOUNDARY), caseSensitive ? 'gu' : 'giu');
}

const CODE = /`[^`]*`/g;
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
// Catalogue placeholders such as {encryption} are filled in at run time.
const PLACEHOLDER = /\{\w+\}/g;
// Quoted interface labels are the program's own words; they are checked against the program's catalogue, not here.
const QUOTED: Record<Lang, RegExp> = { fr: /«[^»]*»|"[^"]*"|“[^”]*”/g, vi: /"[^"]*"|“[^”]*”/g };

interface Text {
  where: string;
  text: string;
  category?: string;
}

function entryTexts(lang: Lang): Text[] {
  const kb = loadKnowledgeBase();
  const out: Text[] = [];
  for (const { entry } of kb.entries) {
    for (const [field, value] of Object.entries(entry[lang])) {
      for (const [i, text] of [value].flat().entries()) {
        out.push({ where: `${entry.id} ${lang}.${field}${Array.isArray(value) ? `.${i}` : ''}`, text, category: entry.category });
      }
    }
  }
  for (const category of kb.categories) {
    out.push({ where: `category ${category.code} ${lang}.name`, text: category[lang].name, category: category.code });
    out.push({ where: `category ${category.code} ${lang}.meaning`, text: category[lang].meaning, category: category.code });
  }
  return out;
}

function catalogueTexts(lang: Lang): Text[] {
  return allCatalogues().flatMap(({ name, messages }) =>
    Object.entries(messages[lang]).map(([key, text]) => ({ where: `src/i18n ${name} ${key}`, text })),
  );
}

/** Every forbidden variant found in `texts`, as `where: "match" (why; say "term")`. */
function findForbidden(glossary: Glossary, lang: Lang, texts: readonly Text[]): string[] {
  const found: string[] = [];
  const rules = glossary.terms.flatMap((t) =>
    t.forbidden.map((f) => ({ ...f, term: t.term, re: compile(f.pattern, f.case) })),
  );
  const typography = (glossary.typography ?? []).map((f) => ({ ...f, re: compile(f.pattern, f.case) }));
  for (const { where, text, category } of texts) {
    const bare = text.replace(CODE, ' ').replace(URL_LIKE, ' ').replace(PLACEHOLDER, ' ');
    const prose = bare.replace(QUOTED[lang], ' ');
    for (const rule of rules) {
      if (rule.within && !rule.within.some((prefix) => category?.startsWith(prefix))) continue;
      for (const m of prose.matchAll(rule.re)) found.push(`${where}: "${m[0]}" (${rule.why}; say "${rule.term}")`);
    }
    for (const rule of typography) {
      for (const m of bare.matchAll(rule.re)) found.push(`${where}: ${JSON.stringify(m[0])} (${rule.why})`);
    }
  }
  return found;
}

const glossaries = {} as Record<Lang, Glossary>;
beforeAll(async () => {
  for (const lang of ['fr', 'vi'] as const) {
    const file = join(projectRoot(), 'knowledge', `glossary.${lang}.yaml`);
    glossaries[lang] = Glossary.parse(parse(readFileSync(file, 'utf8')));
  }
  // Every catalogue registers itself when its module loads.
  const i18n = join(projectRoot(), 'src', 'i18n');
  for (const file of readdirSync(i18n).filter((f) => f.endsWith('-messages.ts'))) {
    await import(join(i18n, file));
  }
});

describe.each(['fr', 'vi'] as const)('the %s glossary', (lang) => {
  it('is used in every entry and category', () => {
    expect(findForbidden(glossaries[lang], lang, entryTexts(lang))).toEqual([]);
  });

  it('is used in every catalogue string', () => {
    const texts = catalogueTexts(lang);
    expect(texts.length).toBeGreaterThan(50);
    expect(findForbidden(glossaries[lang], lang, texts)).toEqual([]);
  });

  it('catches its own forbidden variants', () => {
    // Each variant, written into a sentence, must be reported: a pattern that matches nothing guards nothing.
    for (const term of glossaries[lang].terms) {
      for (const f of term.forbidden) {
        const sample = SAMPLES[lang].find((s) => compile(f.pattern, f.case).test(s));
        expect(sample, `no sample sentence shows ${f.pattern}`).toBeDefined();
        const found = findForbidden(glossaries[lang], lang, [{ where: 'sample', text: sample ?? '', category: 'auth.failed' }]);
        expect(found.length, sample).toBeGreaterThan(0);
      }
    }
  });
});



// Sentences that show each forbidden variant, checked by "catches its own forbidden variants".
const SAMPLES: Record<Lang, string[]> = {
  fr: [
    'Vérifiez le client de messagerie.',
    'Ouvrez le programme de messagerie.',
    "Saisissez votre nom d'utilisateur.",
    'Le login est refusé.',
    'Indiquez le username.',
    'Le serveur a refusé la connexion.',
    'La connexion a été refusée.',
    'Lisez les logs du serveur.',
    'Ouvrez le fichier de log.',
    'La connexion est cryptée.',
    'Le mot de passe est encrypted.',
    'Ce serveur est supporté.',
    'Créez un mot de passe applicatif.',
    'Activez la double authentification.',
    'Activez la vérification en deux étapes.',
    'Activez la 2FA.',
    'Votre boîte mail est pleine.',
    'Vos mails restent sur le serveur.',
    'Le serveur mail répond.',
    'Le firewall bloque le port.',
    'Error: voir ci-dessous.',
    'Regardez ceci : bien.',
    'Vraiment ?',
  ],
  vi: [
    'Mở chương trình thư.',
    'Mở ứng dụng thư.',
    'Mở trình đọc thư.',
    'Nhập tên đăng nhập.',
    'Nhập username.',
    'Bật xác thực hai bước.',
    'Bật xác minh hai bước.',
    'Xem log của máy chủ.',
    'Máy phục vụ không trả lời.',
    'Kiểm tra server của bạn.',
    'Nhập password của bạn.',
    'Mở mailbox của bạn.',
    'Kết nối được mã hoá.',
    'Kết nối được mật mã hóa.',
    'Kiểm tra chứng nhận.',
    'Liên hệ người quản trị.',
    'Mật khẩu gửi dạng văn bản thuần.',
    'Mật khẩu đi dưới dạng bản rõ.',
    'Cổng đang nói chuyện không mã hóa.',
    'Kiểm tra dày hơn.',
    'Kết nối bị từ chối.',
    'Máy chủ từ chối kết nối.',
    'Error: xem bên dưới.',
  ],
};
