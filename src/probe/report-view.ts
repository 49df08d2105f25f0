import type { Finding } from '../explain/types.js';
import type { Lang } from '../i18n/lang.js';
import { type ProbeMessageKey, probeMessages } from '../i18n/probe-messages.js';
import type { AttemptTls, Capability, ProbeReport, ProbeStep, StepName, StepStatus } from './types.js';

/**
 * The probe report as every renderer shows it, in one language and no markup: the terminal text
 * (render.ts), Slack's Block Kit and Discord's embeds read this and only add their own formatting.
 * Every string is final text for people; server text in it was cleaned by the probe, yet is never markup:
 * a renderer escapes it for its platform.
 */
export interface ProbeReportView {
  lang: Lang;
  header: {
    /** "POP check of pop.example.com" */
    title: string;
    verdict: { level: 'ok' | 'warning' | 'critical' | 'unknown'; exitCode: number; text: string };
  };
  /** The steps, grouped by attempt; the first group (target, safety check, DNS) has no label. */
  attempts: AttemptView[];
  /** CAPA as the probe saw it: before encryption (or on an implicit-TLS port), after STLS, after login. */
  capabilities: CapabilityListView[];
  /** Sentences about the whole check: "This server offers no encryption", "It offers STLS: check with…". */
  notes: string[];
  /** One per cause, grouped across attempts; `steps` says where it was met. */
  findings: FindingView[];
  /** Settings the probe saw work; absent when it saw none (or only unencrypted ones where TLS may work). */
  settings?: { title: string; rows: { label: string; value: string; literal: boolean }[] };
  transcript?: { title: string; lines: string[] };
  /** Section and field names, in the report's language. */
  labels: {
    capabilities: string;
    findings: string;
    causes: string;
    userSteps: string;
    adminSteps: string;
    category: string;
  };
}

export interface AttemptView {
  /** 0-based attempt index; undefined for the steps before any connection. */
  attempt?: number;
  /** "995 SSL/TLS", "110 STARTTLS"; undefined for the steps before any connection. */
  label?: string;
  port?: number;
  tls?: AttemptTls;
  steps: StepView[];
}

export interface StepView {
  name: StepName;
  /** "Connect", "CAPA after STLS" */
  label: string;
  status: StepStatus;
  /** "ok", "failed"… */
  statusLabel: string;
  /** Undefined for a skipped step. */
  ms?: number;
  detail: string;
  /** A taxonomy category or probe code (`tls.unavailable`, `guard.private-address`). */
  code?: string;
  /** Index into `findings`. */
  finding?: number;
}

export interface CapabilityListView {
  key: 'before' | 'after-stls' | 'after-login';
  title: string;
  /** `null`: the server answered CAPA with -ERR. */
  items: { text: string; gloss: string }[] | null;
}

export interface FindingView extends Finding {
  /** The attempts and steps where this was met: "995 SSL/TLS · TLS". */
  seenAt: string[];
}

const LEVELS = ['ok', 'warning', 'critical', 'unknown'] as const;

function attemptLabel(port: number | undefined, tls: AttemptTls | undefined, t: T): string | undefined {
  if (port === undefined || tls === undefined) return undefined;
  return `${port} ${tls === 'implicit' ? 'SSL/TLS' : tls === 'stls' ? 'STARTTLS' : t('attempt.plain')}`;
}

/** "995 SSL/TLS", "110 STARTTLS", "2525 plain text" for the attempt a step belongs to. */
export function attemptLabelOf(step: ProbeStep, lang: Lang): string | undefined {
  return attemptLabel(step.port, step.tls, (key, params) => probeMessages.t(lang, key, params));
}

/**
 * French typography: a no-break space before a colon and inside « », a narrow one before ; ! ?.
 * Applied to every sentence of a French report, the knowledge base's texts included.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([:;!?])(?=\s|$)/g, (_, mark: string) => (mark === ':' ? '\u00a0:' : `\u202f${mark}`))
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»');
}

function spacedFinding(f: Finding, lang: Lang): Finding {
  if (lang !== 'fr') return f;
  const all = (list: string[]) => list.map(frenchSpacing);
  return {
    ...f,
    title: frenchSpacing(f.title),
    meaning: frenchSpacing(f.meaning),
    causes: all(f.causes),
    userSteps: all(f.userSteps),
    adminSteps: all(f.adminSteps),
  };
}

/** Builds the view of `report` in `lang` (the report's own language unless told otherwise). */
export function buildReportView(report: ProbeReport, lang: Lang = report.lang): ProbeReportView {
  const t: T = (key, params) => probeMessages.t(lang, key, params);

  const attempts: AttemptView[] = [];
  for (const step of report.steps) {
    let group = attempts.at(-1);
    if (!group || group.attempt !== step.attempt) {
      const label = attemptLabel(step.port, step.tls, t);
      group = {
        ...(step.attempt !== undefined ? { attempt: step.attempt } : {}),
        ...(label ? { label } : {}),
        ...(step.port !== undefined ? { port: step.port } : {}),
        ...(step.tls ? { tls: step.tls } : {}),
        steps: [],
      };
      attempts.push(group);
    }
    group.steps.push(stepView(step, t, lang));
  }

  return {
    lang,
    header: { title: t('render.title', { target: report.target.input }), verdict: verdict(report, t) },
    attempts,
    capabilities: capabilityLists(report, t),
    notes: notes(report, t),
    findings: report.findings.map((f, i) => ({
      ...spacedFinding(f, lang),
      seenAt: report.steps
        .filter((s) => s.finding === i)
        .map((s) => [attemptLabel(s.port, s.tls, t), t(`step.${s.name}`)].filter(Boolean).join(' · ')),
    })),
    ...(report.settings ? { settings: settingsView(report.settings, t) } : {}),
    ...(report.transcript
      ? {
          transcript: {
            title: t('render.transcript'),
            lines: report.transcript.map((l) => `${l.dir}: ${l.text}`),
          },
        }
      : {}),
    labels: {
      capabilities: t('render.capabilities'),
      findings: t('render.findings'),
      causes: t('render.causes'),
      userSteps: t('render.user-steps'),
      adminSteps: t('render.admin-steps'),
      category: t('render.category'),
    },
  };
}

type T = (key: ProbeMessageKey, params?: Record<string, string | number>) => string;

/** One step in `lang`, for a live table that prints steps as they end. */
export function stepViewOf(step: ProbeStep, lang: Lang): StepView {
  return stepView(step, (key, params) => probeMessages.t(lang, key, params), lang);
}

function stepView(step: ProbeStep, t: T, lang: Lang): StepView {
  return {
    name: step.name,
    label: t(`step.${step.name}`),
    status: step.status,
    statusLabel: t(`status.${step.status}`),
    ...(step.status === 'skipped' ? {} : { ms: step.ms }),
    detail: lang === 'fr' ? frenchSpacing(step.detail) : step.detail,
    ...(step.code ? { code: step.code } : {}),
    ...(step.finding !== undefined ? { finding: step.finding } : {}),
  };
}

function verdict(report: ProbeReport, t: T): ProbeReportView['header']['verdict'] {
  const code = report.exitCode;
  const userGiven = report.steps.some((s) => s.name === 'login' && s.status !== 'skipped');
  // "The server works" only when the login was seen to work, or nobody asked about a login.
  let key: ProbeMessageKey = `render.verdict.${code}`;
  if (report.loginVerified === false && code === 0 && !userGiven) key = 'render.verdict.0-no-login';
  if (report.loginVerified === false && code === 1 && userGiven && !report.steps.some(loginFailed))
    key = 'render.verdict.1-no-login';
  return { level: LEVELS[code], exitCode: code, text: t(key) };
}

function loginFailed(s: ProbeStep): boolean {
  return s.name === 'login' && s.status === 'fail';
}

function capabilityLists(report: ProbeReport, t: T): CapabilityListView[] {
  const { before, afterStls, afterLogin } = report.capabilities;
  const seen = new Set<string>();
  const items = (caps: Capability[] | null) =>
    caps === null
      ? null
      : caps.map((c) => {
          // A capability's meaning is said once, where it first appears.
          const gloss = seen.has(c.name) ? '' : c.gloss;
          seen.add(c.name);
          return { text: [c.name, ...c.args].join(' '), gloss };
        });
  const lists: CapabilityListView[] = [];
  if (before !== undefined) {
    const title = t(afterStls !== undefined ? 'render.capabilities-before' : 'render.capabilities-plain');
    lists.push({ key: 'before', title, items: items(before) });
  }
  if (afterStls !== undefined)
    lists.push({ key: 'after-stls', title: t('render.capabilities-after-stls'), items: items(afterStls) });
  if (afterLogin !== undefined)
    lists.push({ key: 'after-login', title: t('render.capabilities-after-login'), items: items(afterLogin) });
  return lists;
}

function notes(report: ProbeReport, t: T): string[] {
  const out: string[] = [];
  if (report.encryption === 'none-offered') out.push(t('render.no-encryption'));
  const before = report.capabilities.before;
  const stlsOffered = before?.some((c) => c.name === 'STLS') ?? false;
  // `--tls none` against a server that offers STLS: nothing recommended, but the way to encrypt is said.
  if (!report.settings && !report.tls && stlsOffered && report.encryption !== 'works')
    out.push(t('hint.stls-offered'));
  return out;
}

function settingsView(
  s: NonNullable<ProbeReport['settings']>,
  t: T,
): NonNullable<ProbeReportView['settings']> {
  const rows = [
    { label: t('settings.server'), value: s.server, literal: true },
    { label: t('settings.port'), value: String(s.port), literal: true },
    { label: t('settings.encryption'), value: t(`enc.${s.encryption}`), literal: false },
  ];
  if (s.authentication)
    rows.push({ label: t('settings.authentication'), value: t(`auth.${s.authentication}`), literal: false });
  if (s.username) rows.push({ label: t('settings.username'), value: s.username, literal: true });
  return { title: t('render.settings'), rows };
}
