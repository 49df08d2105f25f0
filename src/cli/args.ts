import { type ParseArgsConfig, parseArgs } from 'node:util';
import { cli } from '../i18n/cli-messages.js';
import { isLang, type Lang, langFromEnv } from '../i18n/lang.js';
import { UsageError } from './io.js';

/** node:util parseArgs, with its errors turned into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
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
): Promise<{ text: string; truncated: boolean }> {
  const chunks: string[] = [];
  let size = 0;
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    const text = String(chunk);
    size += text.length;
    // Keep reading past the limit only to know it was passed; the text is not kept.
    if (size <= maxChars + 1) chunks.push(text);
  }
  const text = chunks.join('');
  return { text, truncated: size > maxChars };
}
