import { capture } from '../libraries-live/capture.js';
import { CLIENT_TOOLS } from './tools.js';

/**
 * Runs the mail programs of tools.ts into libraries-live's 24 scenarios (its Dovecot, closed port and fake
 * server, scripts/libraries-live/scenarios.ts) and writes scripts/clients-live/data/capture.json (README.md).
 *
 *   node dist/clients-live/scripts/clients-live/capture.js [--only=<scenario prefix>]   (as root)
 */

await capture({
  set: 'clients-live',
  tools: CLIENT_TOOLS,
  // Alpine shows glibc's errno texts in the user's language (setlocale, no catalogue of its own); the others
  // print English only, tried in French and Vietnamese where an errno text could show (a connection refused).
  // Batch 2's programs are all run in French and Vietnamese: Mutt has a French catalogue, and whether the others
  // call setlocale (glibc's and GnuTLS's texts in the user's language) shows only by running them; build()
  // keeps a translated run only where its words differ from the English one.
  // Batch 3: Mailutils has French and Vietnamese catalogues; Twisted's texts are English (its own and OpenSSL's).
  translated: (tool, s) =>
    ['alpine', 'mutt', 'nmh', 'nmh-sasl', 'emacs', 'mailcheck', 'frm', 'from', 'mail', 'readmsg'].includes(
      tool.name,
    ) || s.id === 'closed/connection-refused',
  fakeNote:
    'test/support/fake-pop-server.ts (plain) with the scenario handlers of scripts/libraries-live/scenarios.ts',
});
