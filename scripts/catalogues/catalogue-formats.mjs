// Readers for the message-catalogue formats listed in sources.yaml. Each returns Map<msgid, text>.

import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * printf (%s, %1$S, %ld, %.2f, %.80s), Qt/KDE (%1), Android (%1$s), Objective-C (%@, %1$@: Mailspring),
 * .NET and Evolution ({0}) and Fluent (`{ $hostname }`) placeholders.
 */
export const PLACEHOLDER =
  /%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+|\.\*)?(?:ll|l|h|z)?[sdiucfSxX@]|%\d|\{\d+\}|\{ ?\$[\w-]+ ?\}/g;

/** Every extracted message (data/<tool>.yaml), keyed `tool NUL msgid`, with its catalogue's files. */
export function loadCatalogueData(dir) {
  const messages = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const data = parse(readFileSync(join(dir, file), 'utf8'));
    for (const catalogue of data.catalogues) {
      for (const m of catalogue.messages) {
        messages.set(`${data.tool}\u0000${m.msgid}`, { ...m, files: catalogue.files, tool: data.tool });
      }
    }
  }
  return messages;
}

/** Unquotes one gettext string literal line (`"..."`). */
function poString(line) {
  const body = line.slice(line.indexOf('"') + 1, line.lastIndexOf('"'));
  return body.replace(/\\(["\\ntr])/g, (_, c) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

/**
 * Reads gettext PO text (as `msgunfmt` prints it or as a po/ folder holds it): blocks separated by blank
 * lines. A plural entry is keyed by its singular msgid and takes its first form. Fuzzy, obsolete and
 * untranslated entries are left out.
 */
export function readPo(text) {
  const out = new Map();
  for (const block of text.split(/\n\s*\n/)) {
    const fields = {};
    let field;
    let fuzzy = false;
    for (const line of block.split('\n')) {
      if (line.startsWith('#~')) break;
      if (line.startsWith('#,') && line.includes('fuzzy')) fuzzy = true;
      if (line.startsWith('#')) continue;
      if (line.startsWith('"')) {
        if (field) fields[field] += poString(line);
        continue;
      }
      const m = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[0\])?|msgstr\[\d+\]) /.exec(line);
      field = m ? m[1] : undefined;
      if (field) fields[field] = poString(line);
    }
    const str = fields.msgstr ?? fields['msgstr[0]'];
    if (!fields.msgid || !str || fuzzy) continue;
    out.set(fields.msgctxt !== undefined ? `${fields.msgctxt}\u0004${fields.msgid}` : fields.msgid, str);
  }
  return out;
}

/** Reads a Mozilla .properties file: `key = value`, `\n` and `\uXXXX` escapes, `#` comments. */
export function readProperties(text) {
  const out = new Map();
  for (const line of text.split('\n')) {
    const m = /^\s*([^#!=\s][^=]*?)\s*=\s?(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2]
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\n/g, '\n')
      .replace(/\\(.)/g, '$1');
    out.set(m[1], value);
  }
  return out;
}

/**
 * Reads a Fluent (.ftl) file, Thunderbird's newer catalogues: `id = value`, a value continued on indented
 * lines, attributes (`.title = …`) keyed `id.attr`. Terms (`-brand-short-name`) are kept for the messages
 * that name them and replaced by the product's name; selectors and other placeables stay as written.
 */
export function readFluent(
  text,
  terms = { '-brand-short-name': 'Thunderbird', '-brand-product-name': 'Thunderbird' },
) {
  const out = new Map();
  let id;
  let attr;
  const put = (value) => {
    const key = attr ? `${id}.${attr}` : id;
    const joined = out.has(key) && out.get(key) !== '' ? `${out.get(key)} ${value}` : value;
    out.set(key, joined);
  };
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const message = /^(-?[A-Za-z][\w-]*)\s*=\s?(.*)$/.exec(line);
    if (message) {
      [, id] = message;
      attr = undefined;
      put(message[2].trim());
      continue;
    }
    if (!id || !/^\s/.test(line)) continue;
    const attribute = /^\s+\.([\w-]+)\s*=\s?(.*)$/.exec(line);
    if (attribute) {
      [, attr] = attribute;
      put(attribute[2].trim());
      continue;
    }
    put(line.trim());
  }
  for (const [key, value] of out) {
    const resolved = value.replace(/\{ ?(-[\w-]+) ?\}/g, (whole, term) => terms[term] ?? whole);
    if (key.startsWith('-') || resolved === '') out.delete(key);
    else out.set(key, resolved);
  }
  return out;
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Reads an Android strings.xml: `<string name="k">text</string>`; placeholders' xliff tags are dropped. */
export function readAndroidStrings(text) {
  const out = new Map();
  for (const m of text.matchAll(/<string\s+name="([^"]+)"[^>]*>([\s\S]*?)<\/string>/g)) {
    let value = m[2].replace(/<\/?xliff:g[^>]*>/g, '').trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    value = value
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => XML_ENTITIES[e])
      .replace(/\\n/g, '\n')
      .replace(/\\(['"@?])/g, '$1');
    out.set(m[1], value);
  }
  return out;
}

/**
 * Reads the string literals of a library's source file (its exception and error texts, which it ships in
 * English only). The literal itself is the msgid. Literals without a letter-space-letter run (identifiers,
 * format specifiers, protocol keywords) are not messages and are skipped.
 */
export function readSourceStrings(text) {
  const out = new Map();
  // Comments hold prose with apostrophes, not messages.
  const code = text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/?\*|#)/.test(line))
    .join('\n')
    // One message split over lines ("unable to find valid " + "certification path …") is one literal.
    .replace(/"\s*\+\s*"/g, '');
  for (const m of code.matchAll(/"((?:[^"\\\n]|\\.){8,})"|'((?:[^'\\\n]|\\.){8,})'/g)) {
    const value = (m[1] ?? m[2]).replace(/\\(["'\\])/g, '$1');
    if (/[a-z] [a-z]/i.test(value)) out.set(value, value);
  }
  return out;
}

/**
 * Reads the printable strings of a compiled library (read as latin1): the texts a C library prints, which
 * it ships in English only. Runs without a letter-space-letter run are symbols and tables, not messages.
 */
export function readBinaryStrings(text) {
  const out = new Map();
  for (const m of text.matchAll(/[\x20-\x7e]{8,}/g)) {
    if (/[a-z] [a-z]/i.test(m[0])) out.set(m[0], m[0]);
  }
  return out;
}

/**
 * Reads a compiled Qt translation (.qm, read as latin1): its messages block holds, per message, the context,
 * the English source text and the UTF-16 translation. Keyed `context NUL+4 source` like a gettext msgctxt.
 */
export function readQm(text) {
  const data = Buffer.from(text, 'latin1');
  const out = new Map();
  const u32 = (at) => data.readUInt32BE(at);
  for (let at = 16; at + 5 <= data.length;) {
    const tag = data[at];
    const length = u32(at + 1);
    if (tag === 0x69) readQmMessages(data.subarray(at + 5, at + 5 + length), out);
    at += 5 + length;
  }
  return out;
}

function readQmMessages(block, out) {
  let message = {};
  for (let at = 0; at < block.length;) {
    const tag = block[at++];
    if (tag === 1) {
      if (message.source && message.translation)
        out.set(`${message.context ?? ''}\u0004${message.source}`, message.translation);
      message = {};
      continue;
    }
    const length = block.readUInt32BE(at);
    at += 4;
    if (tag === 5 || tag === 9) continue; // obsolete fields: four bytes, already read as `length`
    if (length === 0xffffffff) continue;
    const bytes = block.subarray(at, at + length);
    at += length;
    if (tag === 3) message.translation = bytes.swap16().toString('utf16le');
    else if (tag === 6) message.source = bytes.toString('utf8');
    else if (tag === 7) message.context = bytes.toString('utf8');
  }
}

/**
 * Reads a nested JSON catalogue (SnappyMail's localization/<lang>/user.json): each string leaf keyed by its
 * path, `NOTIFICATIONS/AuthError`. The languages share the keys, so the English file gives the msgids.
 */
export function readJsonTree(text) {
  const out = new Map();
  const walk = (prefix, node) => {
    if (typeof node === 'string') out.set(prefix, node);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) walk(prefix ? `${prefix}/${key}` : key, value);
  };
  walk('', JSON.parse(text));
  return out;
}

/**
 * Reads a Nextcloud app's l10n/<lang>.json: `{ "translations": { English: translation } }`. The English
 * text is the key (there is no en.json), as in a gettext catalogue; plural forms (arrays) take the first.
 */
export function readNextcloudL10n(text) {
  const out = new Map();
  for (const [en, value] of Object.entries(JSON.parse(text).translations ?? {})) {
    const str = Array.isArray(value) ? value[0] : value;
    if (typeof str === 'string' && str !== '') out.set(en, str);
  }
  return out;
}

/**
 * Reads a PHP array catalogue: Roundcube's `$messages['key'] = 'text';` (program/localization/<lang>/
 * messages.inc, keyed by `key`) and Cypht's `'English' => 'translation',` (language/<lang>.php, keyed by the
 * English text; `=> false` marks an untranslated entry and is skipped). Single- or double-quoted literals.
 */
export function readPhpArray(text) {
  const out = new Map();
  const literal = String.raw`'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"`;
  const unquote = (single, double) =>
    single !== undefined
      ? single.replace(/\\(['\\])/g, '$1')
      : double.replace(/\\(["\\$])/g, '$1').replace(/\\n/g, '\n');
  const assignment = new RegExp(String.raw`\$\w+\[(?:${literal})\]\s*=\s*(?:${literal})\s*;`, 'g');
  for (const m of text.matchAll(assignment)) out.set(unquote(m[1], m[2]), unquote(m[3], m[4]));
  const pair = new RegExp(String.raw`^\s*(?:${literal})\s*=>\s*(?:${literal})\s*,?\s*$`, 'gm');
  for (const m of text.matchAll(pair)) out.set(unquote(m[1], m[2]), unquote(m[3], m[4]));
  return out;
}
