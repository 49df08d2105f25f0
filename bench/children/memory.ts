import { explain } from '../../src/explain/explain.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * The memory figure in a fresh process (run with --expose-gc): RSS once the knowledge base is loaded the
 * way popbot loads it and one line explained, then after N explains of the pastes given as a JSON array
 * on stdin, with readings after a tenth (the JIT has optimised the hot code by then) and half of them, and
 * V8's committed heap beside each (RSS follows it, not the heap in use). argv: N. Prints one JSON line.
 */
const count = Number(process.argv[2] ?? '100000');
const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const pastes = JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[];
if (pastes.length === 0) throw new Error('no pastes on stdin');

const settle = () => {
  gc();
  gc();
};
const mb = (bytes: number) => bytes / 1024 / 1024;

let sink = explain('-ERR [AUTH] Authentication failed.', {}, defaultKnowledgeBase()).findings.length;
settle();
const idle = process.memoryUsage();
const explainSome = (n: number) => {
  for (let i = 0; i < n; i++)
    sink += explain(pastes[i % pastes.length] ?? '', { lang: 'en' }).findings.length;
};
// A reading after a tenth: what the optimising compilers add (code, its data, the heap pages they touched)
// comes once, in the first thousands of explains; a reading halfway tells growth that stops from a leak.
const tenth = Math.floor(count / 10);
explainSome(tenth);
settle();
const warm = process.memoryUsage();
explainSome(Math.floor(count / 2) - tenth);
settle();
const half = process.memoryUsage();
explainSome(count - Math.floor(count / 2));
settle();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    count,
    sink,
    idleRssMB: mb(idle.rss),
    idleHeapUsedMB: mb(idle.heapUsed),
    idleHeapTotalMB: mb(idle.heapTotal),
    warmRssMB: mb(warm.rss),
    warmHeapUsedMB: mb(warm.heapUsed),
    halfRssMB: mb(half.rss),
    halfHeapUsedMB: mb(half.heapUsed),
    afterRssMB: mb(after.rss),
    afterHeapUsedMB: mb(after.heapUsed),
    afterHeapTotalMB: mb(after.heapTotal),
  })}\n`,
);
