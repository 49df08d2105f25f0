<?php
// A PHP script as people write one to read a POP box with ext/imap (c-client): open, count, fetch.
// Environment: POP_HOST POP_PORT POP_USER POP_PASS POP_TLS (none|stls|implicit) POP_OP (list|retr:N|dele-retr:N|uidl)
$host = getenv('POP_HOST'); $port = getenv('POP_PORT');
$flags = ['none' => '/notls', 'stls' => '/tls', 'implicit' => '/ssl'][getenv('POP_TLS')];
imap_timeout(IMAP_OPENTIMEOUT, 12);
imap_timeout(IMAP_READTIMEOUT, 12);
$mbox = imap_open("{{$host}:{$port}/pop3{$flags}}INBOX", getenv('POP_USER'), getenv('POP_PASS'), 0, 1);
if (!$mbox) {
    die("Cannot connect to the mailbox: " . imap_last_error() . "\n");
}
[$op, $n] = array_pad(explode(':', getenv('POP_OP')), 2, '1');
if ($op === 'dele-retr') {
    imap_delete($mbox, $n);
    imap_expunge($mbox);
}
if ($op === 'uidl') {
    echo imap_uid($mbox, 1), "\n";
} elseif ($op === 'list') {
    echo imap_num_msg($mbox), " messages\n";
} else {
    echo imap_body($mbox, (int) $n);
}
imap_close($mbox);
