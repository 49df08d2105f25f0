import { promises as dns } from 'node:dns';
import type { Resolver } from './types.js';

/** The operating system's resolver for A/AAAA (what a mail program would use) and DNS for SRV. */
export const systemResolver: Resolver = {
  lookup: (host) => dns.lookup(host, { all: true, verbatim: true }),
  resolveSrv: (name) => dns.resolveSrv(name),
};
