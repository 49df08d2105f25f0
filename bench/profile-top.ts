import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Prints the functions with the most self time in a V8 CPU profile (`node --cpu-prof`), the way the
 * findings in docs/performance.md were made; `--by-package` sums self time per package instead (zod,
 * node internals, popbot's own modules); `--inclusive` counts each function's time with its callees (a
 * sample counts once for every function on its stack, however often it recurs), the shares the rounds in
 * docs/performance.md compare; `--under=REGEX` prints only the busy time (idle left out) whose stack holds a
 * function matching REGEX (`name file:line`), the way session 9 split the Slack bot's thread by what it was doing.
 * Usage: node dist/bench/profile-top.js FILE.cpuprofile [N] [--by-package|--inclusive|--under=REGEX]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const byPackage = process.argv.includes('--by-package');
const under = process.argv.find((a) => a.startsWith('--under='))?.slice('--under='.length);
const inclusive = process.argv.includes('--inclusive');
const [file, countArg = '15'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: node dist/bench/profile-top.js FILE.cpuprofile [N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
// Each sample's time delta belongs to the node that was on top of the stack.
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
for (let i = 0; i < samples.length; i++) {
  const id = samples[i] as number;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
}
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
function stackOf(id: number): string[] {
  const keys = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (frame) keys.add(functionKey(frame));
  }
  return [...keys];
}
function functionKey(frame: ProfileNode['callFrame']): string {
  const where = frame.url
    ? `${relative(process.cwd(), frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}`
    : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
}

if (under !== undefined) {
  const pattern = new RegExp(under);
  let busy = 0;
  let matched = 0;
  for (const [id, us] of selfUs) {
    if (byId.get(id)?.callFrame.functionName === '(idle)') continue;
    busy += us;
    if (stackOf(id).some((key) => pattern.test(key))) matched += us;
  }
  process.stdout.write(
    `${(matched / 1000).toFixed(1)} ms of ${(busy / 1000).toFixed(1)} ms busy (${((100 * matched) / busy).toFixed(1)}%) under /${under}/\n`,
  );
  process.exit(0);
}

const totals = new Map<string, number>();
for (const [id, us] of selfUs) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  if (inclusive) {
    for (const key of stackOf(id)) totals.set(key, (totals.get(key) ?? 0) + us);
    continue;
  }
  if (byPackage) {
    const key = packageOf(frame.url, frame.functionName);
    totals.set(key, (totals.get(key) ?? 0) + us);
    continue;
  }
  const key = functionKey(frame);
  totals.set(key, (totals.get(key) ?? 0) + us);
}
function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('RegExp:') ? '(regular expressions)' : name || '(native)';
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (mod) return mod[1] ?? url;
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/dist\/((?:src|adapters|bench)\/[^/]+)/.exec(url);
  return own ? `popbot ${own[1]}` : url;
}

const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`total ${(total / 1000).toFixed(0)} ms sampled\n`);
for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg))) {
  process.stdout.write(
    `${(us / 1000).toFixed(1).padStart(9)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}\n`,
  );
}
