#!/bin/sh
# Mutt opening a POP mailbox, as a user would with `mutt -f pop://user@host:port/` (pops:// for implicit TLS,
# ssl_starttls for STLS). It needs a terminal: it runs in a detached tmux pane (own socket). Mutt shows its
# progress and errors one at a time on the screen's last line and clears the screen when it exits, so the
# pane is read every 0.3 s (an error stays there at least a second, $sleep_time) and each new last line is
# noted in order, as alpine.sh does for Alpine's status line; then what the pane shows once mutt has exited
# (what it printed after leaving the screen), or its last screen after 22 s (a prompt, a stalled
# connection). Environment: POP_HOST, POP_PORT, POP_USER, POP_PASS, POP_TLS (none | stls | implicit).
s="popmutt$$"
dir=$(mktemp -d)
. "$(dirname "$0")/../../libraries-live/clients/muttrc.sh"
tmux -L "$s" new-session -d -s "$s" -x 200 -y 40 \
  "env LANG=$LANG LC_ALL=$LC_ALL mutt -n -F '$dir/muttrc' -f '$scheme://$POP_USER@$POP_HOST:$POP_PORT/'; touch '$dir/done'; sleep 30"
seen="$dir/seen"
: > "$seen"
# Watched for 22 s of wall-clock time (the harness kills a run at 30 s, 40 s for a slow scenario; reading the
# pane takes time of its own on a loaded machine).
end=$(($(date +%s) + 22))
while [ "$(date +%s)" -lt $end ] && [ ! -e "$dir/done" ]; do
  sleep 0.3
  line=$(tmux -L "$s" capture-pane -p -t "$s" 2>/dev/null | sed -e 's/[[:space:]]*$//' | grep -v '^$' | tail -1)
  [ -n "$line" ] && [ "$line" != "$(tail -1 "$seen")" ] && printf '%s\n' "$line" >> "$seen"
done
sleep 0.5
pane=$(tmux -L "$s" capture-pane -p -t "$s" | sed -e 's/[[:space:]]*$//' | awk 'NF { last = NR } { line[NR] = $0 } END { for (i = 1; i <= last; i++) print line[i] }')
tmux -L "$s" kill-server 2>/dev/null
# The messages in order; then the pane's own lines that were not one of them.
cat "$seen"
printf '%s\n' "$pane" | grep -v -x -F -f "$seen"
status=124
[ -e "$dir/done" ] && status=1
rm -rf "$dir"
exit $status
