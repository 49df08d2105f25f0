#!/bin/sh
# mailfilter checking a POP3 account for spam, the account in its rcfile as its manual shows
# (SERVER, USER, PASS, PROTOCOL "pop3" or "pop3/ssl", PORT), with TEST = "yes" (nothing deleted),
# VERBOSE = 3 (its default), or 6 for the protocol trace (POP_DEBUG=1). Environment: as alpine.sh.
dir=$(mktemp -d)
protocol=pop3
[ "$POP_TLS" = implicit ] && protocol=pop3/ssl
verbose=3
[ "$POP_DEBUG" = 1 ] && verbose=6
{
  echo "SERVER = \"$POP_HOST\""
  echo "USER = \"$POP_USER\""
  echo "PASS = \"$POP_PASS\""
  echo "PROTOCOL = \"$protocol\""
  echo "PORT = $POP_PORT"
  echo "LOGFILE = \"$dir/mailfilter.log\""
  echo "VERBOSE = $verbose"
  echo "TEST = \"yes\""
  echo "TIMEOUT = 20"
  echo "DENY = \"^Subject:.*Get rich fast\""
} > "$dir/mailfilterrc"
mailfilter -M "$dir/mailfilterrc"
status=$?
rm -rf "$dir"
exit $status
