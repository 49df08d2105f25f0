import type { Lang } from './lang.js';

/**
 * A size as the reader's language writes it: binary units (popbot's limits are powers of two), one decimal in the
 * language's notation ("2.5 MiB", "2,5 Mio", "2,5 MiB"), French with a no-break space before the unit.
 */
const UNITS: Record<Lang, { bytes: string; kib: string; mib: string; space: string }> = {
  en: { bytes: 'bytes', kib: 'KiB', mib: 'MiB', space: ' ' },
  fr: { bytes: 'octets', kib: 'Kio', mib: 'Mio', space: '\u00a0' },
  vi: { bytes: 'byte', kib: 'KiB', mib: 'MiB', space: ' ' },
};

const oneDecimal = new Map<Lang, Intl.NumberFormat>();

function decimal(lang: Lang, n: number): string {
  let format = oneDecimal.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    oneDecimal.set(lang, format);
  }
  return format.format(n);
}

export function formatSize(bytes: number, lang: Lang): string {
  const unit = UNITS[lang];
  if (bytes < 1024) return `${bytes}${unit.space}${unit.bytes}`;
  if (bytes < 1024 * 1024) return `${decimal(lang, bytes / 1024)}${unit.space}${unit.kib}`;
  return `${decimal(lang, bytes / (1024 * 1024))}${unit.space}${unit.mib}`;
}
