import { type Dirent, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KnowledgeError } from './errors.js';
import type { EntryHead, LazyEntry } from './compiled-entry.js';
import type { LiteralIndexData } from './literal-index.js';
import type { Category, Entry } from './schema.js';
import { projectRoot } from './paths.js';

/**
 * Parsing YAML is most of popbot's start-up time, so `npm run build` stores the parsed documents as JSON,
 * keyed by a hash of every knowledge file. The loader uses the cache only when the hash still matches, and
 * validates its documents with the same schema as the YAML: the cache saves parsing, never validation.
 */

export interface ValidatedKnowledge {
  /** schemaFingerprint() of the schema that validated these entries. */
  schema: string;
  categories: Category[];
  entries: { file: string; entry: Entry | LazyEntry }[];
  /** The literal indexes of the entries' patterns, by kind, derived by the build with the same code. */
  literalIndexes?: Partial<Record<Entry['kind'], LiteralIndexData>>;
}

export interface RawKnowledge {
  /** sha256 over every file's path and content. */
  stamp: string;
  /**
   * Every file's path, size and modification time: while they are unchanged the stamp is too, and a start
   * need not read the YAML to know its cache is current. A mismatch only means the stamp is checked.
   */
  signature?: string;
  /** Written by the build after validation: a start with an unchanged knowledge base and schema uses it as is. */
  validated?: ValidatedKnowledge;
  /** Parsed categories.yaml, or an error message when it is not valid YAML. */
  categories: unknown;
  entries: { file: string; doc?: unknown; yamlError?: string }[];
}

/**
 * The knowledge files, and their signature (see RawKnowledge.signature). Every start runs this: directory
 * entries come with their type (no stat for a folder) and paths are joined and cut as strings, which costs a
 * tenth of `path.join` and `path.relative` on some 330 files.
 */
export function scanKnowledgeFiles(dir: string): { files: string[]; signature: string } {
  // As path.join would write it, without a trailing slash: `${root}/…` and the relative cut below rely on it.
  const root = join(dir).replace(/(?<=.)\/+$/, '');
  const signature: string[] = [];
  const relativeOf = (path: string) => path.slice(root.length + 1);
  const sign = (path: string, stat: { size: number; mtimeMs: number }) =>
    signature.push(`${relativeOf(path)}\0${stat.size}\0${stat.mtimeMs}`);
  const entries = `${root}/entries`;
  if (!existsSync(entries)) {
    throw new KnowledgeError(
      `${entries}: no such folder (is POPBOT_KNOWLEDGE_DIR pointing at a knowledge base?)`,
      entries,
    );
  }
  const out: string[] = [];
  const walk = (d: string) => {
    let names: Dirent[];
    try {
      names = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (cause) {
      throw new KnowledgeError(
        `${relativeOf(d) || d}: cannot be read (${(cause as NodeJS.ErrnoException).code})`,
        d,
        { cause },
      );
    }
    for (const dirent of names) {
      const name = dirent.name;
      const path = `${d}/${name}`;
      // A link is followed, as stat does.
      let isDir = dirent.isDirectory();
      if (!isDir) {
        try {
          const stat = statSync(path);
          isDir = stat.isDirectory();
          if (!isDir) sign(path, stat);
        } catch (cause) {
          throw new KnowledgeError(
            `${relativeOf(path)}: cannot be read (${(cause as NodeJS.ErrnoException).code})`,
            path,
            { cause },
          );
        }
      }
      if (isDir) walk(path);
      else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(path);
    }
  };
  walk(entries);
  const categories = `${root}/categories.yaml`;
  if (existsSync(categories)) sign(categories, statSync(categories));
  return { files: out, signature: signature.join('\n') };
}

export function knowledgeStamp(
  dir: string,
  files: readonly string[],
  read: (file: string) => string,
): string {
  // Loaded here, not at the top: a start whose cache is current never hashes (see RawKnowledge.signature).
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  for (const file of [join(dir, 'categories.yaml'), ...files]) {
    hash.update(relative(dir, file));
    hash.update('\0');
    hash.update(read(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function defaultCacheFile(): string {
  return join(projectRoot(), 'dist', 'knowledge-cache.json');
}

/** Where the parsed (not validated) documents are kept, beside the validated cache. */
export function rawCacheFile(cacheFile: string): string {
  return cacheFile.replace(/\.json$/, '.raw.json');
}

/** The cache in `file`, when it holds the documents stamped (or signed) so. */
export function readCache(file: string, current: { stamp: string } | { signature: string }): RawKnowledge | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as RawKnowledge;
    const fresh = 'stamp' in current ? cached.stamp === current.stamp : cached.signature === current.signature;
    return fresh ? cached : undefined;
  } catch {
    // A damaged cache is only a slower start: the YAML is read instead.
    return undefined;
  }
}

export function writeCache(file: string, raw: RawKnowledge): void {
  writeFileSync(file, JSON.stringify(raw));
}

/** One entry in the validated cache's header: what matching reads, and where the whole entry's JSON is. */
interface CachedEntry {
  file: string;
  head: EntryHead;
  /** Byte offsets of the entry's JSON after the header line. */
  at: [number, number];
}

const headOf = ({ id, kind, category, match }: Entry): EntryHead => ({ id, kind, category, match });

/**
 * The validated cache, compact for a fast start: one line of JSON with what matching needs (the entries'
 * heads, the literal indexes), then each entry's JSON, parsed only when that entry is shown.
 */
export function writeValidatedCache(file: string, raw: RawKnowledge & { validated: ValidatedKnowledge }): void {
  const bodies: Buffer[] = [];
  let offset = 0;
  const entries: CachedEntry[] = raw.validated.entries.map(({ file: path, entry }) => {
    const full = 'load' in entry ? entry.load() : entry;
    const body = Buffer.from(JSON.stringify(full));
    bodies.push(body);
    offset += body.length;
    return { file: path, head: headOf(full), at: [offset - body.length, offset] };
  });
  const header = JSON.stringify({ ...raw, validated: { ...raw.validated, entries } });
  writeFileSync(file, Buffer.concat([Buffer.from(`${header}\n`), ...bodies]));
}

/** The validated cache in `file` when it holds the documents stamped (or signed) so. */
export function readValidatedCache(file: string, current: { stamp: string } | { signature: string }): RawKnowledge | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const bytes = readFileSync(file);
    const end = bytes.indexOf(10);
    const cached = JSON.parse(bytes.toString('utf8', 0, end)) as RawKnowledge;
    const fresh = 'stamp' in current ? cached.stamp === current.stamp : cached.signature === current.signature;
    if (!fresh || !cached.validated) return undefined;
    const entries = cached.validated.entries as unknown as CachedEntry[];
    cached.validated.entries = entries.map(({ file: path, head, at: [from, to] }) => ({
      file: path,
      entry: { head, load: () => JSON.parse(bytes.toString('utf8', end + 1 + from, end + 1 + to)) as Entry },
    }));
    return cached;
  } catch {
    return undefined;
  }
}
