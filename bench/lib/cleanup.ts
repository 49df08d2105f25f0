import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Everything the bench leaves behind (temporary directories, child processes, a Dovecot master) is
 * registered here and removed on every way out: normal end, a thrown error, Ctrl-C or SIGTERM.
 */
type Task = () => void | Promise<void>;

const tasks = new Map<number, Task>();
let nextId = 1;
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  // Synchronous last resort: 'exit' cannot await, so only the synchronous part of each task runs.
  process.on('exit', () => {
    for (const task of [...tasks.values()].reverse()) {
      try {
        void task();
      } catch {
        // Best effort on the way out.
      }
    }
    tasks.clear();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void runCleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/** Registers a cleanup task; the returned function runs it now and unregisters it. */
export function onCleanup(task: Task): () => Promise<void> {
  hook();
  const id = nextId++;
  tasks.set(id, task);
  return async () => {
    if (!tasks.delete(id)) return;
    await task();
  };
}

export async function runCleanup(): Promise<void> {
  const pending = [...tasks.values()].reverse();
  tasks.clear();
  for (const task of pending) {
    try {
      await task();
    } catch {
      // One failed removal must not keep the others from running.
    }
  }
}

/** A temporary directory that is removed with everything in it. */
export function tempDir(prefix: string): { dir: string; remove: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), `popbot-bench-${prefix}-`));
  const remove = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, remove };
}

/** Kills a child (and, when it leads a process group, the group) unless it already exited. */
export function trackChild(child: ChildProcess, group = false): () => Promise<void> {
  return onCleanup(() => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      if (group) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  });
}
