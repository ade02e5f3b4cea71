//! The any-state, login-state and extension commands: what each collects
//! and its typed output from realistic server answers (RFC examples from
//! spec/vectors, Dovecot and Cyrus shapes), field by field. Tests named
//! `cNN_...` check conformance.md section C item NN.

use typed_imap::command::*;
use typed_imap::types::{Response, Status, StatusKind};
use typed_imap::wire::encode::{EncodeOptions, Encoder};
use typed_imap::wire::parse_response;

/// One response parsed and detached.
fn parse(bytes: &[u8]) -> Response<'static> {
    let (response, used) = parse_response(bytes).unwrap();
    assert_eq!(used, bytes.len(), "one response per call");
    response.into_owned()
}

/// Server lines, the last one the tagged status: the untagged responses
/// the command collects, and the tagged status.
fn exchange<C: Command>(cmd: &C, lines: &[&[u8]]) -> (Vec<Response<'static>>, Status<'static>) {
    let (last, untagged) = lines.split_last().unwrap();
    let Response::Status(done) = parse(last) else { panic!("the last line is the tagged status") };
    let collected = untagged.iter().map(|l| parse(l)).filter(|r| cmd.collects(r)).collect();
    (collected, done)
}

/// Runs `cmd`'s decode on the server's `lines`.
fn run<C: Command>(cmd: &C, lines: &[&[u8]]) -> Result<C::Output, typed_imap::Error> {
    let (collected, done) = exchange(cmd, lines);
    cmd.decode(collected, &done)
}

fn text(b: &typed_imap::types::ByteStr<'_>) -> String {
    b.to_string_lossy().into_owned()
}

#[test]
fn capability_from_the_untagged_response() {
    let caps = run(
        &Capability,
        &[
            b"* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n",
            b"* 3 EXISTS\r\n",
            b"abcd OK CAPABILITY completed\r\n",
        ],
    )
    .unwrap();
    assert_eq!(
        caps.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        ["IMAP4rev1", "STARTTLS", "AUTH=GSSAPI", "LOGINDISABLED"]
    );
    assert!(caps.has("logindisabled"));
    assert_eq!(caps.auth_mechanisms().collect::<Vec<_>>(), ["GSSAPI"]);
}

#[test]
fn capability_from_the_tagged_ok_code_when_no_untagged_came() {
    let caps = run(&Capability, &[b"A1 OK [CAPABILITY IMAP4rev2 IDLE] done\r\n"]).unwrap();
    assert!(caps.has("IMAP4rev2") && caps.has("IDLE"));
    assert_eq!(caps.0.len(), 2);
}

#[test]
fn capability_without_any_list_is_a_decode_error_naming_the_command() {
    let err = run(&Capability, &[b"A1 OK done\r\n"]).unwrap_err();
    assert!(matches!(&err, typed_imap::Error::Decode { command, .. } if command == "CAPABILITY"), "{err}");
}

#[test]
fn capability_collects_only_capability() {
    assert!(Capability.collects(&parse(b"* CAPABILITY IMAP4rev1\r\n")));
    assert!(!Capability.collects(&parse(b"* 3 EXISTS\r\n")));
    assert!(!Capability.collects(&parse(b"* OK [ALERT] hi\r\n")));
}

#[test]
fn noop_collects_nothing_everything_is_unsolicited() {
    let lines: [&[u8]; 5] = [
        b"* 22 EXPUNGE\r\n",
        b"* 23 EXISTS\r\n",
        b"* 3 RECENT\r\n",
        b"* 14 FETCH (FLAGS (\\Seen \\Deleted))\r\n",
        b"a047 OK NOOP completed\r\n",
    ];
    for line in &lines[..4] {
        assert!(!Noop.collects(&parse(line)));
    }
    let (collected, done) = exchange(&Noop, &lines);
    assert!(collected.is_empty());
    assert_eq!(Noop.decode(collected, &done).unwrap(), ());
}

#[test]
fn c93_logout_gives_the_bye_text() {
    assert!(Logout.collects(&parse(b"* BYE IMAP4rev1 Server logging out\r\n")));
    let out =
        run(&Logout, &[b"* BYE IMAP4rev1 Server logging out\r\n", b"A023 OK LOGOUT completed\r\n"]).unwrap();
    assert_eq!(text(&out.text), "IMAP4rev1 Server logging out");
    assert!(out.bye);
}

#[test]
fn c95_logout_with_only_a_tagged_ok_gives_the_ok_text() {
    let out = run(&Logout, &[b"A9 OK Logout completed (0.001 + 0.000 secs).\r\n"]).unwrap();
    assert_eq!(text(&out.text), "Logout completed (0.001 + 0.000 secs).");
    assert!(!out.bye);
}

#[test]
fn login_capabilities_from_the_tagged_ok() {
    let login = Login::new("alice", "alicepw").unwrap();
    assert!(login.collects(&parse(b"* CAPABILITY IMAP4rev1 IDLE\r\n")));
    let out =
        run(&login, &[b"A1 OK [CAPABILITY IMAP4rev1 SASL-IR IDLE ACL RIGHTS=texk] Logged in\r\n"]).unwrap();
    let caps = out.capabilities.unwrap();
    assert!(caps.has("ACL") && caps.has("RIGHTS=texk"));
    assert_eq!(caps.0.len(), 5);
}

#[test]
fn login_without_capabilities_gives_none() {
    let login = Login::new("alice", "alicepw").unwrap();
    let out = run(&login, &[b"* OK [ALERT] change your password\r\n", b"A1 OK LOGIN completed\r\n"]).unwrap();
    assert_eq!(out.capabilities, None);
}

#[test]
fn authenticate_capabilities_from_an_untagged_response() {
    let auth = Authenticate::new("PLAIN").unwrap();
    let out =
        run(&auth, &[b"* CAPABILITY IMAP4rev1 MOVE\r\n", b"A1 OK Success (tls protection)\r\n"]).unwrap();
    assert!(out.capabilities.unwrap().has("MOVE"));
    assert!(!auth.collects(&parse(b"+ \r\n")));
}

#[test]
fn getacl_rfc4314_example() {
    let cmd = GetAcl::new("INBOX").unwrap();
    let acl =
        run(&cmd, &[b"* ACL INBOX Fred rwipslxetad -Fred wetd $team w\r\n", b"B001 OK Getacl complete\r\n"])
            .unwrap();
    assert!(acl.mailbox.is_inbox());
    let entries: Vec<(String, String)> =
        acl.entries.iter().map(|e| (text(&e.identifier), text(&e.rights))).collect();
    assert_eq!(
        entries,
        [
            ("Fred".into(), "rwipslxetad".into()),
            ("-Fred".into(), "wetd".into()),
            ("$team".into(), "w".into())
        ]
    );
}

#[test]
fn getacl_with_an_acl_of_another_mailbox_too_is_a_decode_error_quoting_it() {
    let cmd = GetAcl::new("INBOX/Drafts").unwrap();
    let lines: [&[u8]; 3] = [
        b"* ACL INBOX Fred rwipslxcetda\r\n",
        b"* ACL INBOX/Drafts Fred rwipslxetad Chris lrswi\r\n",
        b"A1 OK Getacl complete\r\n",
    ];
    match run(&cmd, &lines).unwrap_err() {
        typed_imap::Error::Decode { command, reason } => {
            assert_eq!(command, "GETACL");
            assert!(reason.contains("another request") && reason.contains("rwipslxcetda"), "{reason}");
        }
        other => panic!("{other}"),
    }
    assert!(!cmd.collects(&parse(b"* MYRIGHTS INBOX lr\r\n")));
}

#[test]
fn getacl_lone_answer_spelled_differently_is_accepted() {
    let cmd = GetAcl::new("inbox").unwrap();
    let acl = run(&cmd, &[b"* ACL INBOX Fred lrs\r\n", b"A1 OK done\r\n"]).unwrap();
    assert!(acl.mailbox.is_inbox());
    let cmd = GetAcl::new("Archive").unwrap();
    let acl = run(&cmd, &[b"* ACL archive Fred lrs\r\n", b"A1 OK done\r\n"]).unwrap();
    assert_eq!(acl.mailbox.name(), "archive");
}

#[test]
fn myrights_several_none_for_this_mailbox_is_a_decode_error() {
    let cmd = MyRights::new("Archive").unwrap();
    let lines: [&[u8]; 3] = [b"* MYRIGHTS INBOX lr\r\n", b"* MYRIGHTS Sent lr\r\n", b"A1 OK done\r\n"];
    let err = run(&cmd, &lines).unwrap_err();
    assert!(
        matches!(&err, typed_imap::Error::Decode { command, reason } if command == "MYRIGHTS" && reason.contains("Sent")),
        "{err}"
    );
}

#[test]
fn getacl_with_no_acl_response_is_a_decode_error() {
    let err = run(&GetAcl::new("INBOX").unwrap(), &[b"A1 OK Getacl complete\r\n"]).unwrap_err();
    match err {
        typed_imap::Error::Decode { command, reason } => {
            assert_eq!(command, "GETACL");
            assert!(reason.contains("ACL"), "{reason}");
        }
        other => panic!("{other}"),
    }
}

#[test]
fn listrights_rfc4314_example() {
    let cmd = ListRights::new("archive/imap", "anyone").unwrap();
    let lr = run(
        &cmd,
        &[
            b"* LISTRIGHTS archive/imap anyone \"\" lr s w i p k xte c d\r\n",
            b"a OK Listrights completed\r\n",
        ],
    )
    .unwrap();
    assert_eq!(lr.mailbox.name(), "archive/imap");
    assert_eq!(text(&lr.identifier), "anyone");
    assert_eq!(text(&lr.required), "");
    assert_eq!(
        lr.optional.iter().map(text).collect::<Vec<_>>(),
        ["lr", "s", "w", "i", "p", "k", "xte", "c", "d"]
    );
}

#[test]
fn myrights_dovecot_style() {
    let cmd = MyRights::new("INBOX").unwrap();
    let mr = run(
        &cmd,
        &[b"* MYRIGHTS INBOX lrwstipekxacd\r\n", b"A1 OK Myrights completed (0.001 + 0.000 secs).\r\n"],
    )
    .unwrap();
    assert!(mr.mailbox.is_inbox());
    assert_eq!(text(&mr.rights), "lrwstipekxacd");
}

#[test]
fn setacl_and_deleteacl_collect_nothing() {
    let set = SetAcl::new("INBOX", "bob", ModRights::Add(Rights::new("l").unwrap())).unwrap();
    assert!(!set.collects(&parse(b"* ACL INBOX bob l\r\n")));
    assert_eq!(run(&set, &[b"A001 OK Setacl complete\r\n"]).unwrap(), ());
    let del = DeleteAcl::new("INBOX", "bob").unwrap();
    assert_eq!(run(&del, &[b"B002 OK Deleteacl complete\r\n"]).unwrap(), ());
}

#[test]
fn getquota_rfc9208_example() {
    let cmd = GetQuota::new("!partition/sda4").unwrap();
    let quota = run(
        &cmd,
        &[b"* QUOTA \"!partition/sda4\" (STORAGE 104 10923847)\r\n", b"G0001 OK Getquota complete\r\n"],
    )
    .unwrap();
    assert_eq!(text(&quota.root), "!partition/sda4");
    assert_eq!(quota.resources.len(), 1);
    assert_eq!(text(&quota.resources[0].name), "STORAGE");
    assert_eq!((quota.resources[0].usage, quota.resources[0].limit), (104, 10923847));
}

#[test]
fn getquotaroot_rfc9208_example() {
    let cmd = GetQuotaRoot::new("INBOX").unwrap();
    let lines: [&[u8]; 4] = [
        b"* QUOTAROOT INBOX \"#user/alice\" \"!partition/sda4\"\r\n",
        b"* QUOTA \"#user/alice\" (MESSAGE 42 1000)\r\n",
        b"* QUOTA \"!partition/sda4\" (STORAGE 104 10923847)\r\n",
        b"G0002 OK Getquotaroot complete\r\n",
    ];
    let roots = run(&cmd, &lines).unwrap();
    assert!(roots.mailbox.is_inbox());
    assert_eq!(roots.roots.iter().map(text).collect::<Vec<_>>(), ["#user/alice", "!partition/sda4"]);
    assert_eq!(roots.quotas.len(), 2);
    let alice = roots.quota(b"#user/alice").unwrap();
    assert_eq!(
        (text(&alice.resources[0].name), alice.resources[0].usage, alice.resources[0].limit),
        ("MESSAGE".into(), 42, 1000)
    );
    assert!(roots.quota(b"nope").is_none());
}

#[test]
fn getquotaroot_dovecot_no_quota_root() {
    let cmd = GetQuotaRoot::new("INBOX").unwrap();
    let roots = run(&cmd, &[b"* QUOTAROOT INBOX\r\n", b"A1 OK Getquotaroot completed\r\n"]).unwrap();
    assert!(roots.roots.is_empty() && roots.quotas.is_empty());
    let err = run(&cmd, &[b"A1 OK Getquotaroot completed\r\n"]).unwrap_err();
    assert!(matches!(err, typed_imap::Error::Decode { ref command, .. } if command == "GETQUOTAROOT"));
}

#[test]
fn setquota_gives_the_quotas_reported_back() {
    let cmd = SetQuota::new("#user/alice", vec![QuotaLimit::new("STORAGE", 111).unwrap()]).unwrap();
    let quotas =
        run(&cmd, &[b"* QUOTA \"#user/alice\" (STORAGE 54 111 MESSAGE 42 1000)\r\n", b"A1 OK done\r\n"])
            .unwrap();
    assert_eq!(quotas.len(), 1);
    assert_eq!(quotas[0].resources.iter().map(|r| r.limit).collect::<Vec<_>>(), [111, 1000]);
    assert!(run(&cmd, &[b"A1 OK done\r\n"]).unwrap().is_empty());
}

#[test]
fn getmetadata_rfc5464_values_and_longentries() {
    let cmd = GetMetadata::new("INBOX", &["/shared/comment", "/private/comment"]).unwrap().max_size(1024);
    let lines: [&[u8]; 2] = [
        b"* METADATA \"INBOX\" (/shared/comment \"Shared comment\" /private/comment NIL)\r\n",
        b"a OK [METADATA LONGENTRIES 2199] GETMETADATA complete\r\n",
    ];
    let out = run(&cmd, &lines).unwrap();
    assert_eq!(out.long_entries, Some(2199));
    assert_eq!(out.values.len(), 2);
    assert!(out.values[0].mailbox.is_inbox());
    assert_eq!(text(&out.values[0].entry), "/shared/comment");
    assert_eq!(out.get("/shared/comment"), Some(Some(&b"Shared comment"[..])));
    assert_eq!(out.get("/private/comment"), Some(None));
    assert_eq!(out.get("/private/other"), None);
}

#[test]
fn getmetadata_literal_values_from_dovecot() {
    let cmd = GetMetadata::new("", &["/shared/comment"]).unwrap();
    let out =
        run(&cmd, &[b"* METADATA \"\" (/shared/comment {12}\r\nline1\r\nline2)\r\n", b"A1 OK done\r\n"])
            .unwrap();
    assert_eq!(out.get("/shared/comment"), Some(Some(&b"line1\r\nline2"[..])));
    assert_eq!(out.long_entries, None);
}

#[test]
fn getmetadata_leaves_out_change_notices() {
    let cmd = GetMetadata::new("INBOX", &["/private/comment"]).unwrap();
    let lines: [&[u8]; 3] = [
        b"* METADATA INBOX /shared/comment\r\n",
        b"* METADATA INBOX (/private/comment \"mine\")\r\n",
        b"A1 OK done\r\n",
    ];
    let out = run(&cmd, &lines).unwrap();
    assert_eq!(out.values.len(), 1);
    assert_eq!(out.get("/private/comment"), Some(Some(&b"mine"[..])));
}

#[test]
fn getannotation_cyrus_style() {
    let cmd = GetAnnotation::new("INBOX", &["/comment"], &["value.shared"]).unwrap();
    let lines: [&[u8]; 2] = [
        b"* ANNOTATION \"INBOX\" \"/comment\" (\"value.shared\" \"Shared comment\")\r\n",
        b"A1 OK Completed\r\n",
    ];
    assert!(cmd.collects(&parse(lines[0])));
    let out = run(&cmd, &lines).unwrap();
    assert_eq!(out.len(), 1);
    assert!(out[0].mailbox.is_inbox());
    assert_eq!(text(&out[0].entries[0].entry), "/comment");
    let (name, value) = &out[0].entries[0].attributes[0];
    assert_eq!(
        (text(name), value.as_ref().map(text)),
        ("value.shared".into(), Some("Shared comment".into()))
    );
}

#[test]
fn raw_collects_every_untagged_response_like_imaplib() {
    let id = Raw::new("ID", vec![RawArg::Nil]).unwrap();
    assert!(id.collects(&parse(b"* 3 EXISTS\r\n")));
    assert!(id.collects(&parse(b"* OK [ALERT] hi\r\n")));
    assert!(!id.collects(&parse(b"+ go ahead\r\n")));
    let out =
        run(&id, &[b"* ID (\"name\" \"Dovecot\")\r\n", b"* 4 EXISTS\r\n", b"A1 NO not now\r\n"]).unwrap();
    assert_eq!(out.status.kind, StatusKind::No);
    assert_eq!(text(&out.status.text), "not now");
    assert_eq!(out.untagged.iter().map(|r| r.name()).collect::<Vec<_>>(), ["ID", "EXISTS"]);
}

#[test]
fn commands_without_output_return_unit() {
    let done: &[&[u8]] = &[b"A1 OK done\r\n"];
    run(&StartTls, done).unwrap();
    run(&Idle, done).unwrap();
    run(&Compress::default(), done).unwrap();
    run(&ProxyAuth::new("bob").unwrap(), done).unwrap();
    run(&SetMetadata::new("INBOX").unwrap().set("/private/x", Some("y")).unwrap(), done).unwrap();
    let set = SetAnnotation::new("INBOX").unwrap().set("/comment", "value.priv", Some("c")).unwrap();
    assert_eq!(run(&set, done).unwrap(), ());
    assert!(!StartTls.collects(&parse(b"* CAPABILITY IMAP4rev1\r\n")));
    assert!(!Idle.collects(&parse(b"* 5 EXISTS\r\n")));
}

#[test]
fn authenticate_names_the_mechanism_capability_for_the_session() {
    assert_eq!(Authenticate::new("SCRAM-SHA-256").unwrap().mechanism_capability(), "AUTH=SCRAM-SHA-256");
}

#[test]
fn getmetadata_empty_options_are_refused_when_sent() {
    let mut cmd = GetMetadata::new("INBOX", &["/private/comment"]).unwrap();
    cmd.options = Some(MetadataOptions::default());
    let mut enc = Encoder::new(EncodeOptions::default());
    assert!(cmd.encode_args(&mut enc).is_err());
}

#[test]
fn getquotaroot_with_a_root_of_another_mailbox_too_is_a_decode_error() {
    let cmd = GetQuotaRoot::new("Archive").unwrap();
    let lines: [&[u8]; 3] =
        [b"* QUOTAROOT INBOX \"User quota\"\r\n", b"* QUOTAROOT Archive archive\r\n", b"A1 OK done\r\n"];
    let err = run(&cmd, &lines).unwrap_err();
    assert!(
        matches!(&err, typed_imap::Error::Decode { command, reason } if command == "GETQUOTAROOT" && reason.contains("User quota")),
        "{err}"
    );
}
