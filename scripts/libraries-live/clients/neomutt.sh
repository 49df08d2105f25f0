#!/bin/sh
# NeoMutt opening a POP mailbox, as a user would with `neomutt -f pop://user@host:port/`. It needs a terminal:
# it runs in a detached tmux pane (own socket), and what the pane shows when it exits, or after 25 s (a
# prompt, a stalled connection), is printed. Environment: as imap_open.php.
s="popmutt$$"
dir=$(mktemp -d)
. "$(dirname "$0")/muttrc.sh"
tmux -L libs5 new-session -d -s "$s" -x 200 -y 40 \
  "env LANG=$LANG LC_ALL=$LC_ALL neomutt -n -F '$dir/muttrc' -f '$scheme://$POP_USER@$POP_HOST:$POP_PORT/'; tmux -L libs5 wait-for -S $s; sleep 5"
timeout 25 tmux -L libs5 wait-for "$s"
status=$?
tmux -L libs5 capture-pane -p -t "$s" | sed -e 's/[[:space:]]*$//' | awk 'NF { last = NR } { line[NR] = $0 } END { for (i = 1; i <= last; i++) print line[i] }'
tmux -L libs5 kill-session -t "$s" 2>/dev/null
rm -rf "$dir"
[ $status -eq 0 ] && exit 1 || exit 124
