#!/bin/sh
# Alpine opening a POP mailbox through UW c-client, as a user would with
# `alpine -f '{host:port/pop3/notls/user=name}INBOX'`. It needs a terminal: it runs in a detached tmux pane
# (own socket), driven as below; what it printed is its status-line messages and its last screen.
# Environment: POP_HOST, POP_PORT, POP_USER, POP_PASS, POP_TLS (none | stls | implicit).
s="popalpine$$"
dir=$(mktemp -d)
touch "$dir/empty"
flags=/notls
[ "$POP_TLS" = implicit ] && flags=/ssl
[ "$POP_TLS" = stls ] && flags=/tls
{
  echo "personal-name=Ana"
  echo "user-domain=example.com"
  echo "inbox-path=$dir/empty"
  echo "last-version-used=6.26"
  echo "feature-list=quit-without-confirm"
  echo "tcp-open-timeout=12"
} > "$dir/pinerc"
folder="{$POP_HOST:$POP_PORT/pop3$flags/user=$POP_USER}INBOX"
tmux -L clients7 new-session -d -s "$s" -x 160 -y 30 \
  "env HOME=$dir LANG=$LANG LC_ALL=$LC_ALL alpine -p '$dir/pinerc' -f '$folder'; tmux -L clients7 wait-for -S $s; sleep 5"
typed=no
seen="$dir/seen"
: > "$seen"
last=""
stable=0
i=0
# Every half second: the status line's messages ([…]) are noted as they appear (a user reads them there,
# each shown for a moment); the password is typed once and not kept on disk; asked again (the login was
# refused), the user cancels.
while [ $i -lt 50 ]; do
  sleep 0.5
  i=$((i + 1))
  pane=$(tmux -L clients7 capture-pane -p -t "$s" 2>/dev/null) || break
  printf '%s\n' "$pane" | sed -n -e 's/^[[:space:]]*\(\[.*\]\)[[:space:]]*$/\1/p' | while IFS= read -r m; do
    case "$m" in '[Opening "'*) continue ;; esac # the progress note, its spinner redrawn every moment
    grep -qxF "$m" "$seen" || printf '%s\n' "$m" >> "$seen"
  done
  if printf '%s' "$pane" | grep -q 'ENTER PASSWORD:'; then
    if [ $typed = no ]; then
      tmux -L clients7 send-keys -t "$s" -l "$POP_PASS"
      tmux -L clients7 send-keys -t "$s" Enter
      typed=yes
    else
      tmux -L clients7 send-keys -t "$s" C-c
    fi
    stable=0
    sleep 1
    continue
  fi
  if printf '%s' "$pane" | grep -q 'Preserve password on DISK'; then
    tmux -L clients7 send-keys -t "$s" n
    continue
  fi
  if [ "$pane" = "$last" ]; then stable=$((stable + 1)); else stable=0; fi
  last="$pane"
  [ $stable -ge 8 ] && break
  printf '%s' "$pane" | grep -q '^Alpine finished' && break
done
# What the user saw: the status messages in order, then the last screen's own lines (a question, a folder
# header), without the main menu's fixed entries.
cat "$seen"
printf '%s\n' "$last" | sed -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' | grep -v -e '^$' -e '^\[.*\]$' \
  -e '^[?CILASQ] \{5\}' -e '^For Copyright information' -e '^Creating subdirectory' -e '^will store its mail folders'
tmux -L clients7 kill-session -t "$s" 2>/dev/null
rm -rf "$dir"
# The folder opened: the run did not meet an error.
printf '%s' "$last" | grep -q 'Folder: INBOX' && exit 0
exit 1
