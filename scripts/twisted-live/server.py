"""Twisted's POP3 server (twisted.mail.pop3), set up as its documentation shows: a cred Portal whose realm gives
each user a Maildir mailbox (twisted.mail.maildir.MaildirMailbox), an in-memory password checker (plain and
APOP), served on a loopback port. The replies, and their -ERR texts, are Twisted's own.

  python3 server.py PORT ROOT     (ROOT: a scratch directory; users alice and deleter, password "correct horse",
                                   3 messages each; user "broken", whose home directory is missing)
"""
import os
import sys

from twisted.cred import checkers, portal
from twisted.internet import protocol, reactor
from twisted.mail import maildir, pop3
from twisted.python import log
from zope.interface import implementer

PASSWORD = b"correct horse"


@implementer(portal.IRealm)
class MaildirRealm:
    def __init__(self, root):
        self.root = root

    def requestAvatar(self, avatarId, mind, *interfaces):
        if pop3.IMailbox not in interfaces:
            raise NotImplementedError()
        # A user's maildir under ROOT/<user>/Maildir; "broken" has no home directory there (a storage fault).
        mailbox = maildir.MaildirMailbox(os.path.join(self.root, avatarId.decode(), "Maildir"))
        return pop3.IMailbox, mailbox, lambda: None


class POP3Factory(protocol.ServerFactory):
    def __init__(self, portal):
        self.portal = portal

    def buildProtocol(self, addr):
        p = pop3.POP3()
        p.factory = self
        p.portal = self.portal
        return p


def main():
    port, root = int(sys.argv[1]), sys.argv[2]
    for user in ("alice", "deleter"):
        os.makedirs(os.path.join(root, user), exist_ok=True)
        box = os.path.join(root, user, "Maildir")
        maildir.initializeMaildir(box)
        for n in range(1, 4):
            with open(os.path.join(box, "new", f"17650000{n}.M{n}P1.localhost"), "w") as f:
                f.write(f"From: test@example.com\nSubject: message {n}\n\nHello\n")
    checker = checkers.InMemoryUsernamePasswordDatabaseDontUse(
        alice=PASSWORD, deleter=PASSWORD, broken=PASSWORD
    )
    log.startLogging(sys.stderr)
    reactor.listenTCP(port, POP3Factory(portal.Portal(MaildirRealm(root), [checker])), interface="127.0.0.1")
    reactor.run()


main()
