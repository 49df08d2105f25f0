// A Node script with node-pop3, as its README shows: top-level await, errors left to Node.
// Environment: as imap_open.php. NODE_PATH-free: the package is resolved from POP_NPM_DIR.
import { createRequire } from 'node:module';
const require = createRequire(`${process.env.POP_NPM_DIR}/`);
const Pop3Command = require('node-pop3');
const e = process.env;
const pop3 = new Pop3Command({
  user: e.POP_USER,
  password: e.POP_PASS,
  host: e.POP_HOST,
  port: Number(e.POP_PORT),
  tls: e.POP_TLS === 'implicit',
  timeout: 12000,
});
const [op, n = '1'] = e.POP_OP.split(':');
if (op === 'dele-retr') await pop3.DELE(Number(n));
if (op === 'uidl') console.dir(await pop3.UIDL());
else if (op === 'list') console.log(await pop3.LIST());
else console.log(await pop3.RETR(Number(n)));
await pop3.QUIT();
