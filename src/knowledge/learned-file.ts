import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLearnedModel, type LearnedModel } from '../explain/fallback/learned-model.js';
import { projectRoot } from './paths.js';

/**
 * The learned fallback's model, built by `npm run build` (scripts/learned/build-model.mjs) beside the
 * knowledge cache. Read once, the first time a paste needs it: a start that explains a known error never
 * reads it. Without the file (a checkout not built) the last resort is simply off.
 */
export function defaultLearnedModelFile(): string {
  return join(projectRoot(), 'dist', 'learned-model.json');
}

let loaded: LearnedModel | null | undefined;

export function defaultLearnedModel(): LearnedModel | undefined {
  if (loaded === undefined) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(defaultLearnedModelFile(), 'utf8'));
      loaded = isLearnedModel(parsed) ? parsed : null;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

/** Another model (or none) in place of the built one: the leave-one-out measures retrain it per fold. */
export function useLearnedModel(model: LearnedModel | undefined): void {
  loaded = model ?? null;
}
