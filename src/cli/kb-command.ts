import { explain } from '../explain/explain.js';
import { cli } from '../i18n/cli-messages.js';
import { LANGS, type Lang, langFromEnv } from '../i18n/lang.js';
import { runEval } from './kb-eval.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { renderFindingText } from '../render/text.js';
import { cliLang, parseCommandArgs } from './args.js';
import { type CliIO, EXIT, UsageError } from './io.js';

const THIN = 2;

export async function runKbCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommandArgs(
    rest,
    {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      category: { type: 'string' },
      set: { type: 'string', multiple: true },
      source: { type: 'string', multiple: true },
      'holdout-misses': { type: 'boolean' },
    },
    langFromEnv(io.env) ?? 'en',
  );
  const lang = cliLang(values.lang, io.env);
  const kb = defaultKnowledgeBase();
  const out = (text: string) => io.stdout.write(`${text}\n`);
  switch (sub) {
    case 'list': {
      if (values.category !== undefined && !kb.categories.some((c) => c.code === values.category))
        throw new UsageError(
          cli.t(lang, 'error.badCategory', {
            value: values.category,
            codes: kb.categories.map((c) => c.code).join(', '),
          }),
        );
      const entries = kb.entries.filter((e) => !values.category || e.entry.category === values.category);
      if (values.json) {
        out(
          JSON.stringify(
            entries.map((e) => ({
              id: e.entry.id,
              category: e.entry.category,
              kind: e.entry.kind,
              title: e.entry[lang].title,
            })),
            null,
            2,
          ),
        );
      } else {
        for (const e of entries)
          out(`${e.entry.category.padEnd(26)} ${e.entry.id.padEnd(44)} ${e.entry[lang].title}`);
      }
      return EXIT.ok;
    }
    case 'show': {
      const id = positionals[0];
      if (!id) throw new UsageError(cli.t(lang, 'error.missingArgument', { what: 'ID|CATEGORY' }));
      return showEntry(kb, id, lang, values.json ?? false, io);
    }
    case 'stats':
      out(values.json ? JSON.stringify(stats(kb), null, 2) : renderStats(kb, lang));
      return EXIT.ok;
    case 'eval':
      out(
        runEval(kb, {
          json: values.json ?? false,
          sets: values.set,
          ...(values.source ? { sources: values.source } : {}),
          holdoutMisses: values['holdout-misses'] ?? false,
          lang,
        }),
      );
      return EXIT.ok;
    default:
      throw new UsageError(
        sub
          ? cli.t(lang, 'error.unknownCommand', { command: `kb ${sub}` })
          : cli.t(lang, 'error.missingArgument', { what: 'list|show|stats|eval' }),
      );
  }
}

function showEntry(kb: KnowledgeBase, id: string, lang: Lang, json: boolean, io: CliIO): number {
  const entries = kb.entry(id) ? [kb.entry(id)!] : kb.inCategory(id);
  if (entries.length === 0) {
    io.stderr.write(`popbot: ${cli.t(lang, 'error.kbNotFound', { id })}\n`);
    return EXIT.failure;
  }
  if (json) {
    io.stdout.write(
      `${JSON.stringify(
        entries.map((e) => e.entry),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const blocks = entries.map((e) => {
    // Show an entry exactly as a user would receive it, through the explainer, from its first example.
    const example = e.entry.examples[0]!;
    const input = example.command ? `C: ${example.command}\nS: ${example.text}` : example.text;
    const finding = explain(input, { lang }, kb).findings.find((f) => f.entry === e.entry.id);
    const producers = `(${e.entry.producers.join(', ')})`;
    const examples = e.entry.examples.map((x) => `  ${x.text}   — ${x.source}`).join('\n');
    const body = finding
      ? renderFindingText(finding, lang, { color: false })
      : `${e.entry[lang].title}\n${e.entry[lang].meaning}`;
    return `${e.entry.id} ${producers}\n${body}\n\n${examples}`;
  });
  io.stdout.write(`${blocks.join('\n\n———\n\n')}\n`);
  return EXIT.ok;
}

function stats(kb: KnowledgeBase) {
  return kb.categories.map((c) => {
    const entries = kb.inCategory(c.code);
    return {
      category: c.code,
      entries: entries.length,
      languages: Object.fromEntries(
        LANGS.map((l) => [l, entries.filter((e) => e.entry[l].title.trim() !== '').length]),
      ),
      examples: entries.reduce((n, e) => n + e.entry.examples.length, 0),
      thin: entries.length < THIN,
    };
  });
}

function renderStats(kb: KnowledgeBase, lang: Lang): string {
  const rows = stats(kb);
  const lines = [cli.t(lang, 'stats.header'), `  ${'category'.padEnd(26)} entries  en  fr  vi  examples`];
  for (const r of rows) {
    lines.push(
      `  ${r.category.padEnd(26)} ${String(r.entries).padStart(7)} ${LANGS.map((l) => String(r.languages[l]).padStart(3)).join(' ')} ${String(r.examples).padStart(9)}`,
    );
  }
  const thin = rows.filter((r) => r.thin).map((r) => r.category);
  lines.push(
    '',
    cli.t(lang, 'stats.thin', { min: THIN, list: thin.length ? thin.join(', ') : cli.t(lang, 'stats.none') }),
  );
  lines.push(
    cli.t(lang, 'stats.total', {
      entries: kb.entries.length,
      patterns: kb.entries.reduce((n, e) => n + e.patterns.length, 0),
      examples: kb.entries.reduce((n, e) => n + e.entry.examples.length, 0),
    }),
  );
  return lines.join('\n');
}
