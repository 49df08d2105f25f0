"""Twisted's POP3 client (twisted.mail.pop3client, imported from twisted.mail.pop3 as its deprecation warning asks) fetching a mailbox, as its API documentation shows: an
endpoint from a string (`tcp:` or, for implicit TLS, `tls:`, which verifies the certificate against the
system's roots), login() (STLS by itself when the server offers it; startTLS() first when TLS is asked for), then LIST, UIDL,
RETR or DELE and RETR, quit().
task.react prints an uncaught failure with its traceback, which is what the user sees.
Environment: POP_HOST, POP_PORT, POP_USER, POP_PASS, POP_TLS (none | stls | implicit), POP_OP.
"""
import os

from twisted.internet import defer, endpoints, task
from twisted.mail.pop3 import AdvancedPOP3Client as POP3Client


class Client(POP3Client):
    # A plain connection to a server that offers no STLS is refused by login() unless told (the docs' advice).
    allowInsecureLogin = True
    # No timeout unless set: it waits for a silent server without end.
    timeout = 20


@defer.inlineCallbacks
def main(reactor):
    host, port = os.environ["POP_HOST"], os.environ["POP_PORT"]
    kind = "tls" if os.environ["POP_TLS"] == "implicit" else "tcp"
    endpoint = endpoints.clientFromString(reactor, f"{kind}:host={host}:port={port}")
    client = yield endpoints.connectProtocol(endpoint, Client())
    if os.environ["POP_TLS"] == "stls":
        # Asked for: TLS before the login, whatever the server offers (login() alone would go on in plain text).
        yield client.startTLS()
    yield client.login(os.environ["POP_USER"].encode(), os.environ["POP_PASS"].encode())
    op = os.environ["POP_OP"]
    if op.startswith("dele-retr:"):
        yield client.delete(int(op[10:]) - 1)
        lines = yield client.retrieve(int(op[10:]) - 1)
        print(b"\n".join(lines).decode())
    elif op == "uidl":
        print("UIDs:", (yield client.listUID()))
    elif op.startswith("retr:"):
        lines = yield client.retrieve(int(op[5:]) - 1)
        print(b"\n".join(lines).decode())
    else:
        print("sizes:", (yield client.listSize()))
    yield client.quit()


task.react(main)
