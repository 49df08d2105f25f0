#!/bin/sh
# fdm fetching a POP3 account, the account written in its configuration file as its manual shows
# (`account "home" pop3 server … port … user … pass …`), run as `fdm -f <conf> fetch`, or with `-vvvv` for
# its protocol trace (POP_DEBUG=1). Environment: as alpine.sh.
dir=$(mktemp -d)
kind=pop3
extra=""
[ "$POP_TLS" = implicit ] && kind=pop3s
[ "$POP_TLS" = stls ] && extra=" starttls"
{
  echo "set lock-file \"$dir/fdm.lock\""
  echo "set timeout 20"
  echo "account \"home\" $kind server \"$POP_HOST\" port $POP_PORT user \"$POP_USER\" pass \"$POP_PASS\"$extra keep"
  echo "match all action \"inbox\""
  echo "action \"inbox\" mbox \"$dir/inbox\""
} > "$dir/fdm.conf"
chmod 600 "$dir/fdm.conf"
verbose=""
[ "$POP_DEBUG" = 1 ] && verbose="-vvvv"
fdm $verbose -f "$dir/fdm.conf" fetch
status=$?
rm -rf "$dir"
exit $status
