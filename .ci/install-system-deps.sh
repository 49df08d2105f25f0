#!/bin/sh
# System packages the test suite needs: a real Dovecot POP3 server (test/support/dovecot.ts), openssl to
# make test certificates, curl. Idempotent; needs root (or sudo) when something is missing.
set -eu

PACKAGES="dovecot-pop3d openssl curl"

missing=""
for pkg in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $pkg"
  fi
done

if [ -z "$missing" ]; then
  echo "install-system-deps: already installed:$(printf ' %s' $PACKAGES)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "install-system-deps: installing$missing"
$SUDO apt-get update -qq
# The package would start a system-wide Dovecot on ports 110/995; the tests start their own instances.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet dovecot 2>/dev/null; then
  $SUDO systemctl stop dovecot || true
fi
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || {
  echo "install-system-deps: dovecot is still missing" >&2
  exit 1
}
