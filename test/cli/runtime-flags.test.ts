import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_ENV, BOT_NODE_FLAGS } from '../../src/runtime-flags.js';

const root = join(import.meta.dirname, '..', '..');

describe('the V8 flags and environment the bot runs with', () => {
  it('are passed by the bin script and by npm start alike', () => {
    const shebang = readFileSync(join(root, 'bin', 'popbot.js'), 'utf8').split('\n')[0];
    const start = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    const settings = [
      ...BOT_NODE_FLAGS,
      ...Object.entries(BOT_ENV).map(([name, value]) => `${name}=${value}`),
    ];
    for (const setting of settings) {
      expect(shebang).toContain(setting);
      expect(start).toContain(setting);
    }
  });
});
