// What the translation memory must never hold: every catalogue an evaluation set (tuning or holdout) was drawn
// from, and the catalogues earlier sessions read by hand. Training the learned fallback on a catalogue a
// holdout came from would be training on the holdout. Read from the sources, never from the holdout folder:
//   - scripts/catalogues/sources.yaml: each `deb:` package and each catalogue file's domain (foo.mo, foo.po);
//   - test/fixtures/captured/**.yaml (tuning parts only): the `tool:`, `config:` and provenance lines, for the
//     Debian packages ("Debian package X 1.2-3") and the catalogue domains (…/LC_MESSAGES/X.mo) they name;
//   - test/fixtures/vocabulary/*.tsv: the probes' package:msgid rows (those exact strings are left out too);
//   - session 8's ten Debian packages (docs/evaluation.md "Vietnamese vocabulary from unseen catalogues").
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { yamlFiles } from '../learned/samples.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Session 8's hand-read packages and their domains (and the two that only gave frames). */
const SESSION8 = {
  packages: [
    'hexchat-common',
    'libgpg-error-l10n',
    'gnome-control-center-data',
    'nautilus-data',
    'e2fsprogs-l10n',
    'util-linux-locales',
    'gnome-keyring',
    'coreutils',
    'epiphany-browser-data',
    'gnome-shell-common',
    'seahorse',
    'gnome-shell',
  ],
  domains: [
    'hexchat',
    'libgpg-error',
    'gnome-control-center-2.0',
    'nautilus',
    'e2fsprogs',
    'util-linux',
    'gnome-keyring',
    'coreutils',
    'epiphany',
    'gnome-shell',
    'seahorse',
  ],
};

const DEB = /Debian(?:'s)? package (?:of )?([a-z0-9][a-z0-9+.-]+)/gi;
const DOMAIN = /([A-Za-z0-9_+.-]+)\.(?:mo|po|qm)\b/g;
const domainOf = (file) => basename(String(file)).replace(/\.(?:mo|po|qm|xpi|ftl|properties|json|xml)$/, '');

/** `{ packages, domains, tools, strings }`: every name the memory must not hold (lowercase). */
export function excludedCatalogues() {
  const packages = new Set(SESSION8.packages);
  const domains = new Set(SESSION8.domains);
  const tools = new Set();
  const strings = new Set();
  // The catalogue scripts' sources.
  const sources = parse(readFileSync(join(root, 'scripts', 'catalogues', 'sources.yaml'), 'utf8')).sources;
  for (const s of sources) {
    tools.add(String(s.tool).toLowerCase());
    if (s.origin?.deb) packages.add(String(s.origin.deb).toLowerCase());
    for (const file of Object.values(s.files ?? {})) {
      const path = typeof file === 'string' ? file : (file?.path ?? '');
      if (/\.(?:mo|po|qm)$/.test(path)) domains.add(domainOf(path).toLowerCase());
    }
  }
  // The captured sets' provenance lines (tuning parts only: the holdout folder is never read).
  for (const path of yamlFiles(join(root, 'test', 'fixtures', 'captured'))) {
    const text = readFileSync(path, 'utf8');
    for (const line of text.split('\n')) {
      if (
        !/^\s*(?:tool|tools|config|server|server_config|client|clients|captured_by|origin|source)\s*:/.test(
          line,
        )
      )
        continue;
      for (const m of line.matchAll(DEB)) packages.add(m[1].toLowerCase().replace(/[.,;]+$/, ''));
      for (const m of line.matchAll(DOMAIN)) domains.add(m[1].toLowerCase());
      const tool = /^\s*tool\s*:\s*"?([A-Za-z][A-Za-z0-9+._-]*)/.exec(line);
      if (tool) tools.add(tool[1].toLowerCase());
    }
  }
  // The vocabulary probes: their exact strings stay out (the probe measures what the fallback reads unseen).
  const vocabulary = join(root, 'test', 'fixtures', 'vocabulary');
  for (const name of readdirSync(vocabulary).filter((n) => n.endsWith('.tsv'))) {
    for (const line of readFileSync(join(vocabulary, name), 'utf8').split('\n')) {
      if (line.startsWith('#') || !line.includes('\t')) continue;
      const cols = line.split('\t');
      const ref = cols.find((c) => /^[A-Za-z0-9_.+-]+:/.test(c));
      if (ref)
        strings.add(
          ref
            .slice(ref.indexOf(':') + 1)
            .trim()
            .toLowerCase(),
        );
      for (const c of cols) strings.add(c.trim().toLowerCase());
    }
  }
  return { packages, domains, tools, strings };
}

/** Why a catalogue is excluded, or undefined when the memory may read it. */
export function exclusionOf(excluded, { pkg, domain }) {
  const p = pkg.toLowerCase();
  const d = domain.toLowerCase();
  if (excluded.packages.has(p)) return `package ${pkg} is an evaluation set's or a session's source`;
  if (excluded.domains.has(d)) return `catalogue ${domain} is an evaluation set's or a session's source`;
  if (excluded.tools.has(d) || excluded.tools.has(p)) return `${domain} is a tool an evaluation set uses`;
  return undefined;
}
