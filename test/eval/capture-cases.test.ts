import { describe, expect, it } from 'vitest';
import {
  type CapturedCase,
  chatCase,
  inHoldout,
  ownLogLines,
  translatedOnly,
} from '../../scripts/capture/cases.js';

/** The capture's own decisions, on made-up cases: the split, the chat framing, the language, the log lines. */

const base = (id: string, text: string, lang: CapturedCase['lang'] = 'en'): CapturedCase => ({
  id,
  text,
  category: 'connect.refused',
  lang,
  kind: 'client-output',
  scenario: 'refused-port',
  tool: 'mpop version 1.4.18',
});

describe('the capture', () => {
  it('puts about 35 % of ids in the holdout, the same way on every run', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `dovecot/scenario-${i}/tool/en`);
    const share = ids.filter(inHoldout).length / ids.length;
    expect(share).toBeGreaterThan(0.31);
    expect(share).toBeLessThan(0.39);
    expect(ids.map(inHoldout)).toEqual(ids.map(inHoldout));
  });

  it('frames an output as a chat message in the language asked, keeping the output whole', () => {
    const output =
      'mpop: cannot connect to 127.0.0.3, port 1110: Connection refused\nmpop: error during mail retrieval';
    for (const lang of ['en', 'fr', 'vi'] as const) {
      const chat = chatCase(base('x/y', output), lang);
      expect(chat).toMatchObject({ kind: 'chat', lang, id: `x/y/chat-${lang}`, category: 'connect.refused' });
      expect(chat.text).toContain(output);
      expect(chat.text).not.toContain('{');
      expect(chat.framing).toContain('{out}');
    }
  });

  it('keeps a French or Vietnamese run only when its words differ from the English run, not just its date', () => {
    const en = base(
      's/fetchmail/en',
      'fetchmail: 6.4.37 querying h at Sun Dec  6 21:30:25 2026: poll started\nConnection refused',
    );
    const frDateOnly = base(
      's/fetchmail/fr',
      'fetchmail: 6.4.37 querying h at dim. 06 déc. 2026 21:30:25: poll started\nConnection refused',
      'fr',
    );
    const viWords = base(
      's/fetchmail/vi',
      'fetchmail: 6.4.37 querying h at Chủ nhật: poll started\nKết nối bị từ chối',
      'vi',
    );
    const mpopVi = base('s/mpop/vi', 'mpop: error during mail retrieval', 'vi');
    const kept = translatedOnly([viWords, frDateOnly, mpopVi, en]).map((c) => c.id);
    expect(kept).toEqual(['s/fetchmail/en', 's/fetchmail/vi', 's/mpop/vi']);
  });

  it("keeps the log lines of the capture's user and drops those naming another user", () => {
    const log = [
      'Dec  6 22:22:19 vm popa3d[20265]: Authentication failed for alice',
      'Dec  6 22:22:19 vm popa3d[20266]: Authentication failed for bob',
      'Dec  6 22:22:20 vm popa3d[20267]: Authentication failed for UNKNOWN USER',
      'Dec 06 21:35:44 pop3(alice)<1><x>: Error: Internal error occurred. Refer to server log for more information.',
      'Dec  6 22:23:45 vm solid-pop3d[1]: authentication failed: no such user: carol - localhost (127.0.0.1)',
      '',
    ].join('\n');
    expect(ownLogLines(log, 'alice')).toEqual([
      'Dec  6 22:22:19 vm popa3d[20265]: Authentication failed for alice',
      'Dec  6 22:22:20 vm popa3d[20267]: Authentication failed for UNKNOWN USER',
      'Dec 06 21:35:44 pop3(alice)<1><x>: Error: Internal error occurred. Refer to server log for more information.',
    ]);
  });
});
