import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, Row } from '../lib/context.js';
import { findDovecot, startDovecot } from '../lib/dovecot.js';
import { timedRun } from '../lib/proc.js';
import { skipped } from '../lib/report.js';
import { formatDuration, formatRatio, median } from '../lib/stats.js';

const MAX_RATIO = 1;

function findCurl(): string | undefined {
  return ['/usr/bin/curl', '/usr/local/bin/curl'].find((p) => existsSync(p));
}

export const checkDovecot: Row = {
  id: 'check-dovecot',
  figure: 'popbot check vs local Dovecot (pop3s: TLS, CAPA, login, STAT, QUIT)',
  target: '≤ 1.0× curl',
  async run(ctx: BenchContext) {
    const dovecot = findDovecot();
    const curl = findCurl();
    if (!existsSync(join(ctx.root, 'dist', 'src', 'cli', 'check.js'))) {
      return skipped(this.id, this.figure, this.target, 'popbot check is not built (dist/src/cli/check.js)');
    }
    if (!dovecot) return skipped(this.id, this.figure, this.target, 'dovecot not installed (dovecot-pop3d)');
    if (!curl) return skipped(this.id, this.figure, this.target, 'curl not installed');
    const pairs = ctx.quick ? 3 : 20;
    ctx.progress.update('check-dovecot: starting Dovecot');
    const server = await startDovecot(dovecot);
    try {
      const port = String(server.tlsPort);
      // Both sides skip verification of the throwaway self-signed certificate the same way.
      const popbot = [
        join(ctx.root, 'bin', 'popbot.js'),
        'check',
        '127.0.0.1',
        '--port',
        port,
        '--tls',
        'implicit',
        '--user',
        server.user,
        '--password-stdin',
        '--insecure',
        '--allow-private',
        '--lang',
        'en',
      ];
      // curl with no path on a pop3s URL logs in and sends LIST.
      const curlArgs = [
        '-s',
        '--insecure',
        '-u',
        `${server.user}:${server.password}`,
        `pop3s://127.0.0.1:${port}/`,
      ];
      const env = { ...process.env, NO_COLOR: '1' };
      const runPopbot = async () => {
        const run = await timedRun(process.execPath, popbot, {
          env,
          input: `${server.password}\n`,
          timeoutMs: 30_000,
        });
        // 0 OK or 1 WARNING (the self-signed certificate); anything else means the check did not get through.
        if (run.code !== 0 && run.code !== 1)
          throw new Error(
            `popbot check exited with ${run.code}: ${run.stdout.split('\n').slice(-3).join(' ')}`,
          );
        return run;
      };
      const runCurl = async () => {
        const run = await timedRun(curl, curlArgs, { env, timeoutMs: 30_000 });
        if (run.code !== 0) throw new Error(`curl exited with ${run.code}`);
        return run;
      };
      const first = await runPopbot();
      await runCurl();
      const ours: number[] = [];
      const ref: number[] = [];
      const nodeFloor: number[] = [];
      for (let i = 0; i < pairs; i++) {
        ctx.progress.update(`check-dovecot: pair ${i + 1}/${pairs}`);
        if (i % 2 === 0) {
          ours.push((await runPopbot()).ms);
          ref.push((await runCurl()).ms);
        } else {
          ref.push((await runCurl()).ms);
          ours.push((await runPopbot()).ms);
        }
        // Any Node CLI pays this before its first line of code: the floor under popbot's figure.
        nodeFloor.push((await timedRun(process.execPath, ['-e', '0'], { env })).ms);
      }
      const ratio = median(ours.map((ms, i) => ms / (ref[i] as number)));
      return {
        id: this.id,
        figure: this.figure,
        ours: `median ${formatDuration(median(ours))}`,
        reference: `curl -s pop3s (login + LIST): ${formatDuration(median(ref))}`,
        ratio: formatRatio(ratio),
        target: this.target,
        status: ratio <= MAX_RATIO ? 'pass' : 'fail',
        metrics: {
          pairs,
          popbotExitCode: first.code,
          popbotMs: ours,
          curlMs: ref,
          nodeStartMs: nodeFloor,
          nodeStartMedianMs: median(nodeFloor),
          medianPairRatio: ratio,
        },
      };
    } finally {
      ctx.progress.update('check-dovecot: stopping Dovecot');
      await server.stop();
    }
  },
};
