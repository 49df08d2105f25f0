import type { Client } from 'discord.js';

/**
 * A discord.js structure (an interaction, a message) built from a gateway payload, as the gateway would
 * build it: discord.js keeps these constructors private, so a test plays the gateway. Its replies then go
 * through discord.js's own REST client, to wherever `client` points (a FakeDiscordRest on 127.0.0.1).
 */
export function fromGateway<T>(cls: { prototype: T }, client: Client, data: unknown): T {
  return Reflect.construct(cls as unknown as new (...args: unknown[]) => T, [client, data]);
}
