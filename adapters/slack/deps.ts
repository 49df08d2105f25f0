import type { Logger } from 'pino';
import type { ReplyQueue } from '../../src/chat/reply-queue.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { OcrEngine } from '../../src/ocr/ocr-engine.js';
import type { ProbeGuard } from '../../src/probe/guard.js';
import type { RateLimiter } from '../../src/probe/rate-limit.js';
import type { ProbeDeps, ProbeReport, ProbeRequest } from '../../src/probe/types.js';
import type { AnswerWorker } from './answer-worker.js';
import type { Inflight, RecentKeys } from './inflight.js';
import type { LocaleCache } from './locale.js';

export type ProbeRunner = (request: ProbeRequest, deps: ProbeDeps) => Promise<ProbeReport>;

/** What every handler shares: built once in app.ts, passed down, nothing global. */
export interface SlackDeps {
  log: Logger;
  defaultLang: Lang;
  chatLogin: boolean;
  locales: LocaleCache;
  guard: ProbeGuard;
  limiter: RateLimiter;
  runProbe: ProbeRunner;
  /** Extra probe dependencies (tests pass a CA, a resolver); the guard always comes from `guard`. */
  probeDeps: Omit<ProbeDeps, 'guard'>;
  inflight: Inflight;
  /** Answers to messages, explained and posted after the acknowledgement, in order per channel. */
  replies: ReplyQueue;
  /** The thread that explains, renders and posts text answers, off the thread that acknowledges events. */
  answers: AnswerWorker;
  seen: RecentKeys;
  fetch: typeof globalThis.fetch;
  /** Downloads shared pictures (files:read); sent only to Slack's files origin (handlers/images.ts). */
  botToken: string;
  /** SLACK_API_URL when set: its origin serves the files too. */
  apiUrl: string | undefined;
  /** The process's one OCR worker. */
  ocr: OcrEngine;
}

/** The callback id of the message shortcut and of the login modal, shared with manifest.yml. */
export const SHORTCUT_EXPLAIN = 'explain_pop_error';
export const VIEW_LOGIN = 'popcheck_login';
