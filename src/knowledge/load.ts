import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { normalizePatternSource } from '../explain/normalize.js';
import { KnowledgeError } from './errors.js';
import { KnowledgeBase } from './knowledge-base.js';
import { defaultKnowledgeDir } from './paths.js';
import { findBacktrackingRisk } from './pattern-safety.js';
import { CategoriesFileSchema, type Category, type Entry, EntrySchema } from './schema.js';

export interface CompiledEntry {
  readonly entry: Entry;
  readonly file: string;
  readonly patterns: readonly RegExp[];
  readonly commands: readonly CommandSpec[];
}

export interface CommandSpec {
  readonly verb: string;
  readonly args: 'any' | 'some' | 'none';
}

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listYamlFiles(path));
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(path);
  }
  return out;
}

function readYaml(file: string, root: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new KnowledgeError(`${relative(root, file)}: cannot be read (${(cause as Error).message})`, file, {
      cause,
    });
  }
  try {
    return parseYaml(raw);
  } catch (cause) {
    throw new KnowledgeError(`${relative(root, file)}: not valid YAML: ${(cause as Error).message}`, file, {
      cause,
    });
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`).join('; ');
}

export function parseCommandSpec(spec: string): CommandSpec {
  const [verb = '', rest] = spec.split(' ');
  return { verb, args: rest === '<arg>' ? 'some' : rest === '<none>' ? 'none' : 'any' };
}

function compilePattern(source: string, where: string, file: string): RegExp {
  const risk = findBacktrackingRisk(source);
  if (risk) throw new KnowledgeError(`${where}: pattern ${JSON.stringify(source)} ${risk}`, file);
  try {
    return new RegExp(normalizePatternSource(source), 'iu');
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
export function loadKnowledgeBase(dir: string = defaultKnowledgeDir()): KnowledgeBase {
  const categoriesFile = join(dir, 'categories.yaml');
  const parsedCategories = CategoriesFileSchema.safeParse(readYaml(categoriesFile, dir));
  if (!parsedCategories.success) {
    throw new KnowledgeError(`categories.yaml: ${describeIssues(parsedCategories.error)}`, categoriesFile);
  }
  const categories: Category[] = parsedCategories.data.categories;
  const codes = new Set(categories.map((c) => c.code));

  const entriesDir = join(dir, 'entries');
  const compiled: CompiledEntry[] = [];
  const seen = new Map<string, string>();
  for (const file of listYamlFiles(entriesDir)) {
    const rel = relative(dir, file);
    const parsed = EntrySchema.safeParse(readYaml(file, dir));
    if (!parsed.success) throw new KnowledgeError(`${rel}: ${describeIssues(parsed.error)}`, file);
    const entry = parsed.data;
    const expectedName = `${entry.id}.yaml`;
    if (!file.endsWith(`/${expectedName}`)) {
      throw new KnowledgeError(`${rel}: id: "${entry.id}" must match the file name (${expectedName})`, file);
    }
    const previous = seen.get(entry.id);
    if (previous) throw new KnowledgeError(`${rel}: id: "${entry.id}" is already used by ${previous}`, file);
    seen.set(entry.id, rel);
    if (!codes.has(entry.category)) {
      throw new KnowledgeError(`${rel}: category: "${entry.category}" is not in categories.yaml`, file);
    }
    const patterns = entry.match.patterns.map((p, i) =>
      compilePattern(p, `${rel}: match.patterns.${i}`, file),
    );
    compiled.push({ entry, file: rel, patterns, commands: entry.match.commands.map(parseCommandSpec) });
  }
  if (compiled.length === 0)
    throw new KnowledgeError(`${relative(dir, entriesDir)}: no entries found`, entriesDir);
  return new KnowledgeBase(categories, compiled);
}

let cached: KnowledgeBase | undefined;

/** The default knowledge base, loaded once per process. */
export function defaultKnowledgeBase(): KnowledgeBase {
  cached ??= loadKnowledgeBase();
  return cached;
}
