#!/bin/sh
# The log sink of the logs-more capture: runs a command in a private mount namespace where syslog(3) reaches a
# real systemd-journald (this machine's systemd 252, started by hand: there is no systemd as PID 1 here) and,
# forwarded by it as on a Debian 12 server, a real rsyslogd (Debian 12's rsyslog package, unpacked with dpkg -x
# into $POPBOT_RSYSLOG_DIR, never installed). rsyslogd writes syslog, mail.log and auth.log (Debian's rules) twice: in Debian 12's default
# format (RSYSLOG_FileFormat, RFC 3339 high-precision times) and in the traditional one (RSYSLOG_TraditionalFileFormat,
# Debian 11 and older). The command reads the journal with `journalctl -D "$SINK/journal"` (see logs-more.mjs).
# Nothing outside the namespace changes: /dev, /run and /var/log are private; nobody else's /dev/log is touched.
#
#   sh scripts/logs/sink.sh <out-dir> <command…>      (as root)
set -e
OUT=$(realpath "$1"); shift
RS=${POPBOT_RSYSLOG_DIR:-/var/cache/popbot/rsyslog}
if [ ! -x "$RS/root/usr/sbin/rsyslogd" ]; then
  mkdir -p "$RS/debs" && chmod 777 "$RS/debs"
  (cd "$RS/debs" && apt-get download -qq rsyslog libestr0 libfastjson4)
  for d in "$RS"/debs/*.deb; do dpkg -x "$d" "$RS/root"; dpkg-deb -W --showformat='${Package} ${Version}\n' "$d"; done > "$RS/packages.txt"
fi
mkdir -p "$OUT/var/log" "$OUT/spool"
cat > "$OUT/journald.conf" <<CONF
[Journal]
Storage=volatile
ForwardToSyslog=yes
RateLimitBurst=0
CONF
MULTIARCH=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
cat > "$OUT/rsyslog.conf" <<CONF
global(workDirectory="$OUT/spool")
module(load="imuxsock" SysSock.Name="/run/systemd/journal/syslog" SysSock.RateLimit.Interval="0")
*.*;auth,authpriv.none  action(type="omfile" file="/var/log/syslog")
mail.*                 action(type="omfile" file="/var/log/mail.log")
auth,authpriv.*        action(type="omfile" file="/var/log/auth.log")
*.*;auth,authpriv.none  action(type="omfile" file="/var/log/traditional/syslog" template="RSYSLOG_TraditionalFileFormat")
mail.*                 action(type="omfile" file="/var/log/traditional/mail.log" template="RSYSLOG_TraditionalFileFormat")
auth,authpriv.*        action(type="omfile" file="/var/log/traditional/auth.log" template="RSYSLOG_TraditionalFileFormat")
CONF
export SINK="$OUT" RSYSLOG_LIB="$RS/root/usr/lib/$MULTIARCH"
exec unshare -m sh -c '
set -e
mount -t tmpfs tmpfs /run
mkdir -p /run/olddev && mount --rbind /dev /run/olddev
mount -t tmpfs -o mode=755 tmpfs /dev
for n in null zero urandom random full tty; do touch /dev/$n; mount --bind /run/olddev/$n /dev/$n; done
ln -s /proc/self/fd /dev/fd
mkdir -p /dev/shm && mount -t tmpfs tmpfs /dev/shm
mount --bind "$SINK/var/log" /var/log
mount --bind "$SINK/journald.conf" /etc/systemd/journald.conf
/lib/systemd/systemd-journald & J=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -S /run/systemd/journal/dev-log ] && break; sleep 0.2; done
ln -s /run/systemd/journal/dev-log /dev/log
LD_LIBRARY_PATH="$RSYSLOG_LIB" "'"$RS"'/root/usr/sbin/rsyslogd" -n -f "$SINK/rsyslog.conf" -i "$SINK/rsyslogd.pid" -M "$RSYSLOG_LIB/rsyslog" & R=$!
sleep 1
set +e
"$@"; rc=$?
sleep 1
mkdir -p "$SINK/journal" && cp -r /run/log/journal/. "$SINK/journal/"
kill $R $J; wait
exit $rc
' sink "$@"
