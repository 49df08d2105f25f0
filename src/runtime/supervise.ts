import type { Logger } from 'pino';
import type { AdapterFailure, AdapterHandle, AdapterName } from './adapter-handle.js';

export type StopCause =
  | { kind: 'signal'; signal: NodeJS.Signals }
  | { kind: 'failed'; adapter: AdapterName; failure: AdapterFailure };

/** `process`, as far as signals go. */
export interface SignalSource {
  once(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface SuperviseOptions {
  log: Logger;
  /** How long the adapters may take to stop (replies in flight) before popbot exits anyway. */
  graceMs: number;
  /** Where SIGTERM and SIGINT come from; a test passes its own emitter. */
  signals?: SignalSource;
}

/**
 * What `popbot start` does once its adapters run: wait for SIGTERM/SIGINT or for an adapter to give up for
 * good, whichever comes first; then stop every adapter still running, bounded by `graceMs`. One adapter
 * dying ends the whole bot, so that a supervisor (systemd, a container platform) restarts it and notices.
 */
export async function supervise(adapters: AdapterHandle[], options: SuperviseOptions): Promise<StopCause> {
  const { log } = options;
  const signals: SignalSource = options.signals ?? process;
  let onSignal: ((signal: NodeJS.Signals) => void) | undefined;
  const signalled = new Promise<StopCause>((resolve) => {
    onSignal = (signal) => resolve({ kind: 'signal', signal });
    signals.once('SIGTERM', onSignal);
    signals.once('SIGINT', onSignal);
  });
  const failures = adapters.map((a) =>
    a.failed.then((failure): StopCause => ({ kind: 'failed', adapter: a.name, failure })),
  );
  const cause = await Promise.race([signalled, ...failures]);
  if (onSignal) {
    signals.off('SIGTERM', onSignal);
    signals.off('SIGINT', onSignal);
  }

  if (cause.kind === 'signal') log.info({ signal: cause.signal }, 'shutting down');
  else
    log.error(
      { adapter: cause.adapter, kind: cause.failure.kind, reason: cause.failure.message },
      'an adapter gave up; stopping popbot',
    );
  const others = cause.kind === 'failed' ? adapters.filter((a) => a.name !== cause.adapter) : adapters;
  // The failed adapter is stopped too: it may still hold a socket or a timer.
  const stopping = Promise.allSettled(adapters.map((a) => a.stop()));
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([
    stopping.then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), options.graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!inTime)
    log.warn({ adapters: others.map((a) => a.name) }, 'in-flight work did not finish in time; exiting');
  return cause;
}
