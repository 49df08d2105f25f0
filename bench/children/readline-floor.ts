import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The floor under `explain --summary` in Node: the same streaming line reader with nothing done per line.
 * argv: FILE. Prints the line count.
 */
let lines = 0;
for await (const _line of createInterface({
  input: createReadStream(process.argv[2] ?? ''),
  crlfDelay: Number.POSITIVE_INFINITY,
})) {
  lines++;
}
process.stdout.write(`${lines}\n`);
