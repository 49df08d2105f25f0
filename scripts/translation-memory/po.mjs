// A reader of `msgunfmt` output: msgid → msgstr (a plural's first form), context and header left out.
const ESCAPES = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\u0007', b: '\b', f: '\f', v: '\v' };
/** A quoted C string's text: its escapes read one by one. */
function unquote(quoted) {
  const s = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 === s.length) {
      out += s[i];
      continue;
    }
    const c = s[++i];
    out += ESCAPES[c] ?? c;
  }
  return out;
}

/** `[{ msgid, msgstr }]` of a .po text, in file order; empty translations left out. */
export function readPo(text) {
  const out = [];
  let entry = {};
  let field;
  const flush = () => {
    if (entry.msgid && entry.msgstr && !entry.msgctxtOnly)
      out.push({ msgid: entry.msgid, msgstr: entry.msgstr });
    entry = {};
    field = undefined;
  };
  for (const line of text.split('\n')) {
    const m = /^(msgctxt|msgid|msgid_plural|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$/.exec(line);
    if (m) {
      if (m[1] === 'msgctxt' || (m[1] === 'msgid' && entry.msgid !== undefined)) flush();
      const key = m[1] === 'msgstr[0]' ? 'msgstr' : m[1].startsWith('msgstr[') ? 'other' : m[1];
      if (key === 'msgid' && entry.msgid !== undefined) flush();
      field = key;
      entry[field] = unquote(m[3]);
    } else if (/^".*"\s*$/.test(line) && field) {
      entry[field] += unquote(line.trim());
    } else if (line.trim() === '') {
      flush();
    }
  }
  flush();
  return out;
}
