import { type ParseArgsConfig, parseArgs } from 'node:util';
import { cli } from '../i18n/cli-messages.js';
import { isLang, type Lang, langFromEnv } from '../i18n/lang.js';
import { UsageError } from './io.js';

/** node:util parseArgs, with its errors turned into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  lang: Lang = langFromEnv(process.env) ?? 'en',
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException, lang));
  }
}

/** node:util parseArgs' errors, in the user's language (their option name is in quotes in the message). */
function describeParseError(error: NodeJS.ErrnoException, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return cli.t(lang, 'error.unknownOption', { option: quoted });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return cli.t(lang, 'error.optionValue', { option: quoted.split(' ')[0] ?? quoted });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return cli.t(lang, 'error.unexpectedArgument', { argument: quoted });
    default:
      return error.message.split('\n')[0] ?? 'bad arguments';
  }
}

/** The language of CLI output: --lang, else LC_ALL/LC_MESSAGES/LANG, else English. */
export function cliLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag !== undefined) {
    if (!isLang(flag))
      throw new UsageError(cli.t(langFromEnv(env) ?? 'en', 'error.badLang', { value: flag }));
    return flag;
  }
  return langFromEnv(env) ?? 'en';
}

export async function readAll(
  stream: NodeJS.ReadableStream,
  maxChars: number,
): Promise<{ text: string; truncated: boolean; totalChars: number }> {
  const chunks: string[] = [];
  let size = 0;
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    const text = String(chunk);
    // Keep reading past the limit only to know how much there was: the text past it is not kept.
    const room = maxChars + 1 - size;
    if (room > 0) chunks.push(text.length <= room ? text : text.slice(0, room));
    size += text.length;
  }
  const text = chunks.join('');
  return { text, truncated: size > maxChars, totalChars: size };
}

/**
 * The part of an over-long input that is explained: its first `maxChars`, cut at the last line break
 * before them so that no line is explained half-read.
 */
export function headOf(text: string, maxChars: number): { text: string; lines: number } {
  const window = text.slice(0, maxChars);
  const lastBreak = window.lastIndexOf('\n');
  const head = lastBreak > 0 ? window.slice(0, lastBreak) : window;
  let lines = 1;
  for (let at = head.indexOf('\n'); at !== -1; at = head.indexOf('\n', at + 1)) lines++;
  return { text: head, lines };
}
