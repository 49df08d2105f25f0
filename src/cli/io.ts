import type { Readable, Writable } from 'node:stream';

/** What a CLI command may touch, injected so tests run commands in-process. */
export interface CliIO {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/** Exit codes shared by every command: 2 is a usage error, as in most Unix tools. */
export const EXIT = { ok: 0, findings: 1, usage: 2, failure: 3 } as const;

export class UsageError extends Error {
  override name = 'UsageError' as const;
  readonly code = 'cli.usage' as const;
}

export function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
