#!/bin/sh
# nmh's inc fetching a POP account, as its manual shows: `inc -host H -port P -user U`, the password in
# ~/.netrc (mh-profile(5), "credentials"); `-sasl` when NMH_SASL=1 (Cyrus SASL picks the mechanism); `-tls`
# for STLS, `-initialtls` for implicit TLS (certificates verified, nmh's default); `-snoop` for its protocol
# trace (POP_DEBUG=1). Environment: POP_HOST, POP_PORT, POP_USER, POP_PASS, POP_TLS (none | stls | implicit).
dir=$(mktemp -d)
mkdir -p "$dir/Mail/inbox"
printf 'Path: %s/Mail\n' "$dir" > "$dir/.mh_profile"
printf 'machine %s login %s password "%s"\n' "$POP_HOST" "$POP_USER" "$POP_PASS" > "$dir/.netrc"
# Quoted: a password with a space (the harness's "correct horse") is one token (netrc(5)).
chmod 600 "$dir/.netrc"
set -- -host "$POP_HOST" -port "$POP_PORT" -user "$POP_USER"
[ "$NMH_SASL" = 1 ] && set -- "$@" -sasl
[ "$POP_TLS" = stls ] && set -- "$@" -tls
[ "$POP_TLS" = implicit ] && set -- "$@" -initialtls
[ "$POP_DEBUG" = 1 ] && set -- "$@" -snoop
# inc waits for a greeting without end: stopped at 25 s, before the harness kills the run (30 s, 40 s for a
# slow scenario).
HOME="$dir" MH="$dir/.mh_profile" timeout 25 /usr/bin/mh/inc "$@" < /dev/null
status=$?
rm -rf "$dir"
exit $status
