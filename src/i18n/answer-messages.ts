import { defineCatalogue } from './catalogue.js';

/** How an answer sums up a paste with many errors: the header, and where a repeated error stands. */
export const answerMessages = defineCatalogue('answer', {
  en: {
    header: '{errors} errors of {kinds} kinds: {list}.',
    'header.one': '{errors} errors, all of one kind: {list}.',
    'header.item': '{count} × {title}',
    'header.others': '{count} other kinds',
    repeats: '×{count} — lines {lines}',
    'lines.more': '… (+{count})',
  },
  fr: {
    header: '{errors} erreurs de {kinds} sortes\u00a0: {list}.',
    'header.one': '{errors} erreurs, toutes de la même sorte\u00a0: {list}.',
    'header.item': '{count} × {title}',
    'header.others': '{count} autres sortes',
    repeats: '×{count} — lignes {lines}',
    'lines.more': '… (+{count})',
  },
  vi: {
    header: '{errors} lỗi thuộc {kinds} loại: {list}.',
    'header.one': '{errors} lỗi, tất cả cùng một loại: {list}.',
    'header.item': '{count} × {title}',
    'header.others': '{count} loại khác',
    repeats: '×{count} — các dòng {lines}',
    'lines.more': '… (+{count})',
  },
});
