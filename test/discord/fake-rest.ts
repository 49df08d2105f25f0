// Moved to test/support, beside the fake gateway; kept here for the tests that import it from this path.
export * from '../support/fake-discord-rest.js';
