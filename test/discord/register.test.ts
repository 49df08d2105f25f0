import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDiscordCommand } from '../../src/cli/discord-command.js';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { ConfigError } from '../../src/config/config.js';
import { FakeDiscordRest } from '../support/fake-discord-rest.js';
import { APP_ID, FAKE_TOKEN, GUILD_ID } from './fakes.js';

function cliIO(env: NodeJS.ProcessEnv): CliIO & { out: () => string; err: () => string } {
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const stdout = sink();
  const stderr = sink();
  return {
    stdin: new PassThrough(),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env,
    out: stdout.text,
    err: stderr.text,
  };
}

/** What Discord must receive, written out in full: names, descriptions and their fr / vi localisations. */
function expectedCommands(chatLogin: boolean) {
  const where = { contexts: [0, 1], integration_types: [0] };
  const pub = {
    type: 5,
    name: 'public',
    name_localizations: { fr: 'public', vi: 'công-khai' },
    description: 'Show the answer to the whole channel (default: only you see it)',
    description_localizations: {
      fr: 'Montrer la réponse à tout le salon (par défaut\u00a0: vous seul la voyez)',
      vi: 'Hiện câu trả lời cho cả kênh (mặc định: chỉ mình bạn thấy)',
    },
  };
  const user = {
    type: 3,
    name: 'user',
    name_localizations: { fr: 'utilisateur', vi: 'tài-khoản' },
    description: 'User name to test a login with; I ask for the password in a form',
    description_localizations: {
      fr: 'Identifiant pour tester la connexion\u202f; le mot de passe est demandé dans un formulaire',
      vi: 'Tên người dùng để thử đăng nhập; mật khẩu sẽ được hỏi trong một biểu mẫu',
    },
    max_length: 254,
  };
  return [
    {
      type: 1,
      name: 'popcheck',
      name_localizations: { fr: 'vérifier-pop', vi: 'kiểm-tra-pop' },
      description: 'Check a POP server live: DNS, TLS and certificate, greeting, capabilities',
      description_localizations: {
        fr: 'Teste un serveur POP en direct\u00a0: DNS, TLS et certificat, accueil, capacités',
        vi: 'Kiểm tra trực tiếp máy chủ POP: DNS, TLS và chứng chỉ, lời chào, các tính năng',
      },
      options: [
        {
          type: 3,
          name: 'host',
          name_localizations: { fr: 'hôte', vi: 'máy-chủ' },
          description: 'POP server host name, IP address, or an email address to find its server',
          description_localizations: {
            fr: 'Nom d’hôte ou adresse IP du serveur POP, ou une adresse e-mail pour trouver son serveur',
            vi: 'Tên máy chủ hoặc địa chỉ IP của máy chủ POP, hoặc địa chỉ email để tìm máy chủ',
          },
          required: true,
          max_length: 254,
        },
        {
          type: 4,
          name: 'port',
          name_localizations: { fr: 'port', vi: 'cổng' },
          description: 'Port to check (default: 995 with TLS, then 110 with STARTTLS)',
          description_localizations: {
            fr: 'Port à tester (par défaut\u00a0: 995 avec TLS, puis 110 avec STARTTLS)',
            vi: 'Cổng cần kiểm tra (mặc định: 995 với TLS, rồi 110 với STARTTLS)',
          },
          min_value: 1,
          max_value: 65535,
        },
        ...(chatLogin ? [user] : []),
        pub,
      ],
      ...where,
    },
    {
      type: 1,
      name: 'poperror',
      name_localizations: { fr: 'erreur-pop', vi: 'lỗi-pop' },
      description: 'Explain a pasted POP error, or show a knowledge-base entry by its code',
      description_localizations: {
        fr: 'Explique une erreur POP collée, ou affiche une entrée de la base par son code',
        vi: 'Giải thích lỗi POP được dán vào, hoặc xem một mục trong cơ sở tri thức theo mã',
      },
      options: [
        {
          type: 3,
          name: 'text',
          name_localizations: { fr: 'texte', vi: 'nội-dung' },
          description: 'The error line or session to explain, or an entry code such as mailbox.locked',
          description_localizations: {
            fr: 'La ligne d’erreur ou la session à expliquer, ou un code d’entrée comme mailbox.locked',
            vi: 'Dòng lỗi hoặc phiên làm việc cần giải thích, hoặc mã mục như mailbox.locked',
          },
          required: true,
          max_length: 6000,
        },
        pub,
      ],
      ...where,
    },
    {
      type: 3,
      name: 'Explain POP error',
      name_localizations: { fr: 'Expliquer l’erreur POP', vi: 'Giải thích lỗi POP' },
      ...where,
    },
  ];
}

describe('popbot discord register (against a fake Discord REST API on 127.0.0.1)', () => {
  let rest: FakeDiscordRest;
  beforeEach(async () => {
    rest = await new FakeDiscordRest().start();
  });
  afterEach(async () => {
    await rest.close();
  });

  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: rest.api,
    ...extra,
  });

  it('with DISCORD_GUILD_ID, overwrites the guild commands with the exact payload', async () => {
    const io = cliIO(env({ DISCORD_GUILD_ID: GUILD_ID }));
    expect(await runDiscordCommand(['register'], io)).toBe(0);
    expect(rest.calls).toHaveLength(1);
    const [call] = rest.calls;
    expect(call!.method).toBe('PUT');
    expect(call!.path).toBe(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(call!.headers.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    expect(call!.body).toEqual(expectedCommands(false));
    expect(io.out()).toBe(`Registered 3 commands in guild ${GUILD_ID}.\n`);
    expect(io.out() + io.err()).not.toContain(FAKE_TOKEN);
  });

  it('without DISCORD_GUILD_ID, registers globally; POPBOT_CHAT_LOGIN=true adds the user option', async () => {
    const io = cliIO(env({ POPBOT_CHAT_LOGIN: 'true', LANG: 'fr_FR.UTF-8' }));
    expect(await runDiscordCommand(['register'], io)).toBe(0);
    const [call] = rest.calls;
    expect(call!.path).toBe(`/api/v10/applications/${APP_ID}/commands`);
    expect(call!.body).toEqual(expectedCommands(true));
    expect(io.out()).toBe('3 commandes enregistrées globalement.\n');
  });

  it('a token Discord rejects (401) exits 2 with a message that does not repeat the token', async () => {
    rest.handle = () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const io = cliIO(env());
    expect(await runDiscordCommand(['register'], io)).toBe(2);
    expect(io.err()).toMatch(/Discord refused the registration: .*Unauthorized/);
    expect(io.out() + io.err()).not.toContain(FAKE_TOKEN);
  });

  it('a 429 with Retry-After is waited out and retried, as Discord asks', async () => {
    let first = true;
    rest.handle = (call) => {
      if (first) {
        first = false;
        return {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
          headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
        };
      }
      return { status: 200, body: call.body };
    };
    const io = cliIO(env({ DISCORD_GUILD_ID: GUILD_ID }));
    expect(await runDiscordCommand(['register'], io)).toBe(0);
    expect(rest.calls.map((c) => c.method)).toEqual(['PUT', 'PUT']);
  });

  it('a missing application id is a ConfigError naming DISCORD_APPLICATION_ID; `popbot` exits 2', async () => {
    const bad = { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: rest.api };
    await expect(runDiscordCommand(['register'], cliIO(bad))).rejects.toThrow(ConfigError);
    const io = cliIO(bad);
    expect(await main(['discord', 'register'], io)).toBe(2);
    expect(io.err()).toContain('DISCORD_APPLICATION_ID');
    expect(io.err()).not.toContain(FAKE_TOKEN);
    expect(rest.calls).toEqual([]);
  });

  it('an unknown subcommand is a usage error (exit 2)', async () => {
    const io = cliIO(env());
    expect(await main(['discord', 'deploy'], io)).toBe(2);
    expect(io.err()).toContain('popbot discord register');
  });
});
