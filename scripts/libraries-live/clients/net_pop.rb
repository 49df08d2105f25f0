# A Ruby script with Net::POP3 (the net-pop gem), exceptions left to Ruby as most scripts do.
# Environment: as imap_open.php; POP_DEBUG=1 sets the library's debug output (set_debug_output $stderr).
require 'net/pop'

host, port = ENV['POP_HOST'], ENV['POP_PORT'].to_i
pop = Net::POP3.new(host, port)
pop.open_timeout = 12
pop.read_timeout = 12
pop.set_debug_output($stderr) if ENV['POP_DEBUG'] == '1'
pop.enable_ssl(OpenSSL::SSL::VERIFY_PEER) if ENV['POP_TLS'] == 'implicit'
op, n = ENV['POP_OP'].split(':')
pop.start(ENV['POP_USER'], ENV['POP_PASS']) do |session|
  if op == 'dele-retr'
    session.mails.find { |m| m.number == n.to_i }.delete
    puts session.mails.find { |m| m.number == n.to_i }.pop
  elsif op == 'uidl'
    session.each_mail { |m| puts m.unique_id }
  elsif op == 'list'
    puts "#{session.n_mails} messages"
  else
    mail = session.mails.find { |m| m.number == n.to_i }
    raise "no message #{n}" unless mail
    puts mail.pop
  end
end
