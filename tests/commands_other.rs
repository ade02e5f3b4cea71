//! The any-state, login-state and extension commands: the exact bytes each
//! sends (insta snapshots `commands_other__<command>_<case>.snap`), what
//! it collects, and its typed output from realistic server answers.
//! Tests named `cNN_...` check conformance.md section C item NN.

use typed_imap::command::*;
use typed_imap::types::{Response, Secret, Status, StatusKind};
use typed_imap::wire::encode::{EncodeOptions, Encoder};
use typed_imap::wire::parse_response;

/// The whole command as the session sends it, tag `A1`, one fragment a
/// line.
fn wire<C: Command>(cmd: &C) -> String {
    wire_with(cmd, EncodeOptions::default())
}

fn wire_with<C: Command>(cmd: &C, options: EncodeOptions) -> String {
    let mut enc = Encoder::new(options);
    enc.raw(b"A1 ").unwrap();
    if cmd.is_uid() {
        enc.raw(b"UID ").unwrap();
    }
    enc.raw(cmd.name().as_bytes()).unwrap();
    cmd.encode_args(&mut enc).unwrap();
    enc.finish().iter().map(|f| format!("{f:?}\n")).collect()
}

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

// ---- wire snapshots -------------------------------------------------------

#[test]
fn snapshots_any_state() {
    insta::assert_snapshot!("capability_plain", wire(&Capability));
    insta::assert_snapshot!("noop_plain", wire(&Noop));
    insta::assert_snapshot!("logout_plain", wire(&Logout));
}

#[test]
fn snapshots_login_state() {
    insta::assert_snapshot!("starttls_plain", wire(&StartTls));
    insta::assert_snapshot!("authenticate_plain", wire(&Authenticate::new("PLAIN").unwrap()));
    let ir = Authenticate::new("PLAIN").unwrap().initial_response(b"\0alice\0alicepw".to_vec());
    insta::assert_snapshot!("authenticate_sasl_ir", wire(&ir));
    let empty = Authenticate::new("EXTERNAL").unwrap().initial_response(Vec::new());
    insta::assert_snapshot!("authenticate_sasl_ir_empty", wire(&empty));
    insta::assert_snapshot!("proxyauth_user", wire(&ProxyAuth::new("alice").unwrap()));
}

#[test]
fn c20_login_password_always_quoted() {
    insta::assert_snapshot!("login_atom_password", wire(&Login::new("u", "p").unwrap()));
}

#[test]
fn c21_login_password_escapes() {
    insta::assert_snapshot!("login_escapes", wire(&Login::new("us er", "pa\"ss\\word").unwrap()));
}

#[test]
fn c61_login_non_ascii_password_is_a_literal() {
    let login = Login::new("alice", "pässwörd").unwrap();
    insta::assert_snapshot!("login_non_ascii_password", wire(&login));
    let plus = EncodeOptions::default().with_literal_plus(true);
    insta::assert_snapshot!("login_non_ascii_password_literal_plus", wire_with(&login, plus));
    insta::assert_snapshot!(
        "login_crlf_password",
        wire(&Login::new("alice", "a\r\nA2 DELETE INBOX").unwrap())
    );
}

#[test]
fn snapshots_idle_and_compress() {
    insta::assert_snapshot!("idle_plain", wire(&Idle));
    insta::assert_snapshot!("compress_deflate", wire(&Compress::default()));
}

#[test]
fn snapshots_acl() {
    insta::assert_snapshot!("getacl_inbox", wire(&GetAcl::new("INBOX").unwrap()));
    insta::assert_snapshot!("getacl_quoted_mailbox", wire(&GetAcl::new("Shared Folder").unwrap()));
    let rights = |r| Rights::new(r).unwrap();
    let set = SetAcl::new("INBOX/Drafts", "Chris", ModRights::Set(rights("lrswi"))).unwrap();
    insta::assert_snapshot!("setacl_set", wire(&set));
    let add = SetAcl::new("INBOX", "anyone", ModRights::Add(rights("lr"))).unwrap();
    insta::assert_snapshot!("setacl_add", wire(&add));
    let remove = SetAcl::new("INBOX", "-Fred", ModRights::Remove(rights("wetd"))).unwrap();
    insta::assert_snapshot!("setacl_remove", wire(&remove));
    let none = SetAcl::new("INBOX", "bob", ModRights::Set(rights(""))).unwrap();
    insta::assert_snapshot!("setacl_empty_rights", wire(&none));
    insta::assert_snapshot!("deleteacl_plain", wire(&DeleteAcl::new("INBOX", "Fred").unwrap()));
    insta::assert_snapshot!("listrights_plain", wire(&ListRights::new("archive/imap", "anyone").unwrap()));
    insta::assert_snapshot!("myrights_plain", wire(&MyRights::new("INBOX").unwrap()));
}

#[test]
fn snapshots_quota() {
    insta::assert_snapshot!("getquota_plain", wire(&GetQuota::new("User quota").unwrap()));
    insta::assert_snapshot!("getquota_empty_root", wire(&GetQuota::new("").unwrap()));
    insta::assert_snapshot!("getquotaroot_plain", wire(&GetQuotaRoot::new("INBOX").unwrap()));
    let limits = vec![QuotaLimit::new("STORAGE", 512).unwrap(), QuotaLimit::new("MESSAGE", 1000).unwrap()];
    insta::assert_snapshot!("setquota_limits", wire(&SetQuota::new("#user/alice", limits).unwrap()));
    insta::assert_snapshot!("setquota_remove", wire(&SetQuota::new("#user/alice", vec![]).unwrap()));
}

#[test]
fn snapshots_metadata() {
    let get = || GetMetadata::new("INBOX", &["/private/comment"]).unwrap();
    insta::assert_snapshot!("getmetadata_plain", wire(&get()));
    insta::assert_snapshot!("getmetadata_maxsize", wire(&get().max_size(1024)));
    insta::assert_snapshot!("getmetadata_depth", wire(&get().depth(Depth::Infinity)));
    insta::assert_snapshot!("getmetadata_both", wire(&get().max_size(1024).depth(Depth::One)));
    let server = GetMetadata::new("", &["/shared/comment", "/shared/admin"]).unwrap();
    insta::assert_snapshot!("getmetadata_server", wire(&server));
    let set = SetMetadata::new("INBOX").unwrap().set("/private/comment", Some("My new comment")).unwrap();
    insta::assert_snapshot!("setmetadata_value", wire(&set));
    let nil = SetMetadata::new("INBOX").unwrap().set("/private/comment", None::<&str>).unwrap();
    insta::assert_snapshot!("setmetadata_nil", wire(&nil));
    let multi = SetMetadata::new("").unwrap().set("/shared/comment", Some("line 1\r\nline 2")).unwrap();
    insta::assert_snapshot!("setmetadata_literal", wire(&multi));
}

#[test]
fn snapshots_annotation() {
    let one = GetAnnotation::new("INBOX", &["/comment"], &["value.shared"]).unwrap();
    insta::assert_snapshot!("getannotation_single", wire(&one));
    let lists = GetAnnotation::new("*", &["/comment", "/vendor/*"], &["value.priv", "value.shared"]).unwrap();
    insta::assert_snapshot!("getannotation_lists", wire(&lists));
    let set = SetAnnotation::new("INBOX").unwrap().set("/comment", "value.priv", Some("My comment")).unwrap();
    insta::assert_snapshot!("setannotation_single", wire(&set));
    let multi = SetAnnotation::new("INBOX")
        .unwrap()
        .set("/comment", "value.priv", None::<&str>)
        .unwrap()
        .set("/comment", "value.shared", Some("x"))
        .unwrap()
        .set("/motd", "value.shared", Some("hi"))
        .unwrap();
    insta::assert_snapshot!("setannotation_multi", wire(&multi));
}

#[test]
fn c40_raw_xatom_id() {
    let id = Raw::new(
        "ID",
        vec![RawArg::List(vec![RawArg::string("name").unwrap(), RawArg::string("x").unwrap()])],
    )
    .unwrap();
    insta::assert_snapshot!("raw_id", wire(&id));
}

#[test]
fn raw_every_argument_kind() {
    let args = vec![
        RawArg::atom("X-ARG").unwrap(),
        RawArg::astring("two words").unwrap(),
        RawArg::string("atomic").unwrap(),
        RawArg::Number(42),
        RawArg::SequenceSet("1:3,7:*".parse().unwrap()),
        RawArg::mailbox("Entwürfe").unwrap(),
        RawArg::Flag("\\Seen".parse().unwrap()),
        RawArg::Nil,
        RawArg::List(vec![]),
        RawArg::literal("body\r\n").unwrap(),
        RawArg::string("evil\r\nA2 LOGOUT").unwrap(),
    ];
    insta::assert_snapshot!("raw_all_arguments", wire(&Raw::new("XCMD", args).unwrap()));
}

// ---- refused input ----------------------------------------------------------

#[test]
fn invalid_arguments_are_refused_when_built() {
    assert_eq!(Login::new("alice", "a\0b").unwrap_err().what(), "secret");
    assert_eq!(Login::new("al\0ice", "pw").unwrap_err().what(), "astring");
    assert!(Authenticate::new("PL AIN").is_err());
    assert_eq!(Rights::new("lrsX").unwrap_err().offending_byte(), Some((b'X', 3)));
    assert!(Entry::new("/private/").is_err());
    assert!(Entry::new("/public/x").is_err());
    assert!(QuotaLimit::new("STOR AGE", 1).is_err());
    assert!(GetAnnotation::new("INBOX", &[], &["value"]).is_err());
    assert!(SetMetadata::new("INBOX").unwrap().set("/shared/x", Some("a\0")).is_err());
    assert!(Raw::new("X CMD", vec![]).is_err());
    assert!(RawArg::atom("a b").is_err());
    assert!(RawArg::string("a\0").is_err());
}

#[test]
fn raw_refuses_nul_when_sent_even_if_built_by_hand() {
    let raw = Raw::new("X", vec![RawArg::String(b"a\0b".to_vec())]).unwrap();
    let mut enc = Encoder::new(EncodeOptions::default());
    assert!(raw.encode_args(&mut enc).is_err());
}

#[test]
fn setannotation_without_entries_is_refused_when_sent() {
    let cmd = SetAnnotation::new("INBOX").unwrap();
    let mut enc = Encoder::new(EncodeOptions::default());
    assert!(cmd.encode_args(&mut enc).is_err());
}

// ---- states and capabilities ----------------------------------------------

#[test]
fn states_and_capabilities() {
    let (n, a, s) = (State::NotAuthenticated, State::Authenticated, State::Selected);
    for states in
        [Capability.states(), Noop.states(), Logout.states(), Raw::new("X", vec![]).unwrap().states()]
    {
        assert!(states.contains(n) && states.contains(a) && states.contains(s));
    }
    let login = Login::new("u", "p").unwrap();
    assert!(login.states().contains(n) && !login.states().contains(a));
    assert!(!StartTls.states().contains(s));
    assert!(!Idle.states().contains(n) && Idle.states().contains(s));
    assert!(!ProxyAuth::new("bob").unwrap().states().contains(n));
    assert!(login.capabilities().is_empty());
    assert!(Authenticate::new("PLAIN").unwrap().capabilities().is_empty());
    assert_eq!(Compress::default().capabilities(), ["COMPRESS=DEFLATE"]);
    assert_eq!(GetAcl::new("INBOX").unwrap().capabilities(), ["ACL"]);
    assert_eq!(GetQuotaRoot::new("INBOX").unwrap().capabilities(), ["QUOTA"]);
    assert_eq!(SetMetadata::new("").unwrap().capabilities(), ["METADATA"]);
    assert_eq!(GetAnnotation::new("x", &["/c"], &["v"]).unwrap().capabilities(), ["ANNOTATEMORE"]);
    assert!(ProxyAuth::new("bob").unwrap().capabilities().is_empty());
    assert!(Raw::new("X", vec![]).unwrap().capabilities().is_empty());
}

#[test]
fn c112_debug_redacts_credentials() {
    let login = Login::new("alice", "hunter2").unwrap();
    let debug = format!("{login:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains("Secret(<redacted>)"), "{debug}");
    let auth = Authenticate::new("PLAIN").unwrap().initial_response(b"\0alice\0hunter2".to_vec());
    let debug = format!("{auth:?}");
    assert!(!debug.contains("hunter2") && !debug.contains("AGFsaWNl"), "{debug}");
    assert_eq!(format!("{:?}", Secret::new("x").unwrap()), "Secret(<redacted>)");
    assert_eq!(format!("{:#?}", Secret::new("x").unwrap()), "Secret(<redacted>)");
}

// ---- decoding ---------------------------------------------------------------

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
