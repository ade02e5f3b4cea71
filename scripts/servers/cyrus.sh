# shellcheck shell=bash
# Cyrus IMAP 3.6 as a self-contained instance under $STATE/cyrus: `master` and
# the tools come from Debian's cyrus-common; imapd and idled are extracted from
# the cyrus-imapd .deb (it conflicts with dovecot-imapd, so it is never
# installed). /etc/imapd.conf and /etc/cyrus.conf are never read. Sourced, never run.

CY_BIN=/usr/lib/cyrus/bin

cyrus_settings() {
  CY_DIR=$STATE/cyrus
  CY_CONF=$CY_DIR/imapd.conf
  CY_HOST=${TYPED_IMAP_CYRUS_HOST:-${TYPED_IMAP_HOST:-127.0.0.1}}
  CY_PORT=${TYPED_IMAP_CYRUS_PORT:-12143}
  CY_TLS_PORT=${TYPED_IMAP_CYRUS_TLS_PORT:-12993}
  CY_UNIXSEP=${TYPED_IMAP_CYRUS_UNIXSEP:-no}
  CY_IMAPD_BIN=$CY_DIR/pkg/root$CY_BIN
  require_loopback "$([[ -n ${TYPED_IMAP_CYRUS_HOST:-} ]] && echo TYPED_IMAP_CYRUS_HOST || echo TYPED_IMAP_HOST)" "$CY_HOST"
  require_port TYPED_IMAP_CYRUS_PORT "$CY_PORT"
  require_port TYPED_IMAP_CYRUS_TLS_PORT "$CY_TLS_PORT"
  [[ $CY_UNIXSEP == yes || $CY_UNIXSEP == no ]] || die "TYPED_IMAP_CYRUS_UNIXSEP=$CY_UNIXSEP: use yes or no"
}

cyrus_fingerprint() { printf '%s\n' "$CY_HOST" "$CY_PORT" "$CY_TLS_PORT" "$CY_UNIXSEP"; }
cyrus_host() { printf '%s' "$CY_HOST"; }
cyrus_ports() { printf '%s\n' "$CY_PORT:plain:TYPED_IMAP_CYRUS_PORT" "$CY_TLS_PORT:tls:TYPED_IMAP_CYRUS_TLS_PORT"; }
cyrus_daemon_user() { printf 'cyrus'; }
# Cyrus logs through syslog(3) only, and there may be no /dev/log.
cyrus_debug_hint() {
  printf ' (Cyrus logs only to syslog; to see why, run %s/master -C %s -M %s -D)' \
    "$CY_BIN" "$CY_CONF" "$CY_DIR/cyrus.conf"
}
cyrus_log() { printf '%s' "$CY_DIR/log/master.log"; }

cyrus_env() {
  export_line TYPED_IMAP_CYRUS_HOST "$CY_HOST"
  export_line TYPED_IMAP_CYRUS_PORT "$CY_PORT"
  export_line TYPED_IMAP_CYRUS_TLS_PORT "$CY_TLS_PORT"
  export_line TYPED_IMAP_CYRUS_UNIXSEP "$CY_UNIXSEP"
}

# cyrus-common and SASL from apt (dma as the MTA it depends on, unless one is
# there), then imapd/idled of the same version out of the cyrus-imapd .deb.
cyrus_install() {
  local pkgs=(cyrus-common sasl2-bin libsasl2-modules libsasl2-modules-db)
  [[ -e /usr/sbin/sendmail ]] || pkgs+=(dma)
  apt_install "$STATE/apt.log" "${pkgs[@]}"
  cyrus_extract_imapd
}

cyrus_extract_imapd() {
  local version pkg=$CY_DIR/pkg log=$STATE/apt.log
  version=$(dpkg-query -W -f='${Version}' cyrus-common)
  if [[ -x $CY_IMAPD_BIN/imapd && $(cat "$pkg/version" 2>/dev/null) == "$version" ]]; then
    return 0
  fi
  say "extracting imapd and idled from cyrus-imapd $version (log: $log)"
  rm -rf "$pkg" && mkdir -p "$pkg"
  local get=(apt-get -q -o DPkg::Lock::Timeout=300 download "cyrus-imapd=$version")
  if ! (cd "$pkg" && "${get[@]}") >>"$log" 2>&1 </dev/null; then
    # The package lists may be missing or older than the installed cyrus-common.
    (apt-get -q -o DPkg::Lock::Timeout=300 update && cd "$pkg" && "${get[@]}") >>"$log" 2>&1 </dev/null ||
      die "apt-get download cyrus-imapd=$version failed" "$log"
  fi
  dpkg-deb -x "$pkg"/cyrus-imapd_*.deb "$pkg/root" >>"$log" 2>&1 ||
    die "dpkg-deb could not extract $(echo "$pkg"/cyrus-imapd_*.deb)" "$log"
  [[ -x $CY_IMAPD_BIN/imapd && -x $CY_IMAPD_BIN/idled ]] ||
    die "the cyrus-imapd package holds no $CY_BIN/imapd or idled"
  printf '%s\n' "$version" >"$pkg/version"
}

cyrus_configure() {
  local u
  # config/socket: each imapd binds its idle client socket there (else IDLE only polls).
  mkdir -p "$CY_DIR"/{config/socket,spool,run,log,tls}
  install -m 600 "$TLS_DIR/server.key" "$CY_DIR/tls/server.key"
  cyrus_imapd_conf >"$CY_CONF"
  cyrus_cyrus_conf >"$CY_DIR/cyrus.conf"
  rm -f "$CY_DIR/sasldb2"
  for u in alice bob carol admin; do
    printf '%spw' "$u" | saslpasswd2 -p -c -f "$CY_DIR/sasldb2" -u localhost "$u" 2>>"$CY_DIR/log/setup.log" ||
      die "cyrus: saslpasswd2 could not add user $u" "$CY_DIR/log/setup.log"
  done
  chmod 640 "$CY_DIR/sasldb2"
  chown -R cyrus:mail "$CY_DIR"/{config,spool,run,log,tls,sasldb2}
}

# Starts the master (-d: it daemonizes) and records its PID.
cyrus_launch() {
  local log=$CY_DIR/log/master.log pidfile=$CY_DIR/run/master.pid
  rm -f "$pidfile"
  "$CY_BIN/master" -C "$CY_CONF" -M "$CY_DIR/cyrus.conf" -p "$pidfile" -L "$log" -l 256 -d \
    </dev/null >>"$CY_DIR/log/master.out" 2>&1 9>&- || die "cyrus master did not start" "$CY_DIR/log/master.out"
  wait_for_file "$pidfile" || die "cyrus master wrote no $pidfile (Cyrus logs only to syslog; run it with -D to see why)" "$log"
  record_pid "$(cat "$pidfile")" "$CY_DIR/started.pid"
}

# Once per state dir: log every user in (autocreates INBOX with its quota root)
# and create the special-use folders.
cyrus_bootstrap() {
  [[ -e $CY_DIR/bootstrapped ]] && return 0
  local sep=.
  [[ $CY_UNIXSEP == yes ]] && sep=/
  timeout 20 "$PYTHON" - "$CY_HOST" "$CY_PORT" "$sep" >>"$CY_DIR/log/setup.log" 2>&1 <<'EOF' ||
import imaplib, sys
host, port, sep = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for user in ("alice", "bob", "carol"):
    imap = imaplib.IMAP4(host, port, timeout=10)
    imap.login(user, user + "pw")
    for name in ("Drafts", "Sent", "Trash", "Junk", "Archive"):
        # altnamespace (with the / separator) puts personal folders at the top level
        mailbox = name if sep == "/" else "INBOX." + name
        typ, data = imap._simple_command("CREATE", mailbox, "(USE (\\%s))" % name)
        print(user, "CREATE", mailbox, typ, data)
        imap.subscribe(mailbox)
    imap.logout()
EOF
    die "cyrus: creating the users' mailboxes failed" "$CY_DIR/log/setup.log"
  touch "$CY_DIR/bootstrapped"
}

cyrus_imapd_conf() {
  cat <<EOF
# Generated by scripts/test-servers; rewritten on every start. See spec/test-servers.md.
configdirectory: $CY_DIR/config
partition-default: $CY_DIR/spool
defaultpartition: default
proc_path: $CY_DIR/run/proc
mboxname_lockpath: $CY_DIR/run/lock
idlesocket: $CY_DIR/run/idle
lmtpsocket: $CY_DIR/run/lmtp
notifysocket: $CY_DIR/run/notify
servername: localhost
admins: admin
proxyservers: admin
altnamespace: $CY_UNIXSEP
unixhierarchysep: $CY_UNIXSEP
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $CY_DIR/sasldb2
sasl_mech_list: PLAIN LOGIN CRAM-MD5 SCRAM-SHA-1 SCRAM-SHA-256
allowplaintext: yes
failedloginpause: 0
autocreate_quota: 10240
autocreate_quota_messages: 1000
annotation_enable_legacy_commands: yes
delete_mode: immediate
imapidlepoll: 1
master_bind_errors_fatal: yes
tls_server_cert: $TLS_DIR/fullchain.pem
tls_server_key: $CY_DIR/tls/server.key
tls_versions: tls1_2 tls1_3
EOF
}

cyrus_cyrus_conf() {
  local c="-C $CY_CONF" plain tls
  plain=$(host_port "$CY_HOST" "$CY_PORT")
  tls=$(host_port "$CY_HOST" "$CY_TLS_PORT")
  cat <<EOF
# Generated by scripts/test-servers; rewritten on every start. See spec/test-servers.md.
START {
  recover cmd="$CY_BIN/ctl_cyrusdb $c -r"
}
SERVICES {
  imap  cmd="$CY_IMAPD_BIN/imapd $c" listen="$plain" prefork=1
  imaps cmd="$CY_IMAPD_BIN/imapd -s $c" listen="$tls" prefork=1
}
EVENTS {
  checkpoint cmd="$CY_BIN/ctl_cyrusdb $c -c" period=30
}
DAEMON {
  idled cmd="$CY_IMAPD_BIN/idled $c"
}
EOF
}
