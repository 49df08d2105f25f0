/**
 * V8 flags the bot runs with (bin/popbot.js's shebang and `npm start` pass them; a test keeps the three in
 * step). A 2 MB young generation keeps a busy bot's memory flat (RSS grew 36 MB over 100 000 explains with
 * V8's default, 8 MB with this) at no measurable cost in speed.
 */
export const BOT_NODE_FLAGS = ['--max-semi-space-size=2'] as const;

/**
 * Environment the bot runs with, set by the same three. Two malloc arenas instead of glibc's eight per core:
 * the OCR worker's and libvips' threads each left an arena of freed memory behind (sharp's documentation
 * advises the same); RSS after eleven screenshots 347 → 289 MB (with sharp's settings in src/ocr/preprocess.ts,
 * 266 MB). Other C libraries ignore it.
 */
export const BOT_ENV = { MALLOC_ARENA_MAX: '2' } as const;
