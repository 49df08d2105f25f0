import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { cli } from '../i18n/cli-messages.js';
import { help, type HelpTopic } from '../i18n/help-messages.js';
import { isLang, type Lang, langFromEnv } from '../i18n/lang.js';
import { KnowledgeError } from '../knowledge/errors.js';
import { projectRoot } from '../knowledge/paths.js';
import { type CliIO, EXIT, processIO, UsageError } from './io.js';

/**
 * The `popbot` command. Each subcommand's module is imported only when it runs, so `popbot explain`
 * never loads the Slack or Discord SDKs.
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const lang = langFromEnv(io.env) ?? 'en';
  const [command, ...rest] = argv;
  try {
    const topic = helpTopic(command, rest);
    if (topic) {
      io.stdout.write(`${help.t(helpLang(rest, lang), topic)}\n`);
      return EXIT.ok;
    }
    switch (command) {
      case 'explain':
        return await (await import('./explain-command.js')).runExplainCommand(rest, io);
      case 'kb':
        return await (await import('./kb-command.js')).runKbCommand(rest, io);
      case 'check':
        return await (await import('./check.js')).runCheckCommand(rest, io);
      case 'shell':
        return await (await import('./start-command.js')).runShellCommand(rest, io);
      case 'start':
        return await (await import('./start-command.js')).runStartCommand(rest, io);
      case 'discord':
        return await (await import('./discord-command.js')).runDiscordCommand(rest, io);
      case '--version':
      case '-v':
      case 'version': {
        const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as {
          version: string;
        };
        io.stdout.write(`popbot ${pkg.version}\n`);
        return EXIT.ok;
      }
      case '--help':
      case '-h':
      case 'help':
        if (isTopic(rest[0])) {
          io.stdout.write(`${help.t(helpLang(rest, lang), rest[0])}\n`);
          return EXIT.ok;
        }
        io.stdout.write(`${cli.t(lang, 'usage')}\n`);
        return EXIT.ok;
      case undefined:
        io.stderr.write(`${cli.t(lang, 'usage')}\n`);
        return EXIT.usage;
      default:
        throw new UsageError(cli.t(lang, 'error.unknownCommand', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`popbot: ${error.message}\n${cli.t(lang, 'hint.usage')}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`popbot: ${error.message}\n`);
      return EXIT.usage;
    }
    // The probe guard's own configuration error, told by its code: importing the probe here would load it
    // for every command.
    if ((error as { code?: unknown } | null)?.code === 'guard.bad-config') {
      io.stderr.write(`popbot: invalid configuration:\n  ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    // Told by its code: importing the runtime module here would load it for every command.
    if ((error as { code?: unknown } | null)?.code === 'service.unreachable') {
      const e = error as { service: string; host: string; reason: string };
      io.stderr.write(
        `popbot: ${cli.t(lang, 'error.unreachable', { service: e.service, host: e.host, reason: e.reason })}\n`,
      );
      if (io.env.POPBOT_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
      return EXIT.failure;
    }
    if (error instanceof KnowledgeError) {
      io.stderr.write(`popbot: ${cli.t(lang, 'error.knowledge', { message: error.message })}\n`);
      return EXIT.failure;
    }
    // No stack trace for users; POPBOT_DEBUG=1 shows it to whoever debugs.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`popbot: internal error: ${message}\n`);
    if (io.env.POPBOT_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}

const TOPICS: readonly HelpTopic[] = ['explain', 'check', 'kb', 'shell', 'start'];

function isTopic(word: string | undefined): word is HelpTopic {
  return (TOPICS as readonly (string | undefined)[]).includes(word);
}

/**
 * `popbot COMMAND --help` (or -h) anywhere among the command's words. For explain only as its first word:
 * what follows `explain` may be pasted text.
 */
function helpTopic(command: string | undefined, rest: readonly string[]): HelpTopic | undefined {
  if (!isTopic(command)) return undefined;
  const asks = (word: string | undefined) => word === '--help' || word === '-h';
  if (command === 'explain') return asks(rest[0]) ? command : undefined;
  return rest.some(asks) || (command === 'kb' && rest[0] === 'help') ? command : undefined;
}

/** The help's language: the command's own --lang when it is valid, else the environment's. */
function helpLang(rest: readonly string[], fallback: Lang): Lang {
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    const value = word === '--lang' ? rest[i + 1] : word.startsWith('--lang=') ? word.slice(7) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  return fallback;
}

const invokedDirectly =
  process.argv[1] !== undefined && /(?:popbot(?:\.js)?|main\.js)$/.test(process.argv[1]);
if (invokedDirectly) {
  const io = processIO();
  // EPIPE (output piped into `head`) is not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `popbot: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = EXIT.failure;
    },
  );
}
