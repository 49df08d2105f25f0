import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { explain } from '../../src/explain/explain.js';
import { cli } from '../../src/i18n/cli-messages.js';
import { isLang, type Lang } from '../../src/i18n/lang.js';
import { ImageError } from '../../src/ocr/errors.js';
import { explainImage } from '../../src/ocr/explain-image.js';
import { readImageFile } from '../../src/ocr/image-file.js';
import { OcrEngine } from '../../src/ocr/ocr-engine.js';
import { imageErrorText, renderImageText } from '../../src/render/image-text.js';
import { renderResultText } from '../../src/render/text.js';

/**
 * The local chat bot: the same conversation as in Slack or Discord, in a terminal. A paste is one message,
 * blank lines included: on a terminal, the bracketed paste the terminal marks, or else the lines that arrive
 * together until input pauses; when reading a pipe, everything between two /commands is one message.
 */

export interface ShellOptions {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  lang?: Lang;
  fallbackLang?: Lang;
  color?: boolean;
  /** Runs /popcheck; absent until the probe is wired, then the command says it is unavailable. */
  popcheck?: (args: string[], lang: Lang, write: (text: string) => void) => Promise<void>;
  /** Where the OCR models are looked up (POPBOT_TESSDATA); the process's environment by default. */
  env?: NodeJS.ProcessEnv;
  /** How long input must pause before a terminal paste counts as complete. */
  pasteIdleMs?: number;
}

export async function runShell(options: ShellOptions): Promise<void> {
  const interactive = Boolean(options.input.isTTY);
  let lang: Lang | undefined = options.lang;
  const write = (text: string) => options.output.write(`${text}\n`);
  const shownLang = () => lang ?? options.fallbackLang ?? 'en';
  const rl = createInterface({ input: options.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  if (interactive) write(cli.t(shownLang(), 'shell.welcome'));

  let buffer: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let quit = false;
  const pending: Promise<void>[] = [];
  // One OCR worker for the whole session, started by the first /image: a shell that never reads a picture
  // never loads the models.
  let engine: OcrEngine | undefined;

  const answerImage = async (path: string) => {
    if (path === '') {
      write(cli.t(shownLang(), 'shell.imageUsage'));
      return;
    }
    try {
      const bytes = await readImageFile(path);
      engine ??= new OcrEngine(options.env ?? process.env);
      const explanation = await explainImage(bytes, engine, {
        ...(lang ? { lang } : {}),
        ...(options.fallbackLang ? { fallbackLang: options.fallbackLang } : {}),
      });
      write(renderImageText(explanation, { color: options.color ?? false }));
    } catch (error) {
      if (error instanceof ImageError) write(imageErrorText(error, shownLang()));
      else {
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code !== 'string') throw error;
        write(cli.t(shownLang(), 'error.readFile', { file: path, reason: code }));
      }
    }
    if (interactive) write('');
  };

  const answer = (text: string) => {
    const result = explain(text, {
      ...(lang ? { lang } : {}),
      ...(options.fallbackLang ? { fallbackLang: options.fallbackLang } : {}),
    });
    write(renderResultText(result, { color: options.color ?? false }));
    if (interactive) write('');
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const text = buffer.join('\n');
    buffer = [];
    if (text.trim() !== '') answer(text);
  };

  const command = async (line: string) => {
    const [name = '', ...args] = line.trim().split(/\s+/);
    switch (name.toLowerCase()) {
      case '/help':
        write(cli.t(shownLang(), 'shell.help'));
        return;
      case '/lang': {
        const wanted = args[0];
        if (isLang(wanted)) {
          lang = wanted;
          write(cli.t(wanted, 'shell.lang'));
        } else write(cli.t(shownLang(), 'shell.badLang'));
        return;
      }
      case '/quit':
      case '/exit':
        quit = true;
        write(cli.t(shownLang(), 'shell.bye'));
        rl.close();
        return;
      case '/image':
        // A path may hold spaces: everything after the command is the path.
        await answerImage(line.trim().slice(name.length).trim());
        return;
      case '/popcheck':
        if (options.popcheck) await options.popcheck(args, shownLang(), write);
        else write(cli.t(shownLang(), 'shell.unknownCommand', { command: name }));
        return;
      default:
        // An unknown command gets the help, not an explanation of its text.
        write(cli.t(shownLang(), 'shell.unknownCommand', { command: name.slice(0, 40) }));
        write(cli.t(shownLang(), 'shell.help'));
    }
  };

  // A terminal that knows bracketed paste marks the start and end of a paste: the paste is one message
  // whatever pauses or blank lines it holds.
  if (interactive) options.output.write(BRACKETED_PASTE_ON);
  let inPaste = false;
  try {
    for await (const raw of rl) {
      if (quit) break;
      let line = raw;
      if (line.includes(PASTE_START)) {
        inPaste = true;
        line = line.replaceAll(PASTE_START, '');
      }
      const pasteEnds = line.includes(PASTE_END);
      if (pasteEnds) line = line.replaceAll(PASTE_END, '');
      if (!inPaste && isCommand(line)) {
        flush();
        pending.push(command(line));
        await pending[pending.length - 1];
        continue;
      }
      buffer.push(line);
      if (pasteEnds) {
        inPaste = false;
        flush();
      } else if (interactive && !inPaste) {
        // Without bracketed paste, lines that arrive together are one paste; blank lines inside it too.
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, options.pasteIdleMs ?? 150);
      }
    }
  } finally {
    if (interactive) options.output.write(BRACKETED_PASTE_OFF);
  }
  flush();
  try {
    await Promise.all(pending);
  } finally {
    await engine?.close();
  }
}

const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

/**
 * A line the shell takes for one of its commands: a slash and a word, and nothing else slashed in that word
 * (a pasted path such as /var/mail/joe stays part of the message).
 */
function isCommand(line: string): boolean {
  return /^\/[a-z][a-z0-9-]{0,19}(?:\s|$)/i.test(line.trim());
}
