import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogSecrets } from '../../src/explain/log-scan/log-secrets.js';
import { loadCapturedCases } from '../../src/knowledge/evaluate.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { maskSecrets } from '../../src/secrets/index.js';

/** Lines masked one at a time, as the log summary masks what follows the start it reads whole. */
function lineByLine(text: string): string[] {
  const lines = text.split('\n');
  const secrets = new LogSecrets(lines);
  return lines.map((line) => secrets.mask(line));
}

describe('LogSecrets', () => {
  it("masks line by line what explain's whole-paste pass masks (every captured text)", () => {
    const cases = loadCapturedCases(join(projectRoot(), 'test', 'fixtures', 'captured'));
    let masked = 0;
    let echoedBefore = 0;
    for (const { text } of cases) {
      const whole = maskSecrets(text).text.split('\n');
      const lines = lineByLine(text);
      if (whole.join('\n') !== text) masked++;
      // Only a pass that reads the whole paste masks an echo written before its secret (a user name that holds
      // the password): such lines come before the first secret the line-by-line pass met.
      const firstSecret = lines.findIndex((line, i) => line !== text.split('\n')[i]);
      const differ = lines.flatMap((line, i) => (line === whole[i] ? [] : [i]));
      if (differ.length > 0) echoedBefore++;
      for (const i of differ) expect(firstSecret < 0 || i < firstSecret, text).toBe(true);
    }
    expect(masked).toBeGreaterThan(20);
    expect(echoedBefore).toBeLessThan(masked / 10);
  });

  it('keeps masking echoes of the longest secrets after thousands of others, in bounded memory', () => {
    const lines = ['C: USER alice', 'C: PASS correct-horse-battery-staple'];
    for (let i = 0; i < 5000; i++) lines.push(`C: PASS pw${i}x`);
    lines.push('S: -ERR wrong password correct-horse-battery-staple');
    const masked = lineByLine(lines.join('\n'));
    expect(masked.at(-1)).toBe('S: -ERR wrong password ****');
    expect(masked.at(-1)).toBe(maskSecrets(lines.join('\n')).text.split('\n').at(-1));
  });
});
