"""A user's small mail-fetching script with Python's poplib, as people write one (run by the capture).

Arguments: host port security(plain|stls|implicit) user timeout [cafile]; the password is read from
~/.popsecret. Errors are not caught: the traceback is what such a user pastes.
"""
import os
import poplib
import ssl
import sys

host, port, security, user, timeout = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])
cafile = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] else None
password = open(os.path.expanduser("~/.popsecret")).read().strip()
context = ssl.create_default_context(cafile=cafile)

if security == "implicit":
    box = poplib.POP3_SSL(host, port, timeout=timeout, context=context)
else:
    box = poplib.POP3(host, port, timeout=timeout)
    if security == "stls":
        box.stls(context=context)
print(box.getwelcome().decode())
box.user(user)
box.pass_(password)
count, size = box.stat()
print(f"{count} messages, {size} bytes")
for i in range(1, count + 1):
    lines = box.retr(i)[1]
    print(f"message {i}: {len(lines)} lines")
box.quit()
