import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../adapters/shell/shell.js';

/** A terminal session: lines written in bursts (a paste arrives at once), with pauses between bursts. */
async function terminal(bursts: string[], pasteIdleMs = 40): Promise<string> {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = Object.assign(new PassThrough(), { isTTY: true });
  const out: string[] = [];
  output.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  const done = runShell({ input, output, lang: 'en', pasteIdleMs });
  for (const burst of bursts) {
    input.write(burst);
    await new Promise((resolve) => setTimeout(resolve, pasteIdleMs * 4));
  }
  input.end();
  await done;
  return out.join('');
}

const LOG_WITH_BLANKS = [
  'Dec  6 10:00:07 mail dovecot: auth: passwd-file(ann,203.0.113.27): Password mismatch',
  '',
  '-ERR [IN-USE] Unable to lock maildrop',
  '',
  '-ERR [IN-USE] Unable to lock maildrop',
  '',
].join('\n');

describe('the shell on a terminal', () => {
  it('answers a paste with blank lines once, not once per block', async () => {
    const out = await terminal([LOG_WITH_BLANKS]);
    expect(out.match(/What it means/g)).toHaveLength(2);
    expect(out).not.toMatch(/No POP error found/);
    expect(out).toMatch(/×2 — lines 3, 5/);
  });

  it('takes a bracketed paste as one message even when it arrives in pieces', async () => {
    const out = await terminal([
      `\u001b[200~${LOG_WITH_BLANKS.slice(0, 60)}`,
      `${LOG_WITH_BLANKS.slice(60)}\u001b[201~\n`,
    ]);
    expect(out.match(/What it means/g)).toHaveLength(2);
    expect(out).toContain('\u001b[?2004h');
    expect(out).toContain('\u001b[?2004l');
  });

  it('answers an unknown /command with the help, not with "No POP error found"', async () => {
    const out = await terminal(['/foo\n']);
    expect(out).toMatch(/Unknown command \/foo\./);
    expect(out).toMatch(/\/popcheck HOST/);
    expect(out).not.toMatch(/No POP error found/);
  });

  it('keeps a pasted path that starts with a slash as part of the message', async () => {
    const out = await terminal(['/var/mail/joe: -ERR [IN-USE] Unable to lock maildrop\n']);
    expect(out).not.toMatch(/Unknown command/);
    expect(out).toMatch(/What it means/);
  });
});
