import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { explain } from '../src/explain/explain.js';
import { forgetMatches } from '../src/explain/match.js';
import { SummaryCounter } from '../src/explain/summary.js';
import { caseInput } from '../src/knowledge/evaluate.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { projectRoot } from '../src/knowledge/paths.js';
import { loadExamples } from './corpus/examples.js';
import { generatePaste } from './corpus/paste.js';

/**
 * A fingerprint of what the explainer answers, for changes that must not change any answer (speed work):
 * every text of the evaluation sets (project, captured tuning, holdout) explained as JSON, in English and in
 * the paste's own language, with the match memo cleared and then warm; the bench's generated pastes; and
 * every set joined into one paste and summarised line by line. Prints only counts and hashes (the holdout is
 * read to check equality, never shown); `--out FILE` writes one hash per input to find where two runs differ.
 *
 *   npm run build && node dist/bench/explain-hash.js [--out /tmp/hashes.txt]
 */

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return name.endsWith('.yaml') ? [path] : [];
    });
}

interface Input {
  id: string;
  text: string;
}

function inputsOf(dir: string, label: string): Input[] {
  return yamlFiles(dir).flatMap((path) => {
    const doc = parseYaml(readFileSync(path, 'utf8')) as {
      cases?: { text: string; command?: string }[];
    } | null;
    return (doc?.cases ?? []).map((c, i) => ({
      id: `${label}:${path.slice(dir.length + 1)}#${i}`,
      text: caseInput(c),
    }));
  });
}

const root = projectRoot();
const kb = loadKnowledgeBase();
const sets: Input[] = [
  ...inputsOf(join(root, 'test', 'fixtures', 'eval'), 'eval'),
  ...inputsOf(join(root, 'test', 'fixtures', 'captured'), 'captured'),
];
const examples = loadExamples();
for (let seed = 1; seed <= 40; seed++) {
  sets.push({ id: `paste:${seed}`, text: generatePaste(examples, seed).text });
}
// Lines of different texts next to each other, and other line ends, as a long paste would have them.
sets.push({ id: 'joined:lf', text: sets.map((s) => s.text).join('\n') });
sets.push({ id: 'joined:crlf', text: sets.map((s) => s.text.replaceAll('\n', '\r\n')).join('\r\n') });

const rows: string[] = [];
const total = createHash('sha256');
function record(id: string, value: unknown): void {
  const h = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
  rows.push(`${id} ${h}`);
  total.update(`${id} ${h}\n`);
}

for (const { id, text } of sets) {
  forgetMatches(kb);
  record(`${id}:en:cold`, explain(text, { lang: 'en' }, kb));
  record(`${id}:own`, explain(text, {}, kb));
  record(`${id}:en:warm`, explain(text, { lang: 'en' }, kb));
}
for (const { id, text } of sets.filter((s) => s.id.startsWith('joined:'))) {
  const counter = new SummaryCounter(kb);
  for (const line of text.split(/\r\n|\r|\n/)) counter.push(line);
  record(`${id}:summary`, counter.result());
}

const out = process.argv.indexOf('--out');
if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1]!, `${rows.join('\n')}\n`);
process.stdout.write(`${sets.length} inputs, ${rows.length} results: ${total.digest('hex')}\n`);
