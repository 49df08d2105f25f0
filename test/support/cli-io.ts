import { PassThrough, Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  /** Which end looks like a terminal: stdin (an interactive shell) or stdout (live progress, colours). */
  tty?: 'stdin' | 'stdout';
}

/** Runs a command function with in-memory streams, as a user would from a shell; collects what it wrote. */
export async function runWithIO(
  command: (io: CliIO) => Promise<number>,
  options: CliRunOptions = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  stderr.on('data', (c: Buffer) => err.push(c.toString('utf8')));
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as CliIO['stdin'];
  if (options.tty === 'stdin') Object.assign(stdin, { isTTY: true });
  if (options.tty === 'stdout') Object.assign(stdout, { isTTY: true });
  const io: CliIO = { stdin, stdout, stderr, env: { ...(options.env ?? {}) } };
  const code = await command(io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Runs the popbot command in-process. */
export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return runWithIO((io) => main(args, io), options);
}
