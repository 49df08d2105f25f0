import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';

/** A loopback port that was free a moment ago: nothing listens there, so a connection is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('popbot discord register when Discord cannot be reached', () => {
  it('says which service could not be reached, never that Discord refused, and exits 3', async () => {
    const port = await closedPort();
    const run = await runCli(['discord', 'register'], {
      env: {
        DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.Gabcde.fake-token-for-tests-0123456789',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/could not reach Discord \(127\.0\.0\.1:\d+: ECONNREFUSED\)/);
    expect(run.stderr).not.toMatch(/refused the registration/);
    expect(run.stderr).not.toMatch(/fake-token/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
