// The answer thread as popbot runs it (the built one), made to die on purpose, for test/slack/answer-thread.test.ts:
// a message saying "kill the answer thread" throws as soon as it arrives; one saying "kill it while posting"
// throws once the thread has marked its answer as being posted.
import { setInterval, clearInterval } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import '../../dist/adapters/slack/answer-worker-thread.js';

parentPort.on('message', (job) => {
  if (job.request.text.includes('kill the answer thread')) throw new Error('killed by the test, on arrival');
  if (!job.request.text.includes('kill it while posting')) return;
  const slots = workerData.posting;
  const watch = setInterval(() => {
    if (Atomics.load(slots, job.id % slots.length) !== job.id) return;
    clearInterval(watch);
    throw new Error('killed by the test, while posting');
  }, 1);
});
