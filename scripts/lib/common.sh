# shellcheck shell=bash
# Shared helpers of scripts/test-servers: messages, settings, ports, processes, apt.
# Sourced, never run. See spec/test-servers.md.

# Prints a one-line error (and, with a log file, its last lines) and exits 1.
# usage: die MESSAGE [LOGFILE]
die() {
  printf 'test-servers: %s\n' "$1" >&2
  if [[ -n ${2:-} && -s $2 ]]; then
    printf -- '--- last lines of %s ---\n' "$2" >&2
    tail -n 15 "$2" >&2
  fi
  exit 1
}

# Progress goes to stderr: stdout carries only `export` lines.
say() { printf 'test-servers: %s\n' "$*" >&2; }

# Single-quotes a value for the shell when it has anything but safe characters.
shell_quote() {
  if [[ $1 =~ ^[A-Za-z0-9_./:=@+,-]+$ ]]; then
    printf '%s' "$1"
  else
    printf "'%s'" "${1//\'/\'\\\'\'}"
  fi
}

# Prints `export NAME=value`.
export_line() { printf 'export %s=%s\n' "$1" "$(shell_quote "$2")"; }

# Accepts only loopback literals: 127.0.0.0/8 or ::1.
require_loopback() { # VAR VALUE
  local octet='(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])'
  if [[ $2 == "::1" || $2 =~ ^127\.$octet\.$octet\.$octet$ ]]; then
    return 0
  fi
  die "$1=$2 is not a loopback address: only 127.x.x.x or ::1 may be bound"
}

require_port() { # VAR VALUE
  if [[ ! $2 =~ ^[0-9]+$ ]] || ((10#$2 < 1024 || 10#$2 > 65535)); then
    die "$1=$2 is not a port number between 1024 and 65535"
  fi
}

# host:port for messages and for Cyrus' listen=, with IPv6 in brackets.
host_port() { if [[ $1 == *:* ]]; then printf '[%s]:%s' "$1" "$2"; else printf '%s:%s' "$1" "$2"; fi; }

# The state directory must be an absolute path without blanks (config files
# quote nothing) that the servers' unprivileged users can reach.
# Without TYPED_IMAP_STATE it is <repo>/target/test-servers, unless the repo
# itself is closed to other users (e.g. a clone under /root): then a directory
# under /tmp named after the repo path, the same for every subcommand.
resolve_state_dir() {
  STATE=${TYPED_IMAP_STATE:-$REPO/target/test-servers}
  if [[ -z ${TYPED_IMAP_STATE:-} ]] && ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$REPO"; then
    STATE=/tmp/typed-imap-test-servers-$(printf '%s' "$REPO" | sha256sum | cut -c1-12)
  fi
  STATE=$(realpath -m -- "$STATE")
  [[ $STATE =~ ^/[A-Za-z0-9_./+,@=-]+$ ]] ||
    die "TYPED_IMAP_STATE=$STATE: the state directory path may only contain letters, digits and _./+,@=-"
  TLS_DIR=$STATE/tls
}

# Every parent of the state dir must be traversable by others, or the mail
# and cyrus users cannot reach their files.
require_reachable_state() { # USER
  mkdir -p "$STATE"
  if ! setpriv --reuid="$1" --regid="$(id -g "$1")" --clear-groups test -x "$STATE"; then
    die "user $1 cannot enter $STATE (a parent directory lacks o+x); set TYPED_IMAP_STATE to a directory such as /tmp/typed-imap-servers"
  fi
}

# --- processes ---------------------------------------------------------------

# Start time of a process (field 22 of /proc/PID/stat), empty when gone.
proc_start_time() {
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 0
  stat=${stat##*) }
  # shellcheck disable=SC2086
  set -- $stat
  printf '%s' "${20}"
}

# True when the PID recorded in FILE ("pid starttime") still runs.
recorded_alive() { # FILE
  local pid start
  [[ -s $1 ]] || return 1
  read -r pid start <"$1" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -n $start && $(proc_start_time "$pid") == "$start" ]]
}

recorded_pid() { local pid _; read -r pid _ <"$1"; printf '%s' "$pid"; }

# Records PID with its start time, so a reused PID is never mistaken for ours.
record_pid() { # PID FILE
  printf '%s %s\n' "$1" "$(proc_start_time "$1")" >"$2"
}

# PIDs of the processes in session SID (daemons that setsid() lead their own).
session_members() { # SID
  local sid=$1 stat f
  for f in /proc/[0-9]*/stat; do
    { read -r stat <"$f"; } 2>/dev/null || continue
    stat=${stat##*) }
    # fields after comm: state ppid pgrp session
    # shellcheck disable=SC2086
    set -- $stat
    if [[ ${4:-} == "$sid" ]]; then
      f=${f#/proc/}
      printf '%s\n' "${f%/stat}"
    fi
  done
}

# True once FILE is non-empty, waiting up to 5 s (daemons write pid files after forking).
wait_for_file() {
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $1 ]] && return 0
    sleep 0.1
  done
  return 1
}

# Stops the recorded process and everything in its session; waits until gone.
# usage: stop_recorded NAME PIDFILE
stop_recorded() {
  local name=$1 file=$2 pid left i
  if ! recorded_alive "$file"; then
    rm -f "$file"
    return 0
  fi
  pid=$(recorded_pid "$file")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do # 15 s
    left=$(session_members "$pid")
    [[ -z $left ]] && ! recorded_alive "$file" && break
    sleep 0.1
  done
  if [[ -n $left ]] || recorded_alive "$file"; then
    recorded_alive "$file" && left="$pid $left"
    say "$name: still running after 15 s, killing ${left//$'\n'/ }"
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$file"
}

# --- ports ---------------------------------------------------------------------

# Fails with one line when HOST:PORT cannot be bound (something else holds it).
require_free_port() { # SERVER HOST PORT VAR
  local server=$1 host=$2 port=$3 var=$4 holder=''
  if "$PYTHON" - "$host" "$port" <<'EOF' 2>/dev/null; then return 0; fi
import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((host, port))
EOF
  holder=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(("[^"]*",pid=[0-9]*' | head -n 1 |
    sed 's/users:(("\([^"]*\)",pid=\([0-9]*\)/ (held by \1, pid \2)/') || true
  die "$server: port $(host_port "$host" "$port") is already in use$holder; stop that or set $var to a free port"
}

# Waits until every PORT:mode on HOST answers with an IMAP greeting, TLS ones
# verified against the test CA; gives up early when process PID is gone.
# Prints the last error on failure.
# usage: wait_greetings SECONDS PID HOST PORT:plain PORT:tls ...
wait_greetings() {
  timeout "$(($1 + 2))" "$PYTHON" - "$TLS_DIR/ca.pem" "$@" <<'EOF'
import os, socket, ssl, sys, time
ca, secs, pid, host, targets = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5:]
deadline = time.monotonic() + secs
ctx = ssl.create_default_context(cafile=ca)
for target in targets:
    port, mode = target.split(":")
    while True:
        try:
            with socket.create_connection((host, int(port)), timeout=1) as raw:
                sock = ctx.wrap_socket(raw, server_hostname="localhost") if mode == "tls" else raw
                sock.settimeout(2)
                line = sock.makefile("rb").readline()
                if line.startswith(b"* OK"):
                    break
                err = "unexpected greeting %r" % line[:80]
        except (OSError, ssl.SSLError) as e:
            err = str(e)
        if not os.path.exists("/proc/%d" % pid):
            sys.exit("the server (pid %d) exited; port %s (%s): %s" % (pid, port, mode, err))
        if time.monotonic() > deadline:
            sys.exit("port %s (%s) gave no IMAP greeting within %gs: %s" % (port, mode, secs, err))
        time.sleep(0.1)
EOF
}

# --- packages ------------------------------------------------------------------

pkg_installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }

# Installs the missing packages from Debian's archive, noninteractively.
# usage: apt_install LOGFILE PKG...
apt_install() {
  local log=$1 missing=() p
  shift
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  [[ $EUID -eq 0 ]] || die "installing ${missing[*]} needs root (run as root, or install them first)"
  say "installing ${missing[*]} (log: $log)"
  local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef
    -o Dpkg::Options::=--force-confold)
  {
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" update &&
      DEBIAN_FRONTEND=noninteractive "${apt[@]}" install --no-install-recommends "${missing[@]}"
  } >>"$log" 2>&1 </dev/null || die "apt-get install ${missing[*]} failed" "$log"
}
