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

/**
 * The process's own streams, each made when first used: Node builds `process.stdin` on first access (a
 * file, pipe or terminal stream, with the stream modules behind it), which `popbot explain "-ERR …"` never reads.
 */
export function processIO(): CliIO {
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
  };
}
