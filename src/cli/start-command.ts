import { runShell } from '../../adapters/shell/shell.js';
import { CoreConfigSchema, readConfig } from '../config/config.js';
import { langFromEnv } from '../i18n/lang.js';
import { cliLang, parseCommandArgs } from './args.js';
import { type CliIO, EXIT } from './io.js';

export async function runShellCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { lang: { type: 'string' } });
  const config = readConfig(CoreConfigSchema, io.env);
  const lang = values.lang === undefined ? undefined : cliLang(values.lang, io.env);
  await runShell({
    input: io.stdin,
    output: io.stdout,
    ...(lang ? { lang } : {}),
    fallbackLang: langFromEnv(io.env) ?? config.POPBOT_DEFAULT_LANG,
    color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR,
  });
  return EXIT.ok;
}

/** Starts the adapters whose tokens are configured; with none, the local shell. */
export async function runStartCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {});
  return runShellCommand([], io);
}
