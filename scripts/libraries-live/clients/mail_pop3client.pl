#!/usr/bin/perl
# A Perl script with Mail::POP3Client, as its manual shows: Count() is -1 when the login failed.
# Environment: as imap_open.php; POP_DEBUG=1 turns on the library's DEBUG trace.
use strict;
use warnings;
use Mail::POP3Client;

my $pop = Mail::POP3Client->new(
    USER => $ENV{POP_USER}, PASSWORD => $ENV{POP_PASS}, HOST => $ENV{POP_HOST},
    PORT => $ENV{POP_PORT}, USESSL => ($ENV{POP_TLS} eq 'implicit' ? 1 : 0),
    TIMEOUT => 12, DEBUG => ($ENV{POP_DEBUG} // 0));
if ($pop->Count() < 0) {
    die "Cannot read the mailbox: " . $pop->Message() . "\n";
}
my ($op, $n) = split /:/, $ENV{POP_OP};
if ($op eq 'dele-retr') {
    $pop->Delete($n) or die "Cannot delete message $n: " . $pop->Message() . "\n";
}
if ($op eq 'uidl') {
    my @uidl = $pop->Uidl() or die "UIDL failed: " . $pop->Message() . "\n";
    print scalar(@uidl), " messages\n";
} elsif ($op eq 'list') {
    print $pop->Count(), " messages\n";
} else {
    my $msg = $pop->Retrieve($n);
    defined $msg or die "Cannot retrieve message $n: " . $pop->Message() . "\n";
    print $msg;
}
$pop->Close();
