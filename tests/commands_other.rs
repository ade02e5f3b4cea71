//! The any-state, login-state and extension commands: the exact bytes each
//! sends (insta snapshots `commands_other__<command>_<case>.snap`), the
//! input each refuses, their states and capabilities. Decoding is in
//! `commands_other_decode.rs`. Tests named `cNN_...` check conformance.md
//! section C item NN.

use typed_imap::command::*;
use typed_imap::types::Secret;
use typed_imap::wire::encode::{EncodeOptions, Encoder};

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
