/**
 * V8 flags the bot runs with (bin/popbot.js's shebang and `npm start` pass them; a test keeps the three in
 * step). A 2 MB young generation keeps a busy bot's memory flat (RSS grew 36 MB over 100 000 explains with
 * V8's default, 8 MB with this) at no measurable cost in speed.
 */
export const BOT_NODE_FLAGS = ['--max-semi-space-size=2'] as const;
