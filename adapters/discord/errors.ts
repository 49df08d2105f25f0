/** Discord's failed calls are logged like any other error: name, code, status, scrubbed message. */
export { describeError, scrubSecrets as scrub } from '../../src/log/describe-error.js';
