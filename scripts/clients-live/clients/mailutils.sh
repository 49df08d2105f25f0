#!/bin/sh
# A GNU Mailutils program reading a POP mailbox by its URL, as the Mailutils manual shows: `frm URL`,
# `from -f URL`, `mail -H -f URL` (the header summary, then exit), `readmsg -f URL N` (RETR of message N). The
# password goes in the URL (percent-encoded; Mailutils masks it in what it prints); `pops://` for implicit TLS,
# STLS by itself where the server offers it. `--debug-level=mailbox.prot` prints its protocol trace
# (POP_DEBUG=1). No site or user configuration (`--no-config`).
# Argument: the program. Environment: POP_HOST, POP_PORT, POP_USER, POP_PASS, POP_TLS, POP_OP.
prog=$1
scheme=pop
[ "$POP_TLS" = implicit ] && scheme=pops
pass=$(printf '%s' "$POP_PASS" | sed 's/%/%25/g; s/ /%20/g; s/@/%40/g; s/:/%3A/g')
url="$scheme://$POP_USER:$pass@$POP_HOST:$POP_PORT"
dir=$(mktemp -d)
set -- --no-config
[ "$POP_DEBUG" = 1 ] && set -- "$@" --debug-level=mailbox.prot
case "$prog" in
  frm) set -- "$@" "$url" ;;
  from) set -- "$@" -f "$url" ;;
  mail) set -- "$@" -H -f "$url" ;;
  readmsg) set -- "$@" -f "$url" "${POP_OP#*:}" ;;
esac
# They wait for a greeting without end: stopped at 25 s, before the harness kills the run (30 s, 40 s for a slow scenario).
HOME="$dir" timeout 25 "$prog" "$@" < /dev/null
status=$?
rm -rf "$dir"
exit $status
