#!/bin/sh
# mailcheck checking a POP3 mailbox for new mail, as its manual shows: a `pop3://user@host:port/` line in
# ~/.mailcheckrc, the password in ~/.netrc, run as `mailcheck -c -s`. It has no TLS (manual, BUGS).
# Environment: POP_HOST, POP_PORT, POP_USER, POP_PASS.
dir=$(mktemp -d)
printf 'pop3://%s@%s:%s/\n' "$POP_USER" "$POP_HOST" "$POP_PORT" > "$dir/.mailcheckrc"
printf 'machine %s login %s password "%s"\n' "$POP_HOST" "$POP_USER" "$POP_PASS" > "$dir/.netrc"
# Quoted: a password with a space (the harness's "correct horse") is one token (netrc(5)).
chmod 600 "$dir/.netrc"
# It waits for a greeting without end: stopped at 25 s, before the harness kills the run (30 s, 40 s for a slow scenario).
HOME="$dir" timeout 25 mailcheck -c -s -f "$dir/.mailcheckrc"
status=$?
rm -rf "$dir"
exit $status
