import { explain, formatSize, MAX_INPUT_CHARS } from '../explain/explain.js';
import { LogSummary } from '../explain/log-scan/log-summary.js';
import type { SummaryResult } from '../explain/summary.js';
import { describeVerdict, serverLog } from '../i18n/server-log-messages.js';
import { cli } from '../i18n/cli-messages.js';
import { core } from '../i18n/core-messages.js';
import { help } from '../i18n/help-messages.js';
import { isLang, type Lang, langFromEnv } from '../i18n/lang.js';
import { renderResultText } from '../render/text.js';
import { cliLang, headOf, readAll } from './args.js';
import { type CliIO, EXIT, UsageError } from './io.js';
import { ProgressBar } from './progress.js';

export async function runExplainCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseExplainArgs(args, langFromEnv(io.env) ?? 'en');
  const envLang = langFromEnv(io.env);
  if (values.help) {
    io.stdout.write(
      `${help.t(values.lang !== undefined && isLang(values.lang) ? values.lang : (envLang ?? 'en'), 'explain')}\n`,
    );
    return EXIT.ok;
  }
  if (values.image !== undefined) {
    if (values.summary || positionals.length > 0)
      throw new UsageError(cli.t(envLang ?? 'en', 'error.imageAlone'));
    const forcedLang = values.lang === undefined ? undefined : cliLang(values.lang, io.env);
    return (await import('./explain-image-command.js')).runExplainImage(values.image, {
      json: values.json ?? false,
      ...(forcedLang ? { lang: forcedLang } : {}),
      ...(envLang ? { fallbackLang: envLang } : {}),
      io,
    });
  }
  if (values.summary) {
    if (positionals.length > 1) throw new UsageError(cli.t(envLang ?? 'en', 'error.summaryOneFile'));
    return runSummary(positionals[0] ?? '-', values.json ?? false, cliLang(values.lang, io.env), io);
  }
  const forced = values.lang === undefined ? undefined : cliLang(values.lang, io.env);
  let text: string;
  let totalChars: number;
  if (positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-')) {
    ({ text, totalChars } = await readAll(io.stdin, MAX_INPUT_CHARS));
  } else {
    text = positionals.join(' ');
    totalChars = text.length;
  }
  // Over the limit, the head of the input is explained and the answer says what was left unread.
  const cut = totalChars > MAX_INPUT_CHARS ? headOf(text, MAX_INPUT_CHARS) : undefined;
  const result = explain(cut ? cut.text : text, {
    ...(forced ? { lang: forced } : {}),
    ...(envLang ? { fallbackLang: envLang } : {}),
  });
  if (cut) {
    result.warnings.push({
      code: 'input.truncated',
      message: cli.t(result.lang, 'warning.input.cut', {
        total: formatSize(totalChars, result.lang),
        read: formatSize(cut.text.length, result.lang),
        lines: cli.t(
          result.lang,
          new Intl.PluralRules(result.lang).select(cut.lines) === 'one'
            ? 'count.lines.one'
            : 'count.lines.other',
          { count: new Intl.NumberFormat(result.lang).format(cut.lines) },
        ),
      }),
    });
  }
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ lang: result.lang, outcome: result.outcome, ...(result.message ? { message: result.message } : {}), findings: result.findings, warnings: result.warnings }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(`${renderResultText(result, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR })}\n`);
  }
  return EXIT.ok;
}

/** Read size for `--summary`: large enough that per-read costs vanish, small enough to stay in cache. */
const SUMMARY_CHUNK = 1 << 20;

async function runSummary(file: string, json: boolean, lang: Lang, io: CliIO): Promise<number> {
  const summary = new LogSummary();
  const fail = (error: unknown) => {
    io.stderr.write(
      `popbot: ${cli.t(lang, 'error.readFile', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`,
    );
    return EXIT.failure;
  };
  let progress: ProgressBar | undefined;
  try {
    if (file === '-') {
      for await (const chunk of io.stdin)
        summary.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    } else {
      // Loaded here: node:fs/promises brings the stream and readline modules, which a start explaining one
      // line never needs.
      const handle = await process.getBuiltinModule('node:fs/promises').open(file, 'r');
      try {
        const total = (await handle.stat()).size;
        if (io.stderr.isTTY && total > 4 * 1024 * 1024 && !json) progress = new ProgressBar(io.stderr, total);
        const buffer = Buffer.allocUnsafe(SUMMARY_CHUNK);
        for (;;) {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
          if (bytesRead === 0) break;
          summary.push(buffer.subarray(0, bytesRead));
          progress?.update(summary.bytes);
        }
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    progress?.clear();
    return fail(error);
  }
  progress?.clear();
  const result = summary.end();
  io.stdout.write(
    json ? `${JSON.stringify(summaryJson(result, lang), null, 2)}\n` : `${renderSummary(result, lang)}\n`,
  );
  return EXIT.ok;
}

function summaryJson(result: SummaryResult, lang: Lang) {
  return {
    lang,
    lines: result.lines,
    errors: result.errors,
    categories: result.categories,
    verdicts: result.verdicts.map((v) => ({ ...v, text: describeVerdict(v, lang) })),
    warnings: result.secretFound
      ? [{ code: 'secret.exposed', message: core.t(lang, 'warning.secret.exposed') }]
      : [],
  };
}

function renderSummary(result: SummaryResult, lang: Lang): string {
  if (result.errors === 0) return core.t(lang, 'summary.none', { lines: result.lines });
  const width = Math.max(...result.categories.map((c) => c.category.length));
  const rows = result.categories.map(
    (c) =>
      `  ${String(c.count).padStart(8)}  ${c.category.padEnd(width)}  ${c.example.lineNumber}: ${c.example.line}`,
  );
  const warn = result.secretFound ? [`! ${core.t(lang, 'warning.secret.exposed')}`] : [];
  const verdicts =
    result.verdicts.length > 0
      ? [
          '',
          serverLog.t(lang, 'verdict.header'),
          ...result.verdicts.map((v) => `  - ${describeVerdict(v, lang)}`),
        ]
      : [];
  return [
    ...warn,
    core.t(lang, 'summary.header', { errors: result.errors, lines: result.lines }),
    ...rows,
    ...verdicts,
  ].join('\n');
}

interface ExplainArgs {
  values: { json?: boolean; lang?: string; summary?: boolean; help?: boolean; image?: string };
  positionals: string[];
}

/**
 * The text to explain usually starts with a dash (`-ERR ...`), so a generic option parser would take it
 * for an unknown option: only popbot's own long options are options here, anything else is text.
 */
export function parseExplainArgs(args: string[], lang: Lang = 'en'): ExplainArgs {
  const values: ExplainArgs['values'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--json') values.json = true;
    else if (arg === '--summary') values.summary = true;
    else if (arg === '--help' || arg === '-h') values.help = true;
    else if (arg === '--lang') {
      const value = args[++i];
      if (value === undefined) throw new UsageError(cli.t(lang, 'error.optionValue', { option: '--lang' }));
      values.lang = value;
    } else if (arg.startsWith('--lang=')) values.lang = arg.slice('--lang='.length);
    else if (arg === '--image') {
      const value = args[++i];
      if (value === undefined) throw new UsageError(cli.t(lang, 'error.optionValue', { option: '--image' }));
      values.image = value;
    } else if (arg.startsWith('--image=')) values.image = arg.slice('--image='.length);
    else if (/^--[a-z]/i.test(arg))
      throw new UsageError(cli.t(lang, 'error.unknownOption', { option: arg.split('=')[0] ?? arg }));
    else positionals.push(arg);
  }
  return { values, positionals };
}
