import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/chat/in-flight.js';
import { ReplyQueue } from '../../src/chat/reply-queue.js';

/** A job that records when it starts and ends, and finishes when `release` is called. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const work = async () => {
    log.push(`start ${name}`);
    await released;
    log.push(`end ${name}`);
  };
  return { work, release };
}

const turn = () => new Promise((r) => setImmediate(r));
/** Enough turns for every job that may start to have started (one starts per turn). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await turn();
};

describe('ReplyQueue', () => {
  it('starts nothing inside enqueue(): a job runs on a later turn of the event loop', async () => {
    const log: string[] = [];
    const q = new ReplyQueue(new InFlight());
    q.enqueue('C1', async () => {
      log.push('ran');
    });
    expect(log).toEqual([]);
    await turn();
    await turn();
    expect(log).toEqual(['ran']);
  });

  it('starts one job per turn, so what arrived meanwhile runs between two jobs', async () => {
    const log: string[] = [];
    const q = new ReplyQueue(new InFlight(), { concurrency: 4 });
    for (const key of ['C1', 'C2', 'C3'])
      q.enqueue(key, async () => {
        log.push(`start ${key}`);
        // Stands for an acknowledgement waiting in the event loop while this job explains.
        setImmediate(() => log.push(`between, after ${key}`));
      });
    for (let i = 0; i < 6; i++) await turn();
    expect(log).toEqual([
      'start C1',
      'between, after C1',
      'start C2',
      'between, after C2',
      'start C3',
      'between, after C3',
    ]);
  });

  it('runs the jobs of one key one after the other, in order, and other keys beside them', async () => {
    const log: string[] = [];
    const q = new ReplyQueue(new InFlight(), { concurrency: 4 });
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const b1 = gate(log, 'b1');
    q.enqueue('A', a1.work);
    q.enqueue('A', a2.work);
    q.enqueue('B', b1.work);
    await settle();
    expect(log).toEqual(['start a1', 'start b1']);
    b1.release();
    a2.release(); // released early, but it must not start before a1 ends
    await turn();
    expect(log).toEqual(['start a1', 'start b1', 'end b1']);
    a1.release();
    await turn();
    await turn();
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
    expect(q.size).toBe(0);
  });

  it('runs at most `concurrency` jobs at once', async () => {
    const log: string[] = [];
    const q = new ReplyQueue(new InFlight(), { concurrency: 2 });
    const jobs = ['a', 'b', 'c'].map((k) => gate(log, k));
    jobs.forEach((j, i) => q.enqueue(`K${i}`, j.work));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    jobs[1]?.release();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    jobs[0]?.release();
    jobs[2]?.release();
    await settle();
    expect(q.size).toBe(0);
  });

  it('refuses jobs beyond the backlog, and takes them again once it shrinks', async () => {
    const log: string[] = [];
    const q = new ReplyQueue(new InFlight(), { concurrency: 1, maxBacklog: 2 });
    const a = gate(log, 'a');
    expect(q.enqueue('A', a.work)).toBe(true);
    expect(q.enqueue('A', async () => void log.push('b'))).toBe(true);
    expect(q.enqueue('B', async () => void log.push('refused'))).toBe(false);
    expect(q.size).toBe(2);
    a.release();
    await turn();
    await turn();
    await turn();
    expect(log).toEqual(['start a', 'end a', 'b']);
    expect(q.enqueue('B', async () => void log.push('c'))).toBe(true);
  });

  it('a failing job does not stop the ones behind it', async () => {
    const log: string[] = [];
    const q = new ReplyQueue(new InFlight());
    q.enqueue('A', () => Promise.reject(new Error('boom')));
    q.enqueue('A', async () => void log.push('next'));
    await turn();
    await turn();
    await turn();
    expect(log).toEqual(['next']);
  });

  it('shutdown waits for queued jobs, even those not started yet, and then refuses new ones', async () => {
    const log: string[] = [];
    const inflight = new InFlight();
    const q = new ReplyQueue(inflight);
    const a = gate(log, 'a');
    q.enqueue('A', a.work);
    q.enqueue('A', async () => void log.push('b'));
    const drained = inflight.drain(2000);
    expect(q.enqueue('A', async () => void log.push('late'))).toBe(false);
    setTimeout(a.release, 20);
    expect(await drained).toBe(true);
    expect(log).toEqual(['start a', 'end a', 'b']);
  });
});
