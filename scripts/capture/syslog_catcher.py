"""Receives syslog datagrams on /dev/log (or the socket path given as the argument) while the capture runs
(no syslog daemon on the machine) and prints each message on stdout as received:
"<PRI>Mmm dd hh:mm:ss ident[pid]: text". Removes the socket on exit.
"""
import os
import signal
import socket
import sys

PATH = sys.argv[1] if len(sys.argv) > 1 else "/dev/log"
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(PATH)
os.chmod(PATH, 0o666)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
try:
    while True:
        data = sock.recv(65536).decode("utf-8", "replace").rstrip("\0\n")
        sys.stdout.write(data.replace("\n", " ") + "\n")
        sys.stdout.flush()
finally:
    os.unlink(PATH)
