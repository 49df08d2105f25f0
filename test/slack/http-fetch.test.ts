import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptAliveFetch } from '../../adapters/slack/http-fetch.js';
import { unreachable } from '../../src/runtime/unreachable.js';

let server: Server;
let base: string;
const seen: {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: number;
}[] = [];
const sockets = new WeakMap<object, number>();
let socketCount = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, ++socketCount);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        socket: sockets.get(req.socket) ?? 0,
      });
      if (req.url === '/moved') {
        res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('late'), 2000);
      } else if (req.url === '/limited') {
        res.writeHead(429, { 'retry-after': '7', 'set-cookie': ['a=1', 'b=2'] }).end('{"ok":false}');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"ts":"1.2"}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('keptAliveFetch (the Web API client’s fetch)', () => {
  it('posts the form body and headers as given and returns a Response with status, headers and JSON', async () => {
    const fetch = keptAliveFetch();
    const res = await fetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
      body: 'channel=C1&text=h%C3%A9',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true, ts: '1.2' });
    const call = seen.at(-1)!;
    expect(call).toMatchObject({
      method: 'POST',
      url: '/api/chat.postMessage',
      body: 'channel=C1&text=h%C3%A9',
    });
    expect(call.headers.authorization).toBe('Bearer xoxb-1');
  });

  it('keeps the connection alive from one request to the next', async () => {
    const fetch = keptAliveFetch();
    for (let i = 0; i < 3; i++) await (await fetch(`${base}/api/x`, { method: 'POST', body: 'a=1' })).text();
    const last = seen.slice(-3).map((c) => c.socket);
    expect(new Set(last).size).toBe(1);
  });

  it('hands a 429 over as it is, Retry-After and repeated headers included', async () => {
    const res = await keptAliveFetch()(`${base}/limited`, { method: 'POST', body: '' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
  });

  it('refuses to follow a redirect (the bot token never goes to another host)', async () => {
    await expect(keptAliveFetch()(`${base}/moved`, { method: 'POST', redirect: 'error' })).rejects.toThrow(
      /redirected/,
    );
    expect(seen.some((c) => c.url === '/elsewhere')).toBe(false);
  });

  it('a refused connection fails as fetch does, and reads as "unreachable"', async () => {
    const error = await keptAliveFetch()('http://127.0.0.1:1/api/auth.test', { method: 'POST' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(unreachable(error)).toEqual({ code: 'ECONNREFUSED' });
  });

  it("the client's timeout signal aborts the request, read as a timeout", async () => {
    const error = await keptAliveFetch()(`${base}/slow`, {
      method: 'POST',
      signal: AbortSignal.timeout(100),
    }).catch((e: unknown) => e);
    expect(unreachable(error)).toEqual({ code: 'timeout' });
  });

  it('a body it does not handle (multipart) goes to the fallback fetch', async () => {
    const calls: unknown[] = [];
    const fallback = (async (input: unknown) => {
      calls.push(input);
      return new Response('{}');
    }) as typeof globalThis.fetch;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2])]), 'a.png');
    await keptAliveFetch(fallback)(`${base}/api/files.upload`, { method: 'POST', body: form });
    expect(calls).toEqual([`${base}/api/files.upload`]);
  });
});
