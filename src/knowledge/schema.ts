import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Zod from 'zod';

/**
 * The shape of one knowledge-base entry (`knowledge/entries/<area>/<id>.yaml`).
 * knowledge/README.md documents every field for contributors; keep the two in step.
 */

export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CATEGORY_CODE = /^(?:[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*|unknown)$/;
/**
 * `RETR` (with or without arguments), `RETR <arg>` (with), `LIST <none>` (without), `AUTH XOAUTH2` (with this
 * first argument), `GREETING`.
 */
export const COMMAND_SPEC = /^[A-Z][A-Z0-9]*(?: <arg>| <none>| [A-Z0-9][A-Z0-9-]*)?$/;
export const RESPONSE_CODE = /^[A-Z0-9][A-Z0-9-]*(?:\/[A-Z0-9][A-Z0-9-]*)*$/;

/**
 * The zod schemas. zod is loaded on first use only: a start from the build's cache of validated entries
 * never needs it, and importing it is a third of popbot's start-up time.
 */
function defineSchemas(z: typeof Zod.z) {
  const text = z.string().trim().min(1);
  const list = z.array(text).min(1);

  const LocalizedEntrySchema = z.strictObject({
    title: text,
    meaning: text,
    causes: list,
    userSteps: list,
    adminSteps: list,
  });

  const ReferenceSchema = z.strictObject({
    rfc: z.number().int().positive(),
    section: z.string().regex(/^[0-9A-Z]+(?:\.[0-9]+)*$/, 'a section number such as "7" or "4.2"'),
    note: z.string().optional(),
  });

  const ExampleSchema = z.strictObject({
    /** The line exactly as it was seen (the whole line a user would paste). */
    text: text,
    /** Where it was seen: a server's source file, a bug report, a recorded session, a seed article. */
    source: text,
    /** The command this reply answered, when the example needs that context (`PASS`, `RETR 9`). */
    command: z.string().optional(),
  });

  const MatchSchema = z.strictObject({
    /** Regular expressions over the normalised text (case-, accent- and quote-insensitive, single spaces). */
    patterns: z.array(z.string().min(2)).default([]),
    /** RFC 2449 extended response codes (`IN-USE`, `SYS/TEMP`); alone, they make a code-only fallback entry. */
    responseCodes: z.array(z.string().regex(RESPONSE_CODE)).default([]),
    /** The commands this reply may answer; a reply to another known command never matches this entry. */
    commands: z
      .array(
        z
          .string()
          .regex(COMMAND_SPEC, 'a command such as "RETR", "RETR <arg>", "LIST <none>" or "AUTH XOAUTH2"'),
      )
      .default([]),
    /** A context-only fallback: any `-ERR` to one of `commands` that no wording entry explains. */
    bare: z.boolean().default(false),
    /**
     * The patterns mean this entry only in reply to one of `commands`: "Authentication failed" is a refused
     * OAuth2 token after AUTH XOAUTH2, a refused password after PASS. Where the command is not shown (a reply
     * pasted alone, quoted in prose), the entry does not apply.
     */
    requiresCommand: z.boolean().default(false),
    /**
     * A program's summary of a failure that the lines around it describe (fetchmail's "Query status=2
     * (SOCKET)"): explained only when no other finding stands beside it.
     */
    summary: z.boolean().default(false),
    /** Breaks ties between entries that match the same line equally well; higher wins. */
    priority: z.number().int().min(-100).max(100).default(0),
  });

  const EntrySchema = z
    .strictObject({
      id: z.string().regex(ENTRY_ID, 'lowercase words joined by "-"'),
      /** The entry this one takes its unwritten fields from (resolved before validation; see inherit.ts). */
      like: z.string().regex(ENTRY_ID).optional(),
      category: z.string().regex(CATEGORY_CODE),
      /**
       * server: the text after `-ERR` (or the seed's `-SE TROMPER`) in a server reply;
       * client: a whole line written by a mail program, library, or server log;
       * reply: a server line that is neither `+OK` nor `-ERR` (an SMTP or IMAP greeting, garbage);
       * log: a POP server's own log line (the message after its syslog or timestamp header).
       */
      kind: z.enum(['server', 'client', 'reply', 'log']),
      /** The servers, clients or specifications that produce this wording. */
      producers: list,
      match: MatchSchema,
      /** Whether retrying later, without changing anything, is expected to help. */
      retry: z.boolean(),
      references: z.array(ReferenceSchema).default([]),
      examples: z.array(ExampleSchema).min(1),
      en: LocalizedEntrySchema,
      fr: LocalizedEntrySchema,
      vi: LocalizedEntrySchema,
    })
    .superRefine((entry, ctx) => {
      const m = entry.match;
      if (m.bare && (m.commands.length === 0 || m.patterns.length > 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['match', 'bare'],
          message: 'a bare entry lists commands and no patterns',
        });
      }
      if (m.requiresCommand && m.commands.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['match', 'requiresCommand'],
          message: 'an entry that requires its command lists commands',
        });
      }
      if (!m.bare && m.patterns.length === 0 && (entry.kind !== 'server' || m.responseCodes.length === 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['match', 'patterns'],
          message: 'needs patterns (or, for a server entry, responseCodes alone, or bare: true with commands)',
        });
      }
    });


  const CategorySchema = z.strictObject({
    code: z.string().regex(CATEGORY_CODE),
    en: z.strictObject({ name: text, meaning: text }),
    fr: z.strictObject({ name: text, meaning: text }),
    vi: z.strictObject({ name: text, meaning: text }),
  });
  const CategoriesFileSchema = z.strictObject({ categories: z.array(CategorySchema).min(1) });
  return {
    LocalizedEntrySchema,
    ReferenceSchema,
    ExampleSchema,
    MatchSchema,
    EntrySchema,
    CategorySchema,
    CategoriesFileSchema,
  };
}

type Schemas = ReturnType<typeof defineSchemas>;
let schemas: Schemas | undefined;

export function knowledgeSchemas(): Schemas {
  schemas ??= defineSchemas((createRequire(import.meta.url)('zod') as typeof Zod).z);
  return schemas;
}

// The bundled CLI (scripts/bundle.mjs) is told the fingerprint of dist/src/knowledge/schema.js, the module
// it bundles, so that it trusts the same cache as the unbundled code.
declare const POPBOT_SCHEMA_FINGERPRINT: string | undefined;

/** Changes whenever this file does: a cache validated under another schema is not trusted. */
export function schemaFingerprint(): string {
  if (typeof POPBOT_SCHEMA_FINGERPRINT === 'string') return POPBOT_SCHEMA_FINGERPRINT;
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex');
}

export type Entry = Zod.infer<Schemas['EntrySchema']>;
export type LocalizedEntry = Zod.infer<Schemas['LocalizedEntrySchema']>;
export type Reference = Zod.infer<Schemas['ReferenceSchema']>;
export type Category = Zod.infer<Schemas['CategorySchema']>;
