#!/bin/sh
# System packages the test suite needs, idempotent; needs root (or sudo) when something is missing.
#
# 1. Installed: a real Dovecot POP3 server (test/support/dovecot.ts), openssl to make test certificates, curl.
# 2. Unpacked, never installed: GNU Mailutils' pop3d, popa3d and solid-pop3d for test/support/pop-servers.ts.
#    Their packages conflict with dovecot-pop3d, so they are fetched with `apt-get download` and unpacked
#    with `dpkg -x` into a cache folder (POPBOT_POP_SERVERS_DIR, default /var/cache/popbot/pop-servers),
#    with the shared libraries they need that this machine lacks. The tests run them from there, with
#    LD_LIBRARY_PATH pointing into the cache.
set -eu

PACKAGES="dovecot-pop3d openssl curl util-linux"
POP_SERVERS="mailutils-pop3d popa3d solid-pop3d"
# Every library package the three daemons (and mailutils' popauth) link against, from `ldd` on Debian 12;
# only those not installed here are fetched.
POP_LIBRARIES="mailutils-common libmailutils9 libmu-dbm9 libgsasl18 libkyotocabinet16v5 libmariadb3
  liblzo2-2 liblockfile1 libgdbm6 libdb5.3 libgnutls30 libldap-2.5-0 libnsl2 libunistring2 libwrap0 libpq5
  libgssglue1 libntlm0 libidn12 libsasl2-2 libgssapi-krb5-2 libkrb5-3 libk5crypto3 libkrb5support0"
CACHE="${POPBOT_POP_SERVERS_DIR:-/var/cache/popbot/pop-servers}"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

updated=""
apt_update() {
  if [ -z "$updated" ]; then
    $SUDO apt-get update -qq
    updated=yes
  fi
}

missing=""
for pkg in $PACKAGES; do
  installed "$pkg" || missing="$missing $pkg"
done
if [ -z "$missing" ]; then
  echo "install-system-deps: already installed:$(printf ' %s' $PACKAGES)"
else
  echo "install-system-deps: installing$missing"
  apt_update
  # The package would start a system-wide Dovecot on ports 110/995; the tests start their own instances.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet dovecot 2>/dev/null; then
    $SUDO systemctl stop dovecot || true
  fi
fi
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || {
  echo "install-system-deps: dovecot is still missing" >&2
  exit 1
}

# --- The other POP servers, unpacked into the cache -------------------------------------------------
MULTIARCH="$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo "$(uname -m)-linux-gnu")"
libpath() {
  printf '%s:%s' "$CACHE/root/usr/lib/$MULTIARCH" "$CACHE/root/lib/$MULTIARCH"
}
BINARIES="usr/sbin/pop3d usr/sbin/popa3d usr/sbin/solid-pop3d usr/bin/popauth"
unresolved() {
  for bin in $BINARIES; do
    [ -x "$CACHE/root/$bin" ] || { echo "$bin"; continue; }
    LD_LIBRARY_PATH="$(libpath)" ldd "$CACHE/root/$bin" | grep 'not found' || true
  done
}

if [ -f "$CACHE/packages.txt" ] && [ -z "$(unresolved)" ]; then
  echo "install-system-deps: POP servers already unpacked in $CACHE"
  exit 0
fi

echo "install-system-deps: unpacking$(printf ' %s' $POP_SERVERS) into $CACHE"
wanted="$POP_SERVERS"
for lib in $POP_LIBRARIES; do
  installed "$lib" || wanted="$wanted $lib"
done
apt_update
$SUDO rm -rf "$CACHE/debs"
$SUDO mkdir -p "$CACHE/debs"
$SUDO chmod 0777 "$CACHE/debs" # apt-get download writes as the unprivileged _apt user when it can
(cd "$CACHE/debs" && $SUDO apt-get download -qq $wanted)
$SUDO rm -rf "$CACHE/root"
for deb in "$CACHE"/debs/*.deb; do
  $SUDO dpkg -x "$deb" "$CACHE/root"
done
# Provenance: exactly which package versions the tests run.
for deb in "$CACHE"/debs/*.deb; do
  dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb"
done | $SUDO tee "$CACHE/packages.txt" >/dev/null

left="$(unresolved)"
if [ -n "$left" ]; then
  echo "install-system-deps: still missing for the POP servers:" >&2
  echo "$left" >&2
  exit 1
fi
echo "install-system-deps: POP servers ready in $CACHE"
