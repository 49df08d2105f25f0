import { explain } from '../../src/explain/explain.js';
import { Prng } from '../lib/prng.js';
import type { Examples, ServerExample } from './examples.js';

/**
 * The "one paste": a 40-line, ~4 KB C:/S: transcript (the shape people paste from a mail program's
 * log) holding exactly two -ERR replies taken from the knowledge base's examples, each after the command
 * it answered. Deterministic for a seed; validated by explaining it once.
 */
export const PASTE_LINES = 40;
export const PASTE_BYTES = 4096;

const AUTH_VERBS = new Set(['USER', 'PASS', 'APOP', 'AUTH', 'STLS', 'CAPA']);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(prng: Prng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += B64[prng.int(0, 63)];
  return s;
}

const HEADERS = [
  'Return-Path: <newsletter@lists.example.org>',
  'Delivered-To: alice@example.net',
  'Received: from mx2.example.org (mx2.example.org [198.51.100.24]) by mail.example.net (Postfix) with ESMTPS id 4Xq9Zk1Lm3z9sN for <alice@example.net>; Sat, 22 Nov 2026 10:00:01 +0100 (CET)',
  'Received: from localhost (localhost [127.0.0.1]) by mx2.example.org (Postfix) with ESMTP id 8F2A1C0D3E for <alice@example.net>; Sat, 22 Nov 2026 09:59:58 +0100 (CET)',
  'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=2026; t=1795337998; bh=',
  'Authentication-Results: mail.example.net; dkim=pass header.d=example.org; spf=pass smtp.mailfrom=lists.example.org; dmarc=pass',
  'Message-ID: <20261122085958.8F2A1C0D3E@mx2.example.org>',
  'Date: Sat, 22 Nov 2026 09:59:58 +0100',
  'From: "Example Lists" <newsletter@lists.example.org>',
  'To: alice@example.net',
  'Subject: Your weekly digest: 14 new posts in the mail-admins forum',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="----=_Part_8812_1953727432.1795337998"',
  'List-Unsubscribe: <https://lists.example.org/unsubscribe?u=alice%40example.net&l=weekly>',
];

function pickErrors(prng: Prng, examples: Examples): [ServerExample, ServerExample] {
  const a = prng.pick(examples.server);
  let b = prng.pick(examples.server);
  while (b.entry === a.entry) b = prng.pick(examples.server);
  return [a, b];
}

function build(prng: Prng, errors: [ServerExample, ServerExample]): string[] {
  const early = errors.filter((e) => AUTH_VERBS.has(e.command.split(' ')[0] ?? ''));
  const late = errors.filter((e) => !early.includes(e));
  const head = [
    'S: +OK Dovecot (Debian) ready. <4821.1.6f3a9c2e1b7d0a55@mail.example.net>',
    'C: CAPA',
    'S: +OK',
    'S: CAPA',
    'S: TOP',
    'S: UIDL',
    'S: RESP-CODES',
    'S: PIPELINING',
    'S: AUTH-RESP-CODE',
    'S: USER',
    'S: SASL PLAIN LOGIN',
    'S: .',
  ];
  const failedAuth = early.flatMap((e) => [`C: ${e.command}`, `S: ${e.line}`]);
  const login = ['C: USER alice@example.net', 'S: +OK', 'C: PASS Tr0ub4dor&3', 'S: +OK Logged in.'];
  const listing = [
    'C: STAT',
    'S: +OK 2 7210',
    'C: LIST',
    'S: +OK 2 messages:',
    'S: 1 3412',
    'S: 2 3798',
    'S: .',
  ];
  const lateErrors = late.flatMap((e) => [`C: ${e.command}`, `S: ${e.line}`]);
  const tail = ['C: QUIT', 'S: +OK Logging out.'];
  const fixed = [
    ...head,
    ...failedAuth,
    ...login,
    ...listing,
    'C: RETR 1',
    'S: +OK 3412 octets',
    ...lateErrors,
    ...tail,
  ];
  const bodyLines = PASTE_LINES - fixed.length - 1; // the lone "." closes the message
  const used = fixed.reduce((n, l) => n + l.length + 1, 0) + 2;
  const perLine = Math.max(20, Math.floor((PASTE_BYTES - used) / Math.max(1, bodyLines)) - 1);
  const body: string[] = [];
  for (let i = 0; i < bodyLines; i++) {
    let header = HEADERS[i % HEADERS.length] ?? '';
    const want = perLine - 3;
    // Folded signature data makes up the length, as in a real message's headers.
    if (header.length < want)
      header = `${header}${header.endsWith('=') ? '' : ' '}${base64(prng, want - header.length - 1)}`;
    body.push(`S: ${header.slice(0, want)}`);
  }
  const retrAt = fixed.indexOf('S: +OK 3412 octets') + 1;
  return [...fixed.slice(0, retrAt), ...body, 'S: .', ...fixed.slice(retrAt)];
}

export interface Paste {
  text: string;
  errors: [ServerExample, ServerExample];
}

/** Draws pairs of examples until the paste explains to exactly those two findings. */
export function generatePaste(examples: Examples, seed: number): Paste {
  const prng = new Prng(seed);
  for (let attempt = 0; attempt < 200; attempt++) {
    const errors = pickErrors(prng, examples);
    const text = build(prng, errors).join('\n');
    const result = explain(text, { lang: 'en' }, examples.kb);
    const found = result.findings.map((f) => f.entry);
    if (found.length === 2 && found.includes(errors[0].entry) && found.includes(errors[1].entry)) {
      return { text, errors };
    }
  }
  throw new Error('could not generate a paste that explains to its two errors');
}
