import { ProbeGuard } from '../../src/probe/guard.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { ProbeDeps, ProbeReport, ProbeRequest, ProbeStep, StepName } from '../../src/probe/types.js';

/** A guard for tests on loopback: private addresses and any port allowed, nothing else changed. */
export const loopbackGuard = new ProbeGuard({ allowPrivate: true, ports: 'any' });

export function probe(request: ProbeRequest, deps: ProbeDeps = {}): Promise<ProbeReport> {
  return runProbe(
    { timeouts: { stepMs: 2000, totalMs: 10_000 }, ...request },
    { guard: loopbackGuard, ...deps },
  );
}

export function step(report: ProbeReport, name: StepName, attempt?: number): ProbeStep {
  const found = report.steps.find((s) => s.name === name && (attempt === undefined || s.attempt === attempt));
  if (!found) throw new Error(`no ${name} step in ${JSON.stringify(report.steps.map((s) => s.name))}`);
  return found;
}

export function statuses(report: ProbeReport): string {
  return report.steps.map((s) => `${s.name}:${s.status}`).join(' ');
}
