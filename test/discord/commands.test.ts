import {
  type APIModalInteractionResponseCallbackData,
  ApplicationCommandType,
  ComponentType,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/commands.js';
import { loginModal } from '../../adapters/discord/modal.js';
import { LANGS } from '../../src/i18n/lang.js';

// Discord's rules for command and option names (developer docs, "Application Command Naming").
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Commands and options alike, as plain JSON (the shape Discord receives). */
interface Named {
  type: number;
  name: string;
  name_localizations?: Record<string, string | null> | null | undefined;
  description?: string | undefined;
  description_localizations?: Record<string, string | null> | null | undefined;
  options?: Named[] | undefined;
}

const definitions = (chatLogin: boolean) => commandDefinitions({ chatLogin }) as Named[];

function names(def: Named): string[] {
  return [
    def.name,
    ...Object.values(def.name_localizations ?? {}).filter((n): n is string => typeof n === 'string'),
  ];
}

describe('Discord command definitions follow Discord naming rules in every language', () => {
  for (const chatLogin of [false, true]) {
    it(`slash command and option names are lower case, 1-32 allowed characters, descriptions 1-100 (chat login ${chatLogin})`, () => {
      for (const def of definitions(chatLogin)) {
        if (def.type === ApplicationCommandType.Message) {
          for (const n of names(def)) expect(n.length, n).toBeLessThanOrEqual(32);
          expect(def).not.toHaveProperty('description');
          continue;
        }
        const all = [def, ...(def.options ?? [])];
        for (const item of all) {
          for (const n of names(item)) {
            expect(n, n).toMatch(CHAT_INPUT_NAME);
            expect(n, n).toBe(n.toLowerCase());
          }
          const descriptions = [
            item.description ?? '',
            ...Object.values(item.description_localizations ?? {}),
          ];
          for (const d of descriptions) {
            expect(typeof d === 'string' && d.length >= 1 && d.length <= 100, String(d)).toBe(true);
          }
        }
      }
    });
  }

  it('the user option exists only when chat logins are allowed', () => {
    const optionNames = (chatLogin: boolean) =>
      ((commandDefinitions({ chatLogin })[0] as { options: { name: string }[] }).options ?? []).map(
        (o) => o.name,
      );
    expect(optionNames(false)).not.toContain('user');
    expect(optionNames(true)).toContain('user');
  });
});

describe.each(LANGS)('the password form in %s', (lang) => {
  it("fits Discord's modal limits even for a very long user name", () => {
    const modal: APIModalInteractionResponseCallbackData = loginModal(
      'k'.repeat(16),
      `${'u'.repeat(300)}@example.com`,
      lang,
    );
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);
    expect(modal.title.length).toBeLessThanOrEqual(45);
    const label = modal.components.find((c) => c.type === ComponentType.Label)!;
    expect(label.type === ComponentType.Label && label.label.length <= 45).toBe(true);
    expect(label.type === ComponentType.Label && (label.description ?? '').length <= 100).toBe(true);
    const display = modal.components.find((c) => c.type === ComponentType.TextDisplay)!;
    expect(display.type === ComponentType.TextDisplay && display.content.length <= 4000).toBe(true);
  });
});
