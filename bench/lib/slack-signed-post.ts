import { createHmac } from 'node:crypto';
import { type Agent, request } from 'node:http';

export interface AckSample {
  /** From the request's end to the response's end: what Slack's 3 s clock sees. */
  ms: number;
  status: number;
}

/** One Events API request to a bot on loopback, signed as Slack signs it (v0, HMAC-SHA256 of the body). */
export function postSignedEvent(
  port: number,
  body: string,
  agent: Agent,
  secret: string,
): Promise<AckSample> {
  return new Promise((resolve, reject) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.statusCode ?? 0 }),
        );
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('no acknowledgement within 10 s')));
    const start = process.hrtime.bigint();
    req.end(body);
  });
}
