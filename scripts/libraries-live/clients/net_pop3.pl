#!/usr/bin/perl
# A Perl script as people write one with Net::POP3 (libnet): connect, log in, list, fetch.
# Environment: as imap_open.php; POP_DEBUG=1 turns on the library's own protocol trace.
use strict;
use warnings;
use Net::POP3;

my $tls = $ENV{POP_TLS};
my $pop = Net::POP3->new($ENV{POP_HOST}, Port => $ENV{POP_PORT}, Timeout => 12,
    SSL => ($tls eq 'implicit' ? 1 : 0), Debug => ($ENV{POP_DEBUG} // 0))
    or die "Cannot connect to $ENV{POP_HOST}: $@";
if ($tls eq 'stls') {
    $pop->starttls() or die "STARTTLS failed: " . ($pop->message // $@);
}
defined($pop->login($ENV{POP_USER}, $ENV{POP_PASS}))
    or die "Cannot log in: " . $pop->message;
my ($op, $n) = split /:/, $ENV{POP_OP};
if ($op eq 'dele-retr') {
    $pop->delete($n) or die "DELE $n failed: " . $pop->message;
}
if ($op eq 'uidl') {
    my $uidl = $pop->uidl() or die "UIDL failed: " . $pop->message;
    print scalar(keys %$uidl), " messages\n";
} elsif ($op eq 'list') {
    my $list = $pop->list() or die "LIST failed: " . $pop->message;
    print scalar(keys %$list), " messages\n";
} else {
    my $msg = $pop->get($n) or die "Cannot retrieve message $n: " . $pop->message;
    print @$msg;
}
$pop->quit();
