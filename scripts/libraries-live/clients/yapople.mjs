// A Node script with yapople, as its README shows: async calls, the error to console.error
// (then exit: a failed connection leaves its socket open and the script would hang).
// Environment: as imap_open.php; the package is resolved from POP_NPM_DIR.
import { createRequire } from 'node:module';
const require = createRequire(`${process.env.POP_NPM_DIR}/`);
const { Client } = require('yapople');
const e = process.env;
const client = new Client({
  host: e.POP_HOST,
  port: Number(e.POP_PORT),
  tls: e.POP_TLS === 'implicit',
  mailparser: false,
  username: e.POP_USER,
  password: e.POP_PASS,
});
const [op, n = '1'] = e.POP_OP.split(':');
(async () => {
  await client.connect();
  if (op === 'dele-retr') await client.delete(Number(n));
  if (op === 'list') console.log(await client.count());
  else if (op === 'uidl') console.log(await client.list());
  else console.log(await client.retrieve(Number(n)));
  await client.quit();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
