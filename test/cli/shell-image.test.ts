import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../adapters/shell/shell.js';
import { explain } from '../../src/explain/explain.js';
import { CORPUS_DIR, corpus } from '../../bench/corpus/screenshots.js';

/** A piped shell session: the commands in, everything the shell wrote out once it has left. */
async function session(lines: string[], lang: 'en' | 'fr' = 'en'): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const out: string[] = [];
  output.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  const done = runShell({ input, output, lang });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return out.join('');
}

describe('the shell’s /image', () => {
  const picture = corpus().find((p) => p.style === 'outlook' && p.lang === 'en' && p.theme === 'light')!;

  it('reads a screenshot and gives the findings its text pasted gets', async () => {
    const out = await session([`/image ${join(CORPUS_DIR, picture.file)}`]);
    expect(out).toMatch(/^Read from your screenshot:\n {2}> /);
    const pasted = explain(picture.text, { lang: 'en' });
    expect(pasted.findings.length).toBeGreaterThan(0);
    for (const finding of pasted.findings) expect(out).toContain(finding.title);
  }, 120_000);

  it('answers a bad picture, a missing file and a huge file with one sentence each, never a trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'popbot-shell-image-'));
    const notPicture = join(dir, 'error.png');
    writeFileSync(notPicture, '-ERR [IN-USE] Unable to lock maildrop\n');
    const huge = join(dir, 'huge.png');
    writeFileSync(huge, '');
    truncateSync(huge, 11 * 1024 * 1024); // sparse: refused from its size, never read
    const out = await session(
      [`/image ${notPicture}`, `/image ${join(dir, 'absent.png')}`, `/image ${huge}`, '/image'],
      'fr',
    );
    expect(out).toContain('n’est pas une image que popbot sait lire');
    expect(out).toMatch(/impossible de lire .*absent\.png\u00a0: ENOENT/);
    expect(out).toMatch(/trop volumineuse \(11,0\u00a0Mio\)/);
    expect(out).toContain("Indiquez l'image à lire");
    expect(out).not.toMatch(/\n\s+at /);
  }, 60_000);
});
