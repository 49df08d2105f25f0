import { describe, expect, it } from 'vitest';
import { leadWithIntroduced } from '../../src/explain/client-output/stack-trace.js';
import { explain } from '../../src/explain/explain.js';
import type { FindingData } from '../../src/explain/types.js';

/**
 * A line that ends with a colon introduces the error on the line after it (PHP's "SSL operation failed with
 * code 1. OpenSSL Error messages:" before OpenSSL's own line): where only a few words read the introduction and
 * a documented wording reads what it introduces, the introduced error leads.
 */

// PHPMailer/PHPMailer#1351 (reports batch 4, tuning): ssl:// aimed at a POP server's plain port 110.
const PHP_SSL_ON_110 = [
  'Host: pop.secureserver.net',
  'Port: 110',
  'SMTPSecure: ssl',
  '2018-02-05 21:24:27\tConnection: opening to ssl://pop.secureserver.net:110, timeout=300, options=array (',
  '                   \t                  )',
  '2018-02-05 21:24:27\tConnection: Failed to connect to server. Error number 2. "Error notice: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:',
  '                   \t                  error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol',
  '2018-02-05 21:24:27\tConnection: Failed to connect to server. Error number 2. "Error notice: stream_socket_client(): Failed to enable crypto',
  '2018-02-05 21:24:27\tConnection: Failed to connect to server. Error number 2. "Error notice: stream_socket_client(): unable to connect to ssl://pop.secureserver.net:110 (Unknown error)',
].join('\n');

const finding = (lineNumber: number, basis: FindingData['evidence']['basis'], category: string) =>
  ({ category, entry: category, confidence: 0.5, evidence: { lineNumber, line: '', basis } }) as FindingData;

describe('an error introduced by a line ending with a colon', () => {
  it("leads before the words-only reading of the line that introduces it (OpenSSL's line under PHP's warning)", () => {
    const { findings } = explain(PHP_SSL_ON_110, { lang: 'en' });
    expect(findings[0]).toMatchObject({ category: 'tls.mismatch', entry: 'openssl-wrong-version-number' });
    expect(findings[0]?.line).toContain('unknown protocol');
    // Nothing is dropped: the introduction's own reading follows.
    expect(findings.map((f) => f.category)).toContain('connect.reset');
  });

  it('moves nothing when the line does not introduce, the reading is documented, or a line stands between', () => {
    const lines = [
      'Something failed:',
      'error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol',
    ];
    const intro = finding(1, 'fallback', 'connect.reset');
    const introduced = finding(2, 'wording', 'tls.mismatch');
    expect(leadWithIntroduced([intro, introduced], lines).map((f) => f.category)).toEqual([
      'tls.mismatch',
      'connect.reset',
    ]);
    // No colon at the end: two errors side by side keep their order.
    expect(leadWithIntroduced([intro, introduced], ['Something failed.', lines[1] ?? ''])[0]).toBe(intro);
    // The introduction read by a documented wording of its own keeps its place.
    const documented = finding(1, 'wording', 'connect.refused');
    expect(leadWithIntroduced([documented, introduced], lines)[0]).toBe(documented);
    // A words-only reading of the introduced line does not lead either.
    const guessed = finding(2, 'fallback', 'tls.mismatch');
    expect(leadWithIntroduced([intro, guessed], lines)[0]).toBe(intro);
    // A non-empty line between them: the colon introduced that line, not the error below it.
    const between = ['Something failed:', 'see below', lines[1] ?? ''];
    expect(leadWithIntroduced([intro, finding(3, 'wording', 'tls.mismatch')], between)[0]).toBe(intro);
  });
});
