# Perl Mail::Box opening a POP3 folder through its manager, as Mail::Box::POP3's manual shows; the
# library reports through Mail::Reporter (ERROR:/WARNING: lines on stderr), the script dies when open fails.
# Environment: POP_HOST, POP_PORT, POP_USER, POP_PASS, POP_TLS (none | implicit), POP_OP (list | retr:N).
use strict;
use warnings;
use Mail::Box::Manager;

my $mgr    = Mail::Box::Manager->new;
my $folder = $mgr->open(
  type        => 'pop3',
  username    => $ENV{POP_USER},
  password    => $ENV{POP_PASS},
  server_name => $ENV{POP_HOST},
  server_port => $ENV{POP_PORT},
  ($ENV{POP_TLS} eq 'implicit' ? (use_ssl => 1) : ()),
) or die "Cannot open the POP3 mailbox of $ENV{POP_USER}\n";

my $n = $folder->messages;
print "$n messages\n";
if ($ENV{POP_OP} =~ /^retr:(\d+)$/) {
  my $message = $folder->message($1 - 1) or die "No message $1\n";
  print $message->head->get('Subject') // '', "\n";
  print length($message->body->string), " bytes\n";
}
$folder->close;
