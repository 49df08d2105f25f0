#!/bin/sh
# Errors of programs that are not mail programs, captured live in English, French and Vietnamese (Debian 12:
# coreutils 9.1-1, git 2.39.5-0+deb12u3, wget 1.21.3-1+deb12u1, tar 1.34+dfsg-1.2+deb12u1, apt 2.6.1, curl
# 7.88.1-10+deb12u14, openssh-client 9.2p1-2+deb12u6; French and Vietnamese through LANGUAGE=fr|vi with
# LANG=C.UTF-8, the programs' own catalogues). No network here: names do not resolve; 127.0.0.1:1 refuses;
# a local openssl s_server with a self-signed certificate answers https on 127.0.0.1:$TLSPORT.
# Writes data/tools/<id>.<lang>.txt (the output as the terminal shows it, the command line first as "$ …").
set -u
here=$(cd "$(dirname "$0")" && pwd)
out="$here/data/tools"
TLSPORT=${TLSPORT:-18443}
mkdir -p "$out"
work=$(mktemp -d)
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=files.example.org -days 30 \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl s_server -accept "$TLSPORT" -cert "$work/cert.pem" -key "$work/key.pem" -www -quiet >/dev/null 2>&1 &
srv=$!
sleep 1
cd "$work"
run() { # id, localised?, command...
  id=$1; loc=$2; shift 2
  for lang in en fr vi; do
    [ "$lang" != en ] && [ "$loc" = no ] && continue
    if [ "$lang" = en ]; then L=C.UTF-8; LG=; else L=C.UTF-8; LG=$lang; fi
    { echo "\$ $*"; LANG=$L LANGUAGE=$LG timeout 20 sh -c "$*" 2>&1; } >"$out/$id.$lang.txt"
  done
}
run ls-missing yes ls /srv/backup/2026-12
run cp-missing yes cp rapport.pdf /media/usb/
run mkdir-exists yes 'mkdir -p x && mkdir x'
run tar-missing yes tar xzf sauvegarde.tar.gz
run git-not-repo yes git status
run git-clone-dns yes git clone https://github.com/example/project.git
run git-clone-refused yes git clone https://127.0.0.1:1/team/site.git
run git-clone-cert yes git clone https://127.0.0.1:$TLSPORT/team/site.git
run git-ssh-dns yes git clone git@gitlab.example.org:team/site.git
run wget-dns yes wget https://downloads.example.org/setup.iso
run wget-refused yes wget http://127.0.0.1:1/index.html
run wget-cert yes wget https://127.0.0.1:$TLSPORT/setup.iso
run apt-missing yes apt-get install -s nonexistent-package-name
run curl-dns no curl https://api.example.org/v1/users
run curl-refused no curl https://127.0.0.1:1/
run curl-cert no curl https://127.0.0.1:$TLSPORT/
run ssh-dns no ssh -o BatchMode=yes deploy@build.example.org
run ssh-refused no ssh -o BatchMode=yes -p 1 deploy@127.0.0.1
kill "$srv"
cd / && rm -rf "$work"
