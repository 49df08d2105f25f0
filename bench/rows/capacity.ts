import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { answerMessage } from '../../src/chat/respond.js';
import { corpus, pictureBytes } from '../corpus/screenshots.js';
import type { BenchContext, Row } from '../lib/context.js';
import { skipped } from '../lib/report.js';
import { formatDuration, median, quantile } from '../lib/stats.js';
import { type CapacityDriver, type CapacityPicture, cpuMs, rssMb } from './capacity-driver.js';
import { startDiscordDriver } from './capacity-discord.js';
import { startSlackDriver } from './capacity-slack.js';

/**
 * One process's capacity, for planning a deployment: the highest rate of messages holding a POP error that
 * one `popbot start` answers without falling behind, through Slack's HTTP mode and through Discord's gateway,
 * and again with one message in twenty a screenshot. The offered load steps up (open loop: the next message
 * never waits for an answer) until a step breaks: a message left unanswered, the p99 reply latency over 1 s,
 * latency still climbing at the end of the step (a backlog), or (Slack) an acknowledgement over Slack's 3 s.
 */

/** Answers slower than this at p99 are a bot that has fallen behind, whatever it manages on average. */
const P99_LIMIT_MS = 1000;
/** Slack resends an event not acknowledged within 3 s. */
const ACK_LIMIT_MS = 3000;
/** A screenshot: one OCR worker per process, about 1.5 s a picture; its answer may take this long at p99. */
const PICTURE_P99_LIMIT_MS = 15_000;
/** The share of messages that are screenshots in the OCR mix. */
const PICTURE_EVERY = 20;
/** The row passes when both paths sustain at least this many answered pastes per second. */
const MIN_RATE = 20;

interface Latency {
  /** When the message was sent, ms after the step began. */
  at: number;
  ms: number;
}

export interface StepResult {
  rate: number;
  seconds: number;
  sent: number;
  unanswered: number;
  pictures: number;
  picturesUnanswered: number;
  p50Ms: number;
  p99Ms: number;
  /** Median latency of the step's last quarter of messages over its first quarter's. */
  growth: number;
  pictureP50Ms: number;
  pictureP99Ms: number;
  ackP99Ms?: number;
  ackFailed?: number;
  rssMb: number;
  /** The bot's CPU time over the step's wall time (1.0 = one core). */
  cpu: number;
  /** The bot's CPU time per message sent: on a shared machine, the steadier figure. */
  cpuMsPerMessage: number;
  /** The bench's own CPU (load generator and fakes) over the step's wall time. */
  benchCpu: number;
  load1: number;
  holds: boolean;
  why: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `rate` messages a second for `seconds` (`pictureFor` says which are pictures), then waits for the answers. */
async function runStep(
  driver: CapacityDriver,
  counter: { n: number },
  rate: number,
  seconds: number,
  pictureFor: (n: number) => number | undefined,
): Promise<StepResult> {
  const pending = new Map<number, { at: number; picture: boolean }>();
  const text: Latency[] = [];
  const pics: Latency[] = [];
  let begin = performance.now();
  let lastReply = begin;
  driver.onReply = (n) => {
    const sent = pending.get(n);
    if (!sent) return;
    pending.delete(n);
    lastReply = performance.now();
    (sent.picture ? pics : text).push({ at: sent.at - begin, ms: lastReply - sent.at });
  };
  driver.takeAcks?.();
  const load1 = loadavg()[0] ?? Number.NaN;
  const total = Math.round(rate * seconds);
  const cpu0 = cpuMs(driver.pid);
  const bench0 = process.cpuUsage();
  let rss = rssMb(driver.pid);
  const sampler = setInterval(() => (rss = Math.max(rss, rssMb(driver.pid))), 250);
  begin = performance.now();
  let pictures = 0;
  try {
    for (let i = 0; i < total;) {
      // Every message due by now goes out (a late timer sends a burst, as real traffic would arrive).
      const due = Math.min(total, Math.floor(((performance.now() - begin) * rate) / 1000) + 1);
      for (; i < due; i++) {
        const n = counter.n++;
        const picture = pictureFor(n);
        if (picture !== undefined) pictures++;
        pending.set(n, { at: performance.now(), picture: picture !== undefined });
        driver.send(n, picture);
      }
      await sleep(Math.max(1, Math.min(20, begin + (i * 1000) / rate - performance.now())));
    }
    const sentAll = performance.now();
    // Answers still owed: wait while they keep coming (a picture can take seconds), up to a bound.
    const quietMs = pictures > 0 ? 6000 : 3000;
    while (
      pending.size > 0 &&
      performance.now() - lastReply < quietMs &&
      performance.now() - sentAll < (pictures > 0 ? 30_000 : 10_000)
    )
      await sleep(20);
  } finally {
    clearInterval(sampler);
  }
  const wall = performance.now() - begin;
  const botCpuMs = cpuMs(driver.pid) - cpu0;
  const cpu = botCpuMs / wall;
  const bench = process.cpuUsage(bench0);
  const acks = driver.takeAcks?.();
  const unanswered = [...pending.values()].filter((p) => !p.picture).length;
  const picturesUnanswered = pending.size - unanswered;
  const ms = text.map((l) => l.ms);
  const byTime = [...text].sort((a, b) => a.at - b.at);
  const quarter = Math.max(1, Math.floor(byTime.length / 4));
  const first = median(byTime.slice(0, quarter).map((l) => l.ms));
  const last = median(byTime.slice(-quarter).map((l) => l.ms));
  const result: StepResult = {
    rate,
    seconds,
    sent: total,
    unanswered,
    pictures,
    picturesUnanswered,
    p50Ms: median(ms),
    p99Ms: quantile(ms, 0.99),
    growth: last / first,
    pictureP50Ms: median(pics.map((l) => l.ms)),
    pictureP99Ms: quantile(
      pics.map((l) => l.ms),
      0.99,
    ),
    ...(acks
      ? { ackP99Ms: quantile(acks.ms, 0.99), ackFailed: acks.failed + (total - acks.ms.length - acks.failed) }
      : {}),
    rssMb: rss,
    cpu,
    cpuMsPerMessage: botCpuMs / total,
    benchCpu: (bench.user + bench.system) / 1000 / wall,
    load1,
    holds: true,
    why: '',
  };
  const why: string[] = [];
  if (unanswered > 0) why.push(`${unanswered} of ${total - pictures} pastes unanswered`);
  if (result.p99Ms > P99_LIMIT_MS) why.push(`p99 ${formatDuration(result.p99Ms)}`);
  if (last > 2 * first + 100)
    why.push(`latency climbing (${formatDuration(first)} → ${formatDuration(last)})`);
  if (result.ackFailed) why.push(`${result.ackFailed} events not acknowledged`);
  if ((result.ackP99Ms ?? 0) > ACK_LIMIT_MS) why.push(`ack p99 ${formatDuration(result.ackP99Ms ?? 0)}`);
  if (picturesUnanswered > 0) why.push(`${picturesUnanswered} of ${pictures} pictures unanswered`);
  if (result.pictureP99Ms > PICTURE_P99_LIMIT_MS)
    why.push(`picture p99 ${formatDuration(result.pictureP99Ms)}`);
  result.holds = why.length === 0;
  result.why = why.join(', ');
  return result;
}

export interface Sustained {
  path: string;
  mix: 'text' | 'ocr';
  /** The highest rate that held, with its step; undefined when even the first step broke. */
  best: StepResult | undefined;
  steps: StepResult[];
}

/** Steps the load up through `rates`; after the first break, one step halfway (geometrically) in full runs. */
async function findSustained(
  ctx: BenchContext,
  label: string,
  driver: CapacityDriver,
  counter: { n: number },
  rates: readonly number[],
  seconds: number,
  pictureFor: (n: number) => number | undefined,
): Promise<{ best: StepResult | undefined; steps: StepResult[] }> {
  const steps: StepResult[] = [];
  let best: StepResult | undefined;
  for (const rate of rates) {
    ctx.progress.update(`capacity: ${label}, ${rate}/s for ${seconds} s`);
    const step = await runStep(driver, counter, rate, seconds, pictureFor);
    steps.push(step);
    if (!step.holds) {
      if (!ctx.quick && best) {
        const mid = Math.round(Math.sqrt(best.rate * rate));
        if (mid > best.rate && mid < rate) {
          ctx.progress.update(`capacity: ${label}, ${mid}/s for ${seconds} s`);
          const between = await runStep(driver, counter, mid, seconds, pictureFor);
          steps.push(between);
          if (between.holds) best = between;
        }
      }
      break;
    }
    best = step;
  }
  return { best, steps };
}

/** Pastes every one of which popbot answers in a watched channel: the knowledge base's own -ERR examples. */
function answeredPastes(ctx: BenchContext): string[] {
  const lines = ctx.examples.server
    .map((e) => e.line)
    .filter(
      (line) => answerMessage({ text: line, mode: 'watch', defaultLang: 'en' })?.kind === 'explanation',
    );
  if (lines.length === 0) throw new Error('no knowledge-base example is answered in a watched channel');
  return lines;
}

/** Candidate screenshots: the 1280×800 light ones of the corpus, one per style and language. */
function candidatePictures(count: number): CapacityPicture[] {
  const seen = new Set<string>();
  return corpus()
    .filter((p) => p.scale === 1 && p.theme === 'light')
    .filter((p) => !seen.has(`${p.style}-${p.lang}`) && seen.add(`${p.style}-${p.lang}`))
    .slice(0, count)
    .map((p) => ({ key: p.file.replace(/[^\w-]/g, '_'), bytes: pictureBytes(p) }));
}

/** Sends each picture once, alone, and keeps those popbot answers (its OCR reads a POP error in them). */
async function answeredPictures(
  driver: CapacityDriver,
  counter: { n: number },
  candidates: readonly CapacityPicture[],
): Promise<number[]> {
  const kept: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const n = counter.n++;
    const answered = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 40_000);
      driver.onReply = (m) => {
        if (m !== n) return;
        clearTimeout(timer);
        resolve(true);
      };
    });
    driver.send(n, i);
    if (await answered) kept.push(i);
  }
  return kept;
}

function describe(s: Sustained): string {
  const b = s.best;
  if (!b) return `under ${s.steps[0]?.rate ?? '?'}/s (${s.steps[0]?.why ?? ''})`;
  return `${b.rate}/s (p99 ${formatDuration(b.p99Ms)}, RSS ${b.rssMb.toFixed(0)} MB, CPU ${(b.cpu * 100).toFixed(0)} %, ${b.cpuMsPerMessage.toFixed(1)} ms/msg)`;
}

export const capacity: Row = {
  id: 'capacity',
  figure: 'one process: answered pastes per second sustained',
  target: `≥ ${MIN_RATE}/s per path, p99 reply ≤ 1 s`,
  async run(ctx: BenchContext) {
    if (!existsSync(join(ctx.root, 'dist', 'src', 'cli', 'main.js')))
      return skipped(this.id, this.figure, this.target, 'popbot is not built');
    const texts = answeredPastes(ctx);
    const rates = ctx.quick ? [50, 200] : [25, 50, 100, 200, 400, 800];
    const ocrRates = ctx.quick ? [5] : [5, 10, 20, 40];
    const seconds = ctx.quick ? 4 : 10;
    const ocrSeconds = ctx.quick ? 8 : 20;
    const results: Sustained[] = [];
    const paths = [
      { path: 'slack-http', start: startSlackDriver },
      { path: 'discord-gateway', start: startDiscordDriver },
    ];
    const candidates = candidatePictures(ctx.quick ? 4 : 8);
    for (const { path, start } of paths) {
      // A fresh process per mix: the RSS and the OCR worker's memory of one do not carry into the other.
      for (const mix of ['text', 'ocr'] as const) {
        ctx.progress.update(`capacity: starting popbot for ${path}`);
        const driver = await start(ctx.root, texts, candidates);
        try {
          const counter = { n: 1 };
          let pictureFor = (_n: number): number | undefined => undefined;
          if (mix === 'ocr') {
            ctx.progress.update(`capacity: ${path}, warming the OCR worker`);
            const kept = await answeredPictures(driver, counter, candidates);
            if (kept.length === 0) throw new Error(`${path}: no screenshot of the corpus was answered`);
            // One message in PICTURE_EVERY, in turn the screenshots popbot answers.
            pictureFor = (n) =>
              n % PICTURE_EVERY === 0 ? kept[(n / PICTURE_EVERY) % kept.length] : undefined;
          }
          // Warm-up: the knowledge base, the connections, the Slack locale of every asker.
          ctx.progress.update(`capacity: ${path}, warm-up`);
          await runStep(driver, counter, 25, 2, () => undefined);
          const label = `${path}${mix === 'ocr' ? ' + 5 % screenshots' : ''}`;
          const found = await findSustained(
            ctx,
            label,
            driver,
            counter,
            mix === 'ocr' ? ocrRates : rates,
            mix === 'ocr' ? ocrSeconds : seconds,
            pictureFor,
          );
          results.push({ path, mix, ...found });
        } finally {
          await driver.stop();
        }
      }
    }
    const of = (path: string, mix: string) => results.find((r) => r.path === path && r.mix === mix)!;
    const pass = ['slack-http', 'discord-gateway'].every((p) => (of(p, 'text').best?.rate ?? 0) >= MIN_RATE);
    return {
      id: this.id,
      figure: `${this.figure} (steps of ${seconds} s${ctx.quick ? ', quick' : ''})`,
      ours: `Slack HTTP ${describe(of('slack-http', 'text'))}; Discord ${describe(of('discord-gateway', 'text'))}`,
      reference: `with 5 % screenshots: Slack ${describe(of('slack-http', 'ocr'))}; Discord ${describe(of('discord-gateway', 'ocr'))}`,
      ratio: '—',
      target: this.target,
      status: pass ? 'pass' : 'fail',
      metrics: { p99LimitMs: P99_LIMIT_MS, pictureEvery: PICTURE_EVERY, results },
    };
  },
};
