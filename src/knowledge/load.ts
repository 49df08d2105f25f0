import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { holdsQuote, normalizePatternSource } from '../explain/normalize.js';
import {
  defaultCacheFile,
  knowledgeStamp,
  scanKnowledgeFiles,
  type RawKnowledge,
  rawCacheFile,
  readCache,
  type ValidatedKnowledge,
  writeCache,
  readValidatedCache,
  writeValidatedCache,
} from './cache.js';
import { KnowledgeError } from './errors.js';
import { resolveInheritance } from './inherit.js';
import { KnowledgeBase, type KnowledgeBaseOptions } from './knowledge-base.js';
import { defaultKnowledgeDir } from './paths.js';
import { CompiledEntry, type CommandSpec, PATTERN_FLAGS } from './compiled-entry.js';
import { findBacktrackingRisk } from './pattern-safety.js';
import { type Category, knowledgeSchemas, schemaFingerprint } from './schema.js';

const KINDS = ['server', 'client', 'reply', 'log'] as const;

// The YAML parser is loaded only when the build's parsed cache does not match the files.
const requireYaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

export { CompiledEntry, type CommandSpec } from './compiled-entry.js';

function readText(file: string, root: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new KnowledgeError(`${relative(root, file)}: cannot be read (${(cause as Error).message})`, file, {
      cause,
    });
  }
}

function parseYamlDoc(text: string): { doc?: unknown; yamlError?: string } {
  try {
    return { doc: requireYaml().parse(text) };
  } catch (error) {
    return { yamlError: (error as Error).message };
  }
}

/** Reads every knowledge file, parsed: from the build's cache when its hash matches, else from the YAML. */
export function readRawKnowledge(dir: string, cacheFile?: string): RawKnowledge {
  const { files, signature } = scanKnowledgeFiles(dir);
  // The build's cache of these very files (same sizes and times), validated by this schema: nothing to read.
  const signed = cacheFile ? readValidatedCache(cacheFile, { signature }) : undefined;
  if (signed?.validated?.schema === schemaFingerprint()) return signed;
  const texts = new Map<string, string>();
  const read = (file: string) => {
    let text = texts.get(file);
    if (text === undefined) {
      text = readText(file, dir);
      texts.set(file, text);
    }
    return text;
  };
  const stamp = knowledgeStamp(dir, files, read);
  if (cacheFile) {
    // The validated entries alone (half the size) are all a normal start reads; the parsed documents are
    // for a start under another schema (tests run the TypeScript, whose fingerprint differs).
    const validated = readValidatedCache(cacheFile, { stamp });
    if (validated?.validated?.schema === schemaFingerprint()) return validated;
    const raw = readCache(rawCacheFile(cacheFile), { stamp });
    if (raw) return raw;
  }
  const categories = parseYamlDoc(read(join(dir, 'categories.yaml')));
  return {
    stamp,
    signature,
    categories: categories.yamlError ? { yamlError: categories.yamlError } : categories.doc,
    entries: files.map((file) => ({ file: relative(dir, file), ...parseYamlDoc(read(file)) })),
  };
}

/** `npm run build` validates the knowledge base and stores it, validated, beside the compiled code. */
export function buildKnowledgeCache(
  dir: string = defaultKnowledgeDir(),
  cacheFile: string = defaultCacheFile(),
): KnowledgeBase {
  const raw = readRawKnowledge(dir);
  const validated = validateKnowledge(dir, raw);
  const kb = assembleKnowledge(dir, validated);
  const literalIndexes = Object.fromEntries(KINDS.map((kind) => [kind, kb.matchIndex(kind).literals.data]));
  const { signature } = scanKnowledgeFiles(dir);
  writeValidatedCache(cacheFile, { stamp: raw.stamp, signature, categories: null, entries: [], validated: { ...validated, literalIndexes } });
  writeCache(rawCacheFile(cacheFile), raw);
  return kb;
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(top)'}: ${i.message}`).join('; ');
}

export function parseCommandSpec(spec: string): CommandSpec {
  const [verb = '', rest] = spec.split(' ');
  if (rest === '<arg>') return { verb, args: 'some' };
  if (rest === '<none>') return { verb, args: 'none' };
  return rest ? { verb, args: 'first', first: rest } : { verb, args: 'any' };
}

function compilePattern(source: string, where: string, file: string): RegExp {
  if (holdsQuote(source)) {
    throw new KnowledgeError(
      `${where}: pattern ${JSON.stringify(source)} holds a quote mark; text is matched with its quotes removed, so write the words without them ("isnt", "said x")`,
      file,
    );
  }
  const risk = findBacktrackingRisk(source);
  if (risk) throw new KnowledgeError(`${where}: pattern ${JSON.stringify(source)} ${risk}`, file);
  try {
    return new RegExp(normalizePatternSource(source), PATTERN_FLAGS);
  } catch (cause) {
    throw new KnowledgeError(
      `${where}: pattern ${JSON.stringify(source)} is not a valid regular expression`,
      file,
      {
        cause,
      },
    );
  }
}

/**
 * Loads and validates the whole knowledge base. Any broken file stops the load with a KnowledgeError that
 * names the file and the field, so a bad entry can never reach users half-read.
 */
export function loadKnowledgeBase(
  dir: string = defaultKnowledgeDir(),
  cacheFile: string | undefined = defaultCacheFile(),
  options: { indexed?: boolean } = {},
): KnowledgeBase {
  const raw = readRawKnowledge(dir, cacheFile);
  // The build validated exactly these files under exactly this schema: their checks need not run again.
  const trusted = raw.validated?.schema === schemaFingerprint() ? raw.validated : undefined;
  return trusted
    ? assembleKnowledge(dir, trusted, 'lazily', { ...options, ...(trusted.literalIndexes ? { literalIndexes: trusted.literalIndexes } : {}) })
    : assembleKnowledge(dir, validateKnowledge(dir, raw), 'now', options);
}

/** Validates every parsed document with the zod schemas; the first problem names its file and field. */
function validateKnowledge(dir: string, raw: RawKnowledge): ValidatedKnowledge {
  const { CategoriesFileSchema, EntrySchema } = knowledgeSchemas();
  const categoriesFile = join(dir, 'categories.yaml');
  const rawCategories = raw.categories as { yamlError?: string } | undefined;
  if (rawCategories && typeof rawCategories === 'object' && 'yamlError' in rawCategories) {
    throw new KnowledgeError(`categories.yaml: not valid YAML: ${rawCategories.yamlError}`, categoriesFile);
  }
  const parsedCategories = CategoriesFileSchema.safeParse(raw.categories);
  if (!parsedCategories.success) {
    throw new KnowledgeError(`categories.yaml: ${describeIssues(parsedCategories.error)}`, categoriesFile);
  }
  const entries: ValidatedKnowledge['entries'] = [];
  for (const { file: rel, doc, yamlError } of resolveInheritance(dir, raw.entries)) {
    const file = join(dir, rel);
    if (yamlError !== undefined) throw new KnowledgeError(`${rel}: not valid YAML: ${yamlError}`, file);
    const parsed = EntrySchema.safeParse(doc);
    if (!parsed.success) throw new KnowledgeError(`${rel}: ${describeIssues(parsed.error)}`, file);
    entries.push({ file: rel, entry: parsed.data });
  }
  return { schema: schemaFingerprint(), categories: parsedCategories.data.categories, entries };
}

/**
 * Checks what spans files (ids, names, categories, pattern safety) and compiles the patterns. Entries the
 * build checked and compiled with this very code (a trusted cache) compile their patterns when first used.
 */
export function assembleKnowledge(
  dir: string,
  validated: ValidatedKnowledge,
  compile: 'now' | 'lazily' = 'now',
  options: KnowledgeBaseOptions = {},
): KnowledgeBase {
  const categories: Category[] = validated.categories;
  const codes = new Set(categories.map((c) => c.code));
  const compiled: CompiledEntry[] = [];
  const seen = new Map<string, string>();
  for (const { file: rel, entry: item } of validated.entries) {
    const entry = 'load' in item ? item.head : item;
    // The file's path is joined only where it is used (an error; compiling now): path.join on every entry was
    // a tenth of a cold start's loading of the knowledge base.
    const file = () => join(dir, rel);
    const expectedName = `${entry.id}.yaml`;
    if (!rel.endsWith(`/${expectedName}`)) {
      throw new KnowledgeError(`${rel}: id: "${entry.id}" must match the file name (${expectedName})`, file());
    }
    const previous = seen.get(entry.id);
    if (previous) throw new KnowledgeError(`${rel}: id: "${entry.id}" is already used by ${previous}`, file());
    seen.set(entry.id, rel);
    if (!codes.has(entry.category)) {
      throw new KnowledgeError(`${rel}: category: "${entry.category}" is not in categories.yaml`, file());
    }
    const commands = entry.match.commands.map(parseCommandSpec);
    const sources = entry.match.patterns.map(normalizePatternSource);
    const patterns =
      compile === 'now'
        ? entry.match.patterns.map((p: string, i: number) => compilePattern(p, `${rel}: match.patterns.${i}`, file()))
        : undefined;
    compiled.push(new CompiledEntry(item, rel, sources, commands, patterns));
  }
  if (compiled.length === 0) throw new KnowledgeError('entries: no entries found', join(dir, 'entries'));
  return new KnowledgeBase(categories, compiled, options);
}

let cached: KnowledgeBase | undefined;

/** The default knowledge base, loaded once per process. */
export function defaultKnowledgeBase(): KnowledgeBase {
  cached ??= loadKnowledgeBase();
  return cached;
}
