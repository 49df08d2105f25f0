import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SafePayload } from '../../adapters/discord/ports.js';
import { parsePopcheckArgs } from '../../src/chat/popcheck-args.js';
import { parseTarget } from '../../src/probe/target.js';
import { targetHasCredentials } from '../../src/secrets/index.js';
import { makeBot } from '../discord/bot-fixture.js';
import { apiSlash, opt, slashFrom } from '../discord/fakes.js';
import { type Harness, settle, startHarness } from '../slack/harness.js';
import { postCommand } from '../slack/signed.js';
import { runCli } from '../support/cli-io.js';

/**
 * A probe target with a password in it (`joe:Hunter2@pop.example.org`) is refused before anything echoes it,
 * on every surface, with a change-your-password warning; nothing is probed.
 */

const PASSWORD = 'Hunter2-Tgt';
const TARGETS = [
  `joe:${PASSWORD}@pop.example.org`,
  `pop3s://joe:${PASSWORD}@pop.example.org`,
  `joe@example.org:${PASSWORD}@pop.example.org`,
  `<mailto:joe:${PASSWORD}@pop.example.org|joe:${PASSWORD}@pop.example.org>`,
];

describe('targetHasCredentials', () => {
  it.each(TARGETS)('finds the password in %s', (target) => {
    expect(targetHasCredentials(target)).toBe(true);
    expect(parsePopcheckArgs(target)).toEqual({ ok: false, error: 'password-in-command' });
  });

  it.each([
    'pop.example.org',
    'pop.example.org:995',
    'joe@example.org',
    '[::1]:110',
    'fe80::1',
    'joe@[::1]:995',
  ])('accepts %s', (target) => {
    expect(targetHasCredentials(target)).toBe(false);
  });

  it('is refused by the probe itself too, whoever calls it', () => {
    expect(parseTarget(`joe:${PASSWORD}@pop.example.org`)).toBeUndefined();
  });
});

describe('popbot check with credentials in the target', () => {
  it.each(TARGETS.slice(0, 3))(
    'refuses %s: usage exit, a password warning, nothing echoed',
    async (target) => {
      const run = await runCli(['check', target], { env: { NO_COLOR: '1' } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('change that password now');
      expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    },
  );
});

describe('/popcheck with credentials in the target', () => {
  it('the shell refuses it and warns to change the password', async () => {
    const run = await runCli(['shell'], {
      stdin: `/popcheck joe:${PASSWORD}@pop.example.org\n`,
      env: { NO_COLOR: '1' },
    });
    expect(run.stdout).toContain('Change that password now');
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    expect(run.stdout).not.toMatch(/Checking/);
  });

  it('Discord refuses it ephemerally, probes nothing, logs nothing of it', async () => {
    const { bot, probes, logs } = makeBot();
    const slash = slashFrom(apiSlash('popcheck', [opt.string('host', `joe:${PASSWORD}@pop.example.org`)]));
    await bot.onSlashCommand(slash);
    const reply = slash.calls[0]?.payload as SafePayload & { flags?: number };
    expect(reply.content).toContain('Change that password now');
    expect(JSON.stringify(slash.calls) + logs.join('')).not.toContain(PASSWORD);
    expect(probes).toEqual([]);
  });

  describe('in Slack', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('is refused in a reply only the user sees, never posted in the channel', async () => {
      await postCommand(h.eventsUrl, {
        token: 'legacy',
        team_id: 'T0TEAM',
        channel_id: 'C0CHAN',
        user_id: 'U0CRED',
        command: '/popcheck',
        text: `joe:${PASSWORD}@pop.example.org public`,
        response_url: h.slack.responseUrl('cred'),
        trigger_id: 'trigger-cred',
      });
      const deadline = Date.now() + 10_000;
      while (h.slack.responses('cred').length === 0 && Date.now() < deadline) await settle(25);
      const [refusal] = h.slack.responses('cred');
      expect(String(refusal?.body.text)).toContain('Change that password now');
      expect(refusal?.body.response_type).not.toBe('in_channel');
      await settle();
      expect(h.slack.calls.some((c) => c.raw.includes(PASSWORD))).toBe(false);
      expect(h.logs()).not.toContain(PASSWORD);
    });
  });
});
