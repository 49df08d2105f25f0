import { explain } from '../../src/explain/explain.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * The memory figure in a fresh process (run with --expose-gc): RSS once the knowledge base is loaded the
 * way popbot loads it and one line explained, then after N explains of the pastes given as a JSON array
 * on stdin. argv: N. Prints one JSON line.
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
for (let i = 0; i < count; i++) {
  sink += explain(pastes[i % pastes.length] ?? '', { lang: 'en' }).findings.length;
}
settle();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    count,
    sink,
    idleRssMB: mb(idle.rss),
    idleHeapUsedMB: mb(idle.heapUsed),
    afterRssMB: mb(after.rss),
    afterHeapUsedMB: mb(after.heapUsed),
  })}\n`,
);
