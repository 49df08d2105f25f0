#!/bin/sh
# Emacs's pop3.el in batch mode (pop3_movemail.el), in a home of its own with the ~/.emacs.d every Emacs user
# has (the Network Security Manager writes what it decided there). Environment: as pop3_movemail.el.
dir=$(mktemp -d)
mkdir "$dir/.emacs.d"
# pop3.el waits for a greeting without end: stopped at 25 s, before the harness kills the run (30 s, 40 s for a slow scenario).
HOME="$dir" timeout 25 emacs -Q --batch -l "$(dirname "$0")/pop3_movemail.el"
status=$?
rm -rf "$dir"
exit $status
