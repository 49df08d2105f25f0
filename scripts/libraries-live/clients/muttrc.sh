# Sourced by neomutt.sh and scripts/clients-live/clients/mutt.sh: the one-account configuration both programs
# read (Mutt and NeoMutt share these settings), written into "$dir", and the URL scheme in "$scheme".
# Environment: POP_PASS, POP_TLS (none | stls | implicit).
touch "$dir/empty"
scheme=pop
[ "$POP_TLS" = implicit ] && scheme=pops
tls=no
[ "$POP_TLS" = stls ] && tls=yes
cat > "$dir/muttrc" <<RC
set pop_pass="$POP_PASS"
set ssl_starttls=$tls
set ssl_force_tls=$tls
set connect_timeout=12
set timeout=5
set spoolfile="$dir/empty"
set folder="$dir"
set certificate_file="$dir/certificates"
set header_cache=""
RC
