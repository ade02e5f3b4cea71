#!/usr/bin/env python3
"""Smoke check of the servers that scripts/test-servers runs, with stdlib imaplib.

usage: eval "$(scripts/test-servers up)"; scripts/smoke-servers.py [dovecot|cyrus ...]

Prints one line per check and a final `N passed, M failed`; exits 1 on a failure.
"""

import imaplib
import os
import ssl
import subprocess
import sys
import time

TIMEOUT = 10
WANTED_CAPS = {
    "dovecot": ["IDLE", "QUOTA", "ACL", "METADATA", "COMPRESS=DEFLATE", "SPECIAL-USE", "CONDSTORE"],
    "cyrus": ["IDLE", "QUOTA", "ACL", "METADATA", "COMPRESS=DEFLATE", "SPECIAL-USE", "CONDSTORE",
              "ANNOTATEMORE"],
}
SPECIAL_USE = [b"\\Drafts", b"\\Sent", b"\\Trash", b"\\Junk", b"\\Archive"]


class Check(Exception):
    """A check's failure, with the reason to print."""


def expect(cond, what):
    if not cond:
        raise Check(what)


def ok(typ_data, what):
    typ, data = typ_data
    expect(typ == "OK", "%s: %s %r" % (what, typ, data))
    return data


class Server:
    """Connection settings of one server, from the TYPED_IMAP_* variables."""

    def __init__(self, name):
        up = name.upper()
        self.name = name
        self.host = env("TYPED_IMAP_%s_HOST" % up)
        self.port = int(env("TYPED_IMAP_%s_PORT" % up))
        self.tls_port = int(env("TYPED_IMAP_%s_TLS_PORT" % up))
        self.ca = env("TYPED_IMAP_CA")
        self.password = {u: env("TYPED_IMAP_%s_PASSWORD" % u.upper()) for u in ("alice", "admin")}
        self.message_id = "<smoke-%s-%d@typed-imap.test>" % (name, time.time_ns())

    def context(self):
        return ssl.create_default_context(cafile=self.ca)

    def plain(self):
        return imaplib.IMAP4(self.host, self.port, timeout=TIMEOUT)


def env(name):
    value = os.environ.get(name)
    if not value:
        raise Check('%s is not set: run eval "$(scripts/test-servers up)" first' % name)
    return value


def check_plain(s):
    """LOGIN, CAPABILITY, SELECT INBOX, APPEND, FETCH (bytes compared), LOGOUT."""
    body = ("From: alice@localhost\r\nTo: alice@localhost\r\nSubject: smoke\r\n"
            "Message-ID: %s\r\n\r\nhello from smoke-servers\r\n" % s.message_id).encode()
    imap = s.plain()
    ok(imap.login("alice", s.password["alice"]), "LOGIN")
    caps = ok(imap.capability(), "CAPABILITY")[0].split()
    expect(b"IMAP4rev1" in caps, "no IMAP4rev1 in %r" % caps)
    ok(imap.select("INBOX"), "SELECT INBOX")
    ok(imap.append("INBOX", "(\\Seen)", None, body), "APPEND")
    found = ok(imap.search(None, "HEADER", "Message-ID", '"%s"' % s.message_id), "SEARCH")[0].split()
    expect(len(found) == 1, "SEARCH found %r" % found)
    data = ok(imap.fetch(found[0], "(FLAGS BODY.PEEK[])"), "FETCH")
    expect(data[0][1] == body, "FETCH BODY[] differs from what was appended: %r" % data[0][1])
    expect(b"\\Seen" in data[0][0], "FETCH FLAGS lacks \\Seen: %r" % data[0][0])
    expect(imap.logout()[0] == "BYE", "LOGOUT gave no BYE")
    return "login, CAPABILITY, SELECT, APPEND, FETCH (bytes equal), LOGOUT"


def check_capabilities(s):
    """The extensions the configuration turns on are advertised after login."""
    imap = s.plain()
    ok(imap.login("alice", s.password["alice"]), "LOGIN")
    caps = ok(imap.capability(), "CAPABILITY")[0].decode().split()
    imap.logout()
    missing = [c for c in WANTED_CAPS[s.name] if c not in caps]
    expect(not missing, "missing %s" % " ".join(missing))
    return " ".join(WANTED_CAPS[s.name])


def check_special_use(s):
    """LIST shows the special-use folders every user gets."""
    imap = s.plain()
    ok(imap.login("alice", s.password["alice"]), "LOGIN")
    listed = b" ".join(ok(imap.list(), "LIST"))
    imap.logout()
    missing = [f.decode() for f in SPECIAL_USE if f not in listed]
    expect(not missing, "LIST lacks %s" % " ".join(missing))
    return "LIST has " + " ".join(f.decode() for f in SPECIAL_USE)


def check_starttls(s):
    """STARTTLS on the plain port, the certificate verified against the test CA."""
    imap = s.plain()
    ok(imap.starttls(ssl_context=s.context()), "STARTTLS")
    version = imap.sock.version()
    ok(imap.login("alice", s.password["alice"]), "LOGIN over STARTTLS")
    imap.logout()
    return "verified against %s, %s" % (os.path.basename(s.ca), version)


def check_imaps(s):
    """Implicit TLS, verified against the test CA."""
    imap = imaplib.IMAP4_SSL(s.host, s.tls_port, ssl_context=s.context(), timeout=TIMEOUT)
    version = imap.sock.version()
    ok(imap.login("alice", s.password["alice"]), "LOGIN over TLS")
    imap.logout()
    return "port %d verified, %s" % (s.tls_port, version)


def check_imaps_refused(s):
    """Implicit TLS with only the system CAs must fail verification."""
    try:
        imap = imaplib.IMAP4_SSL(s.host, s.tls_port, ssl_context=ssl.create_default_context(),
                                 timeout=TIMEOUT)
    except ssl.SSLCertVerificationError as e:
        return "refused: %s" % e.verify_message
    imap.logout()
    raise Check("the certificate was accepted without the test CA")


def check_admin_for_alice(s):
    """AUTHENTICATE PLAIN with authzid alice, authcid admin: the session is alice's."""
    imap = s.plain()
    creds = b"alice\0admin\0" + s.password["admin"].encode()
    ok(imap.authenticate("PLAIN", lambda _challenge: creds), "AUTHENTICATE PLAIN")
    ok(imap.select("INBOX", readonly=True), "EXAMINE INBOX")
    found = ok(imap.search(None, "HEADER", "Message-ID", '"%s"' % s.message_id), "SEARCH")[0].split()
    imap.logout()
    expect(len(found) == 1, "alice's smoke message not found (session is not alice's?)")
    return "admin authorised as alice sees alice's INBOX"


def check_wrong_password(s):
    """LOGIN with a wrong password is answered with a tagged NO."""
    imap = s.plain()
    typ, data = imap._simple_command("LOGIN", "alice", imap._quote("wrong-password"))
    imap.logout()
    expect(typ == "NO", "expected NO, got %s %r" % (typ, data))
    return "NO %s" % data[0].decode(errors="replace")


def check_idle(s):
    """IDLE (by hand: imaplib 3.11 has no idle()) is woken by an APPEND from a second session."""
    watcher, writer = s.plain(), s.plain()
    for imap in (watcher, writer):
        ok(imap.login("alice", s.password["alice"]), "LOGIN")
    ok(watcher.select("INBOX"), "SELECT INBOX")
    watcher.send(b"I1 IDLE\r\n")
    expect(watcher.readline().startswith(b"+"), "no continuation after IDLE")
    start = time.monotonic()
    ok(writer.append("INBOX", None, None, b"Subject: idle\r\n\r\nwake up\r\n"), "APPEND")
    line = watcher.readline()
    waited = time.monotonic() - start
    expect(line.endswith(b"EXISTS\r\n"), "IDLE got %r instead of EXISTS" % line)
    watcher.send(b"DONE\r\n")
    while not line.startswith(b"I1 "):
        line = watcher.readline()
    expect(line.startswith(b"I1 OK"), "IDLE ended with %r" % line)
    watcher.logout()
    writer.logout()
    return "EXISTS %.2f s after the APPEND" % waited


def check_stream(s):
    """Dovecot only: TYPED_IMAP_DOVECOT_STREAM speaks IMAP on stdin/stdout as alice, with the plugins."""
    if s.name != "dovecot":
        return None
    command = env("TYPED_IMAP_DOVECOT_STREAM")
    script = b"s1 CAPABILITY\r\ns2 GETQUOTAROOT INBOX\r\ns3 LOGOUT\r\n"
    try:
        done = subprocess.run(["sh", "-c", command], input=script, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise Check("%s did not finish within %d s" % (command, TIMEOUT))
    lines = done.stdout.split(b"\r\n")
    expect(lines[0].startswith(b"* PREAUTH"), "no PREAUTH greeting: %r" % lines[0][:80])
    expect(b" QUOTA" in lines[0], "the stream session lacks QUOTA: %r" % lines[0])
    expect(any(line.startswith(b"s2 OK") for line in lines), "GETQUOTAROOT failed: %r" % done.stdout[-200:])
    expect(any(line.startswith(b"s3 OK") for line in lines), "no LOGOUT OK: %r" % done.stdout[-200:])
    return "PREAUTH, GETQUOTAROOT, LOGOUT over the child's stdin/stdout"


CHECKS = [
    ("plain", check_plain),
    ("capabilities", check_capabilities),
    ("special-use", check_special_use),
    ("starttls", check_starttls),
    ("imaps", check_imaps),
    ("imaps-without-ca", check_imaps_refused),
    ("admin-for-alice", check_admin_for_alice),
    ("wrong-password", check_wrong_password),
    ("idle", check_idle),
    ("stream", check_stream),
]


def run(name):
    """Runs every check against one server; returns (passed, failed)."""
    passed = failed = 0
    try:
        server = Server(name)
    except Check as e:
        print("FAIL %s: %s" % (name, e))
        return 0, 1
    for label, check in CHECKS:
        try:
            detail = check(server)
        except (Check, imaplib.IMAP4.error, OSError, ssl.SSLError, IndexError) as e:
            print("FAIL %s %s: %s" % (name, label, e))
            failed += 1
        else:
            if detail is None:  # not applicable to this server
                continue
            print("ok   %s %s: %s" % (name, label, detail))
            passed += 1
    return passed, failed


def main(argv):
    names = argv or ["dovecot", "cyrus"]
    unknown = [n for n in names if n not in WANTED_CAPS]
    if unknown:
        sys.exit("smoke-servers: unknown server %s: use dovecot or cyrus" % " ".join(unknown))
    passed = failed = 0
    for name in names:
        p, f = run(name)
        passed, failed = passed + p, failed + f
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
