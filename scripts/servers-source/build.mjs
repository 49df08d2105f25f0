// Writes a servers-source evaluation set: the -ERR replies of POP3 servers no other set captured, read from
// their source (servers.yaml: repository, commit, greeting; replies.yaml: file, line, the command answered, the
// reply as sent with its format arguments filled, the category decided before popbot saw it). Each reply is
// pasted as users paste it: the bare line; for a seeded half, inside a short session (typed at telnet, or
// with C:/S: marks) that shows the command it answers; for another seeded half, inside a question asked in
// English, French or Vietnamese (the question is this script's own, the reply is the server's).
//
// The split is by the reply's WORDS (wordsKey: status, response code, numbers, quoted values and POP verbs
// folded), seeded, 40 % holdout: one wording is on one side whichever server sends it and however it is pasted.
// Each batch of servers is its own set with its own seed, data folder and questions (SETS below):
// `servers-source` (session 10, the data beside this script), `servers-source-2` (session 11, batch-2/) and
// `servers-source-3` (session 11, batch-3/: its first sight taken after the changes made for servers-source-2).
//
//   node scripts/servers-source/build.mjs [--set servers-source-2] [--check]    # --check: fail if the fixtures on disk differ

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const HOLDOUT_SHARE = 0.4;

// The questions around a pasted reply in a chat, written for each set (French typography: no-break spaces).
const FRAMES_1 = {
  en: [
    (x) => `My mail program stopped downloading mail and the server answers this. What does it mean?\n\n${x}`,
    (x) => `Got this from our POP3 server when I tested it by hand, what's wrong?\n\n${x}`,
    (x) => `Hi, the provider's support sent me this line from their logs: ${x} — any idea what to do?`,
  ],
  fr: [
    (x) =>
      `Bonjour, mon logiciel de messagerie ne relève plus le courrier et le serveur répond ceci. Qu’est-ce que ça veut dire\u00a0?\n\n${x}`,
    (x) =>
      `En testant notre serveur POP3 à la main, j’obtiens cette réponse\u00a0: qu’est-ce qui ne va pas\u00a0?\n\n${x}`,
    (x) => `Le support de l’hébergeur m’a envoyé cette ligne\u00a0: «\u00a0${x}\u00a0». Une idée\u00a0?`,
  ],
  vi: [
    (x) =>
      `Chào bạn, phần mềm thư của mình không tải thư về được, máy chủ trả lời thế này. Nghĩa là gì vậy?\n\n${x}`,
    (x) => `Mình thử kết nối máy chủ POP3 bằng tay thì nhận được phản hồi này, lỗi gì vậy?\n\n${x}`,
    (x) => `Bộ phận hỗ trợ gửi cho mình dòng này: ${x} — bạn biết nguyên nhân không?`,
  ],
};
// The second batch's questions: new words, so a reading tuned on the first batch's questions is not helped.
const FRAMES_2 = {
  en: [
    (x) =>
      `Our helpdesk ticket says the mail server sent back the following. Is this on our side or theirs?\n\n${x}`,
    (x) => `Since this morning Outlook can't get my mail; the log shows ${x} Can someone explain?`,
    (x) => `Quick question: what is the server telling me here?\n\n${x}`,
  ],
  fr: [
    (x) =>
      `Depuis ce matin, impossible de récupérer mes courriels. Dans le journal, je vois\u00a0:\n\n${x}\n\nQue faut-il faire\u00a0?`,
    (x) =>
      `Notre serveur de messagerie renvoie «\u00a0${x}\u00a0» à un utilisateur. D’où cela peut-il venir\u00a0?`,
    (x) => `Quelqu’un sait ce que signifie cette réponse du serveur POP3\u00a0?\n\n${x}`,
  ],
  vi: [
    (x) => `Từ sáng nay mình không nhận được thư, xem nhật ký thì thấy:\n\n${x}\n\nLỗi này do đâu ạ?`,
    (x) => `Máy chủ thư của công ty trả về "${x}" cho một người dùng. Mình cần làm gì?`,
    (x) => `Cho mình hỏi máy chủ POP3 báo thế này là sao?\n\n${x}`,
  ],
};

// The third batch's questions, again new words.
const FRAMES_3 = {
  en: [
    (x) =>
      `Users on our old solid-pop3d box get this when their mail client connects:\n\n${x}\n\nWhere do I start?`,
    (x) => `What would make a POP server answer ${x} ? Nothing changed on our side.`,
    (x) => `Seeing this in the client's protocol log:\n${x}\nIs the account broken?`,
  ],
  fr: [
    (x) =>
      `Sur notre vieux serveur solid-pop3d, les utilisateurs reçoivent ceci à la connexion\u00a0:\n\n${x}\n\nPar où commencer\u00a0?`,
    (x) => `Pourquoi un serveur POP répondrait-il «\u00a0${x}\u00a0»\u00a0? Rien n’a changé chez nous.`,
    (x) =>
      `Dans le journal du protocole de mon logiciel de messagerie, je lis\u00a0: ${x}\nLe compte est-il cassé\u00a0?`,
  ],
  vi: [
    (x) =>
      `Máy chủ solid-pop3d cũ của công ty trả về lỗi này khi người dùng kết nối:\n\n${x}\n\nNên kiểm tra từ đâu?`,
    (x) => `Vì sao máy chủ POP lại trả lời "${x}"? Bên mình không thay đổi gì cả.`,
    (x) => `Nhật ký giao thức của phần mềm thư ghi: ${x}\nTài khoản có bị hỏng không?`,
  ],
};

const SETS = {
  'servers-source': {
    data: here,
    seed: 'popbot-servers-source-holdout-2026-12',
    date: '2026-12-07',
    frames: FRAMES_1,
    script: 'node scripts/servers-source/build.mjs',
    labels: 'scripts/servers-source/replies.yaml',
  },
  'servers-source-2': {
    data: join(here, 'batch-2'),
    seed: 'popbot-servers-source-2-holdout-2026-12-08',
    date: '2026-12-08',
    frames: FRAMES_2,
    script: 'node scripts/servers-source/build.mjs --set servers-source-2',
    labels: 'scripts/servers-source/batch-2/replies.yaml',
  },
  'servers-source-3': {
    data: join(here, 'batch-3'),
    seed: 'popbot-servers-source-3-holdout-2026-12-08',
    date: '2026-12-08',
    frames: FRAMES_3,
    script: 'node scripts/servers-source/build.mjs --set servers-source-3',
    labels: 'scripts/servers-source/batch-3/replies.yaml',
  },
};
const SET = process.argv.includes('--set')
  ? process.argv[process.argv.indexOf('--set') + 1]
  : 'servers-source';
if (!SETS[SET]) throw new Error(`unknown set ${SET}: one of ${Object.keys(SETS).join(', ')}`);
const { seed: SEED, date: DATE, frames: FRAMES } = SETS[SET];

const servers = parse(readFileSync(join(SETS[SET].data, 'servers.yaml'), 'utf8'));
const replies = parse(readFileSync(join(SETS[SET].data, 'replies.yaml'), 'utf8'));

/** A number in [0, 1) from the seed and the parts: every choice below is one, so a re-run writes the same. */
function draw(...parts) {
  return (
    createHash('sha256')
      .update([SEED, ...parts].join(':'))
      .digest()
      .readUInt32BE(0) /
    2 ** 32
  );
}

const POP_VERBS =
  /\b(user|pass|apop|auth|stat|list|retr|dele|noop|rset|quit|top|uidl|capa|stls|xtnd|last|rpop)\b/g;

/** A reply's words without what varies between two sends of it: the split's key. */
export function wordsKey(text) {
  return text
    .replace(/^[-+]ERR\s*/, '')
    .replace(/^\[[^\]]*\]\s*/, '')
    .toLowerCase()
    .replace(/<[^>]*>|'[^']*'/g, ' value ')
    .replace(/\d+/g, ' n ')
    .replace(POP_VERBS, ' cmd ')
    .replace(/[^a-z]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const isHoldout = (text) => draw('holdout', wordsKey(text)) < HOLDOUT_SHARE;

/** A case id's part for one reply: its words; a bare "-ERR" (no words) is named by the command it answers. */
function slug(text, cmd = '') {
  const fold = (s) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48);
  const words = fold(text.replace(/^[-+]ERR\s*/, ''));
  if (!words)
    return `bare-to-${fold(cmd)}-${createHash('sha256').update(`${text}\n${cmd}`).digest('hex').slice(0, 6)}`;
  return `${words}-${createHash('sha256').update(text).digest('hex').slice(0, 6)}`;
}

/** The session up to the reply, as the server's source answers each step. */
function transcriptLines(reply) {
  const server = servers[reply.s];
  const lines = [['S', server.greeting]];
  if (reply.state === 'user' || reply.state === 'trans')
    lines.push(['C', 'USER alice'], ['S', server.user_ok]);
  if (reply.state === 'trans') lines.push(['C', 'PASS ********'], ['S', server.pass_ok]);
  if (reply.cmd) lines.push(['C', reply.cmd]);
  lines.push(['S', reply.text]);
  return lines;
}

function transcript(reply, marked) {
  return transcriptLines(reply)
    .map(([who, line]) => (marked ? `${who}: ${line}` : line))
    .join('\n');
}

const LANGS = ['en', 'fr', 'vi'];

function casesOf(reply) {
  const server = servers[reply.s];
  const key = `${reply.s}:${reply.at}:${reply.text}`;
  const base = `${SET}/${reply.s}/${slug(reply.text, reply.cmd)}`;
  const common = {
    category: reply.cat,
    scenario: `${server.name}: ${reply.why}`,
    tool: `${server.name} (${server.repo})`,
    config: `${server.repo} at ${server.commit}, ${reply.at}; answers ${reply.cmd ? `\`${reply.cmd}\`` : 'no command (the server speaks unasked)'}`,
  };
  const out = [];
  const transcriptOnly = reply.only === 'transcript';
  if (!transcriptOnly)
    out.push({ id: `${base}/line`, text: reply.text, lang: 'en', kind: 'line', ...common });
  if (transcriptOnly || draw('transcript', key) < 0.5) {
    const marked = draw('marks', key) < 0.5;
    out.push({
      id: `${base}/transcript`,
      text: transcript(reply, marked),
      lang: 'en',
      kind: 'transcript',
      ...common,
      cmdline: marked ? 'a session with C:/S: marks' : 'telnet mail.example.net 110, typed by hand',
    });
  }
  if (draw('chat', key) < 0.5) {
    const lang = LANGS[Math.floor(draw('chat-lang', key) * LANGS.length)];
    const frames = FRAMES[lang];
    const frame = frames[Math.floor(draw('chat-frame', key) * frames.length)];
    const pasted = transcriptOnly ? transcript(reply, true) : reply.text;
    out.push({
      id: `${base}/chat-${lang}`,
      text: frame(pasted),
      lang,
      kind: 'chat',
      ...common,
      framing: `a question in ${lang} written for this set around the server's ${transcriptOnly ? 'session' : 'reply'}`,
    });
  }
  return out;
}

function fixture(serverKey, part, cases) {
  const server = servers[serverKey];
  const header = `# Real -ERR replies of ${server.name}, read from its source (${part}). Regenerate with \`${SETS[SET].script}\`; do not edit by hand.\n`;
  const body = {
    provenance: {
      captured_by: `scripts/servers-source/build.mjs (replies read from the server source at the commit below, labelled in ${SETS[SET].labels} before popbot saw them)`,
      date: DATE,
      server: `${server.name}, ${server.repo} at ${server.commit}`,
      server_config: `the reply as the server sends it, format arguments filled with plausible values (replies.yaml says which); transcripts use the greeting and USER/PASS replies of the same source (servers.yaml)`,
      clients: {
        session:
          'a POP session typed by hand (telnet) or with C:/S: marks, as the source answers each command',
      },
    },
    cases,
  };
  return header + stringify(body, { lineWidth: 0 });
}

function build() {
  const files = new Map();
  const seen = new Set();
  for (const reply of replies) {
    if (!servers[reply.s]) throw new Error(`unknown server ${reply.s}`);
    for (const c of casesOf(reply)) {
      if (seen.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
      seen.add(c.id);
      const part = isHoldout(reply.text) ? 'holdout' : 'tuning';
      const dir =
        part === 'holdout'
          ? join(root, 'test/fixtures/eval/holdout', SET)
          : join(root, 'test/fixtures/captured', SET);
      const file = join(dir, `${reply.s}.yaml`);
      if (!files.has(file)) files.set(file, { server: reply.s, part, cases: [] });
      files.get(file).cases.push(c);
    }
  }
  return files;
}

const files = build();
const check = process.argv.includes('--check');
let differs = 0;
if (!check) {
  rmSync(join(root, 'test/fixtures/captured', SET), { recursive: true, force: true });
  rmSync(join(root, 'test/fixtures/eval/holdout', SET), { recursive: true, force: true });
}
const count = { tuning: { replies: new Set(), cases: 0 }, holdout: { replies: new Set(), cases: 0 } };
for (const [file, { server, part, cases }] of files) {
  const text = fixture(server, part === 'holdout' ? 'holdout' : 'tuning part', cases);
  count[part].cases += cases.length;
  for (const c of cases) count[part].replies.add(`${server}:${c.id.split('/')[2]}`);
  if (check) {
    const onDisk = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (onDisk !== text) differs++;
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
console.error(
  `tuning: ${count.tuning.replies.size} replies, ${count.tuning.cases} cases; holdout: ${count.holdout.replies.size} replies, ${count.holdout.cases} cases`,
);
if (check && differs) {
  console.error(`${differs} fixture file(s) differ from what the script writes`);
  process.exit(1);
}
