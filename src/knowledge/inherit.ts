import { join } from 'node:path';
import { KnowledgeError } from './errors.js';

/**
 * `like: <id>`: an entry takes every field it does not write itself from another entry, so advice shared by
 * many wordings of one error is written once. Inherited: category, kind, producers, retry, references, and
 * each language's title, meaning, causes, userSteps and adminSteps one by one (an entry may override only its
 * French title). Never inherited: id, match, examples — what an entry recognises is its own.
 */

const SHARED_FIELDS = ['category', 'kind', 'producers', 'retry', 'references'] as const;
const LANGUAGE_FIELDS = ['en', 'fr', 'vi'] as const;
const MAX_DEPTH = 8;

type Doc = Record<string, unknown>;

const isRecord = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(own: Doc, base: Doc): Doc {
  const merged: Doc = { ...own };
  for (const field of SHARED_FIELDS) if (!(field in own) && field in base) merged[field] = base[field];
  for (const lang of LANGUAGE_FIELDS) {
    const mine = own[lang];
    const theirs = base[lang];
    if (isRecord(theirs)) merged[lang] = isRecord(mine) ? { ...theirs, ...mine } : theirs;
  }
  return merged;
}

/** The parsed documents with every `like` resolved; an unknown or circular `like` names its file. */
export function resolveInheritance<T extends { file: string; doc?: unknown }>(dir: string, entries: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const e of entries) {
    if (isRecord(e.doc) && typeof e.doc.id === 'string' && !byId.has(e.doc.id)) byId.set(e.doc.id, e);
  }
  const resolved = new Map<string, Doc>();
  const resolve = (entry: T, chain: readonly string[]): Doc => {
    const doc = entry.doc as Doc;
    const id = String(doc.id);
    const done = resolved.get(id);
    if (done) return done;
    const like = doc.like;
    if (like === undefined) return doc;
    const fail = (why: string) => {
      throw new KnowledgeError(`${entry.file}: like: ${why}`, join(dir, entry.file));
    };
    if (typeof like !== 'string') return fail('the id of another entry');
    const base = byId.get(like);
    if (!base || !isRecord(base.doc)) return fail(`"${like}" is no entry's id`);
    if (chain.includes(like) || chain.length > MAX_DEPTH) return fail(`"${like}" leads back to ${id}`);
    const merged = merge(doc, resolve(base, [...chain, id]));
    resolved.set(id, merged);
    return merged;
  };
  return entries.map((e) => (isRecord(e.doc) && e.doc.like !== undefined ? { ...e, doc: resolve(e, []) } : e));
}
