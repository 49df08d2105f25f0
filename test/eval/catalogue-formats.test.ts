import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDER,
  readBinaryStrings,
  readFluent,
  readQm,
  readSourceStrings,
} from '../../scripts/catalogues/catalogue-formats.mjs';

/** The catalogue readers of scripts/catalogues on made-up files of each format. */

/** A .qm file as lrelease writes one: magic, then tagged blocks; the messages block holds tagged records. */
function qmFile(messages: { context: string; source: string; translation?: string }[]): string {
  const field = (tag: number, bytes: Buffer) => {
    const head = Buffer.alloc(5);
    head[0] = tag;
    head.writeUInt32BE(bytes.length, 1);
    return Buffer.concat([head, bytes]);
  };
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
  const records = messages.map((m) =>
    Buffer.concat([
      ...(m.translation === undefined ? [] : [field(3, utf16be(m.translation))]),
      field(8, Buffer.from('')),
      field(6, Buffer.from(m.source, 'utf8')),
      field(7, Buffer.from(m.context, 'utf8')),
      Buffer.from([1]),
    ]),
  );
  const magic = Buffer.from('3cb86418caef9c95cd211cbf60a1bddd', 'hex');
  const language = field(0xa7, Buffer.from('fr'));
  return Buffer.concat([magic, language, field(0x69, Buffer.concat(records))]).toString('latin1');
}

describe('catalogue formats', () => {
  it('reads a Qt .qm file: context and source text as the key, the UTF-16 translation as the text', () => {
    const qm = qmFile([
      { context: 'QAbstractSocket', source: 'Connection refused', translation: 'Connexion refusée' },
      {
        context: 'QSslSocket',
        source: 'Error during SSL handshake: %1',
        translation: 'Erreur lors de la connexion SSL : %1',
      },
      { context: 'QSslSocket', source: 'Untranslated' },
    ]);
    const messages = readQm(qm);
    expect(messages.get('QAbstractSocket\u0004Connection refused')).toBe('Connexion refusée');
    expect(messages.get('QSslSocket\u0004Error during SSL handshake: %1')).toBe(
      'Erreur lors de la connexion SSL : %1',
    );
    expect(messages.has('QSslSocket\u0004Untranslated')).toBe(false);
  });

  it('reads the messages of a compiled library, not its symbols', () => {
    const binary = Buffer.concat([
      Buffer.from("\u0000\u0007pop3_open\u0000Can't connect to %.80s,%u: %s\u0000\u0001"),
      Buffer.from('SSL_CTX_new\u0000POP3 connection broken in response\u0000'),
    ]).toString('latin1');
    const messages = [...readBinaryStrings(binary).keys()];
    expect(messages).toEqual(["Can't connect to %.80s,%u: %s", 'POP3 connection broken in response']);
  });

  it('joins a message a source file splits over several literals', () => {
    const java = [
      '    throw new SunCertPathBuilderException("unable to find valid "',
      '        + "certification path to requested target");',
    ].join('\n');
    expect([...readSourceStrings(java).keys()]).toEqual([
      'unable to find valid certification path to requested target',
    ]);
  });

  it('finds printf, Qt and .NET placeholders', () => {
    const found = (text: string) => text.match(PLACEHOLDER) ?? [];
    expect(found("Can't connect to %.80s,%u: %s")).toEqual(['%.80s', '%u', '%s']);
    expect(found("Hostname mismatch, certificate is not valid for '%S'.")).toEqual(['%S']);
    expect(found('Connection to host %1 is broken.')).toEqual(['%1']);
    expect(found('The remote certificate is invalid according to the validation procedure: {0}')).toEqual([
      '{0}',
    ]);
    expect(found('The certificate for { $hostname } expired on { $not-after }.')).toEqual([
      '{ $hostname }',
      '{ $not-after }',
    ]);
  });

  it('reads a Fluent file: values over several lines, attributes keyed id.attr, terms by their name', () => {
    const ftl = [
      '# This Source Code Form is subject to the terms of the Mozilla Public License.',
      '',
      '-brand-short-name = Thunderbird',
      'cert-error-expired = The certificate for { $hostname } expired on { $not-after }.',
      'cert-error-inline-expired =',
      '    .title = Connection error. The certificate for { $hostname }',
      '        expired on { $not-after }.',
      'account-hub-find-account-settings-failed = { -brand-short-name } failed to find the settings.',
      'certificate-check-view-button = View Certificate',
    ].join('\n');
    expect(Object.fromEntries(readFluent(ftl))).toEqual({
      'cert-error-expired': 'The certificate for { $hostname } expired on { $not-after }.',
      'cert-error-inline-expired.title':
        'Connection error. The certificate for { $hostname } expired on { $not-after }.',
      'account-hub-find-account-settings-failed': 'Thunderbird failed to find the settings.',
      'certificate-check-view-button': 'View Certificate',
    });
  });
});
