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
  translated: (tool, s) => tool.name === 'alpine' || s.id === 'closed/connection-refused',
  fakeNote:
    'test/support/fake-pop-server.ts (plain) with the scenario handlers of scripts/libraries-live/scenarios.ts',
});
