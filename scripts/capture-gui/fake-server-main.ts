import { type FakeSetup, startFakeSetup } from './fake-setups.js';

/**
 * One fake setup in a process of its own: the capture's loop runs the X tools synchronously, which would
 * stall a server in its own event loop (a client then times out where the scenario expects a reply).
 *
 *   node fake-server-main.js SETUP HOST PORT    prints "ready", stops on SIGTERM or when stdin closes
 */
const [setup, host, port] = process.argv.slice(2);
const running = await startFakeSetup(setup as FakeSetup, host!, Number(port));
const stop = () => void running.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.stdin.on('end', stop).resume();
process.stdout.write('ready\n');
