import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, found by walking up from this module: the same code runs from `src/` under vitest
 * and from `dist/src/` once built, at different depths.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('popbot: cannot find the project root (package.json beside knowledge/)');
    dir = parent;
  }
}

/** `POPBOT_KNOWLEDGE_DIR` points popbot at another knowledge base (a fork with local entries). */
export function defaultKnowledgeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.POPBOT_KNOWLEDGE_DIR || join(projectRoot(), 'knowledge');
}
