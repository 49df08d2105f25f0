#!/bin/sh
# Successful POP sessions, captured live: Twisted's POP3 server (python3-twisted 22.4.0-4+deb12u1, Debian 12,
# unpacked with apt-get download + dpkg -x, run with scripts/twisted-live/server.py) on 127.0.0.1:$PORT, read by
# Python's poplib (debug level 2) and a session typed through a socket (C:/S: marks).
# (Its RETR, TOP and UIDL fail in this setup: server.py writes the messages as text, Twisted's transform wants bytes;
# the sessions here do not read a message.) Writes data/success/*.txt; the password is masked as a user pasting would (********).
# Usage: PYTHONPATH=<unpacked dist-packages> sh scripts/negatives/capture-success.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/data/success"
PORT=${PORT:-10611}
mkdir -p "$out"
root=$(mktemp -d)
/usr/bin/python3 "$here/../twisted-live/server.py" "$PORT" "$root" 2>"$root/server.log" &
pid=$!
sleep 2
mask() { sed -e 's/correct horse/********/g' -e 's/Y29ycmVjdCBob3JzZQ==/********/g' -e 's/AGFsaWNlAGNvcnJlY3QgaG9yc2U=/********/g'; }
/usr/bin/python3 - "$PORT" <<'PY' 2>&1 | mask >"$out/poplib-debug.txt" || true
import poplib, sys
p = poplib.POP3("127.0.0.1", int(sys.argv[1]), timeout=10)
p.set_debuglevel(2)
p.user("alice"); p.pass_("correct horse")
print(p.stat()); print(p.list()); p.quit()
PY
/usr/bin/python3 - "$PORT" <<'PY' 2>&1 | mask >"$out/session-cs.txt" || true
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
f = s.makefile("rb")
def line(): return f.readline().decode().rstrip("\r\n")
def multi():
    out = []
    while True:
        l = line(); out.append(l)
        if l == ".": return out
print("S: " + line())
for cmd, ml in [("CAPA", True), ("USER alice", False), ("PASS correct horse", False), ("STAT", False),
                ("LIST", True), ("NOOP", False), ("DELE 3", False), ("RSET", False), ("QUIT", False)]:
    print("C: " + cmd); s.sendall((cmd + "\r\n").encode())
    first = line(); print("S: " + first)
    if ml and first.startswith("+OK"):
        for l in multi(): print("S: " + l)
PY
kill "$pid"
rm -rf "$root"
