import { describe, expect, it } from 'vitest';
import { makeBot } from './bot-fixture.js';
import { apiSlash, opt, slashFrom } from './fakes.js';

/** What Discord shows a user is the command name of their client's locale: replies use the same names. */
describe('replies name the commands the way the user sees them in Discord', () => {
  const usageIn = async (locale: 'fr' | 'vi' | 'en-US') => {
    const { bot } = makeBot();
    // An empty host is a usage error: the reply tells how to run /popcheck.
    const i = slashFrom(apiSlash('popcheck', [opt.string('host', '')], { locale }));
    await bot.onSlashCommand(i);
    const reply = i.calls.find((c) => c.method === 'reply');
    return String((reply?.payload as { content?: string } | undefined)?.content ?? '');
  };

  it('French clients see /vérifier-pop, Vietnamese /kiểm-tra-pop, others /popcheck', async () => {
    expect(await usageIn('fr')).toMatch(/\/vérifier-pop HÔTE/);
    expect(await usageIn('fr')).not.toMatch(/\/popcheck/);
    expect(await usageIn('vi')).toMatch(/\/kiểm-tra-pop MÁY_CHỦ/);
    expect(await usageIn('en-US')).toMatch(/\/popcheck HOST/);
  });

  it('the help names /erreur-pop and /vérifier-pop for a French client', async () => {
    const { bot } = makeBot();
    const i = slashFrom(apiSlash('poperror', [opt.string('text', 'help')], { locale: 'fr' }));
    await bot.onSlashCommand(i);
    const content = String(
      (i.calls.find((c) => c.method === 'reply')?.payload as { content?: string } | undefined)?.content ?? '',
    );
    expect(content).toMatch(/\/erreur-pop/);
    expect(content).toMatch(/\/vérifier-pop/);
    expect(content).not.toMatch(/\/pop(check|error)\b/);
  });
});
