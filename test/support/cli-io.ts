import { PassThrough, Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the popbot command in-process with in-memory streams, as a user would from a shell. */
export async function runCli(
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  stderr.on('data', (c: Buffer) => err.push(c.toString('utf8')));
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as CliIO['stdin'];
  if (options.tty) Object.assign(stdin, { isTTY: true });
  const io: CliIO = { stdin, stdout, stderr, env: { ...(options.env ?? {}) } };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
