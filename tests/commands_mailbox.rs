//! Wire snapshots of the mailbox commands (authenticated state): SELECT,
//! EXAMINE, CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, LIST, LSUB,
//! STATUS, APPEND, NAMESPACE, ENABLE, ID. Each snapshot is the whole
//! command as the session sends it (tag `A1`), fragment by fragment.
//! Test names carry the conformance.md section C item they check (`c22_`).
//! The decoding of their answers is in `commands_mailbox_decode.rs`.

use chrono::DateTime;
use insta::assert_snapshot;
use typed_imap::command::{
    Append, AppendMessage, Command, Create, Delete, Enable, Examine, Id, List, ListPattern, ListReturn,
    ListSelect, Lsub, Namespace, QResync, Rename, Select, SpecialUse, StatusCommand, Subscribe, Unsubscribe,
};
use typed_imap::types::{Flag, Mailbox, StatusAttr};
use typed_imap::wire::encode::{EncodeOptions, Encoder};

/// The command as the session would send it, under `options`: tag,
/// `UID ` for the UID form, name, arguments; fragments in Debug form.
fn wire_with<C: Command>(cmd: &C, options: EncodeOptions) -> String {
    let mut enc = Encoder::new(options);
    enc.raw(b"A1 ").unwrap();
    if cmd.is_uid() {
        enc.raw(b"UID ").unwrap();
    }
    enc.raw(cmd.name().as_bytes()).unwrap();
    cmd.encode_args(&mut enc).unwrap();
    format!("{:#?}", enc.finish())
}

/// The command under RFC 3501 alone (no LITERAL+, no UTF8).
fn wire<C: Command>(cmd: &C) -> String {
    wire_with(cmd, EncodeOptions::default())
}

/// True when the command's arguments cannot be encoded.
fn refused<C: Command>(cmd: &C, options: EncodeOptions) -> bool {
    cmd.encode_args(&mut Encoder::new(options)).is_err()
}

// ---- SELECT / EXAMINE ----

#[test]
fn c28_select_default_is_inbox() {
    assert_snapshot!("select_default", wire(&Select::default()));
}

#[test]
fn c22_select_name_with_space_is_quoted() {
    assert_snapshot!("select_quoted", wire(&Select::new("My Folder").unwrap()));
}

#[test]
fn c25_select_non_ascii_is_modified_utf7() {
    assert_snapshot!("select_utf7", wire(&Select::new("Entwürfe").unwrap()));
}

#[test]
fn select_utf8_accept_sends_utf8_quoted() {
    let options = EncodeOptions::default().with_utf8(true);
    assert_snapshot!("select_utf8_accept", wire_with(&Select::new("Entwürfe").unwrap(), options));
}

#[test]
fn c24_select_crlf_cannot_inject_a_command() {
    // CR and LF are not printable ASCII: modified UTF-7 encodes them, so the
    // whole name stays inside one quoted string on one line.
    let cmd = Select::new("INBOX\r\nA1 DELETE victim").unwrap();
    let mut enc = Encoder::new(EncodeOptions::default());
    cmd.encode_args(&mut enc).unwrap();
    assert_eq!(enc.finish().len(), 1, "one line, no literal");
    assert_snapshot!("select_crlf_encoded", wire(&cmd));
}

#[test]
fn delete_name_over_1024_bytes_goes_as_a_literal() {
    let name = "a".repeat(1025);
    assert_snapshot!("delete_long_literal", wire(&Delete::new(&name).unwrap()));
}

#[test]
fn c24_select_nul_is_refused() {
    assert!(Select::new("IN\0BOX").is_err());
}

#[test]
fn select_condstore() {
    let cmd = Select::default().condstore();
    assert_eq!(cmd.capabilities(), ["CONDSTORE"]);
    assert_snapshot!("select_condstore", wire(&cmd));
}

#[test]
fn select_qresync_minimal() {
    let cmd = Select::default().qresync(QResync::new(3857529045, 12345).unwrap());
    assert_eq!(cmd.capabilities(), ["QRESYNC"]);
    assert_snapshot!("select_qresync", wire(&cmd));
}

#[test]
fn select_qresync_known_uids_rfc7162() {
    let q = QResync::new(67890007, 20050715194045000).unwrap();
    let q = q.known_uids("41,43:211,214:541".parse().unwrap()).unwrap();
    assert_snapshot!("select_qresync_known_uids", wire(&Select::default().qresync(q)));
}

#[test]
fn select_condstore_and_qresync_share_one_group() {
    let cmd = Select::default().condstore().qresync(QResync::new(1, 2).unwrap());
    assert_snapshot!("select_condstore_qresync", wire(&cmd));
}

#[test]
fn qresync_refuses_star_dollar_and_zero() {
    let q = QResync::new(1, 1).unwrap();
    assert!(q.clone().known_uids("1:*".parse().unwrap()).is_err());
    assert!(q.clone().known_uids("$".parse().unwrap()).is_err());
    assert!(q.seq_match("1:*".parse().unwrap(), "1:5".parse().unwrap()).is_err());
    assert!(QResync::new(0, 1).is_err());
    assert!(QResync::new(1, 0).is_err());
    assert!(QResync::new(1, 1 << 63).is_err());
}

#[test]
fn c29_examine_default_is_inbox() {
    let cmd = Select::default().read_only();
    assert_eq!(cmd, Examine::default());
    assert_snapshot!("examine_default", wire(&cmd));
}

#[test]
fn examine_qresync_seq_match() {
    let q = QResync::new(3857529045, 12345).unwrap().known_uids("1:300".parse().unwrap()).unwrap();
    let q = q.seq_match("1:10".parse().unwrap(), "101:110".parse().unwrap()).unwrap();
    assert_snapshot!("examine_qresync_seq_match", wire(&Examine::new("Archive").unwrap().qresync(q)));
}

// ---- CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE ----

#[test]
fn c39_create_atom() {
    let cmd = Create::new("owatagusiam/").unwrap();
    assert!(cmd.capabilities().is_empty());
    assert_snapshot!("create_atom", wire(&cmd));
}

#[test]
fn c23_create_empty_name_is_quoted_empty() {
    assert_snapshot!("create_empty", wire(&Create::new("").unwrap()));
}

#[test]
fn c25_create_utf7() {
    assert_snapshot!("create_utf7", wire(&Create::new("Отправленные").unwrap()));
}

#[test]
fn create_special_use_rfc6154() {
    let cmd = Create::new("MySpecial").unwrap().special_use([SpecialUse::Drafts, SpecialUse::Sent]);
    assert_eq!(cmd.capabilities(), ["CREATE-SPECIAL-USE"]);
    assert_snapshot!("create_special_use", wire(&cmd));
}

#[test]
fn create_special_use_extension() {
    let cmd = Create::new("Sent Items").unwrap().special_use([SpecialUse::other("XSpam").unwrap()]);
    assert_snapshot!("create_special_use_extension", wire(&cmd));
}

#[test]
fn c39_delete_quoted() {
    assert_snapshot!("delete_quoted", wire(&Delete::new("Old Stuff").unwrap()));
}

#[test]
fn c39_rename_two_mailboxes() {
    assert_snapshot!("rename_utf7", wire(&Rename::new("Drafts", "Entwürfe").unwrap()));
}

#[test]
fn c39_subscribe_quoted() {
    assert_snapshot!("subscribe_quoted", wire(&Subscribe::new("Other Users/alice").unwrap()));
}

#[test]
fn c39_unsubscribe_atom() {
    assert_snapshot!("unsubscribe_atom", wire(&Unsubscribe::new("#news.comp.mail.mime").unwrap()));
}

// ---- LIST, LSUB ----

#[test]
fn c27_list_default() {
    let cmd = List::default();
    assert!(cmd.capabilities().is_empty());
    assert_snapshot!("list_default", wire(&cmd));
}

#[test]
fn list_percent_in_reference_namespace() {
    assert_snapshot!("list_pattern_quoted", wire(&List::new("", "Other Users/%").unwrap()));
}

#[test]
fn list_reference_and_bare_pattern() {
    assert_snapshot!("list_reference", wire(&List::new("#news.", "comp.mail.*").unwrap()));
}

#[test]
fn c25_list_pattern_utf7() {
    assert_snapshot!("list_pattern_utf7", wire(&List::new("", "Entwürfe/*").unwrap()));
}

#[test]
fn list_subscribed() {
    let cmd = List::default().selecting(ListSelect::Subscribed);
    assert_eq!(cmd.capabilities(), ["LIST-EXTENDED"]);
    assert_snapshot!("list_subscribed", wire(&cmd));
}

#[test]
fn list_subscribed_recursivematch() {
    let cmd = List::default().selecting(ListSelect::Subscribed).selecting(ListSelect::RecursiveMatch);
    assert_snapshot!("list_recursivematch", wire(&cmd));
}

#[test]
fn list_recursivematch_alone_is_refused() {
    let cmd = List::default().selecting(ListSelect::RecursiveMatch);
    assert!(refused(&cmd, EncodeOptions::default()));
    let cmd = List::default().selecting(ListSelect::Remote).selecting(ListSelect::RecursiveMatch);
    assert!(refused(&cmd, EncodeOptions::default()));
}

#[test]
fn list_remote_and_special_use_selection() {
    let cmd = List::default().selecting(ListSelect::Remote).selecting(ListSelect::SpecialUse);
    assert_snapshot!("list_remote_special_use", wire(&cmd));
}

#[test]
fn list_several_patterns() {
    let patterns = [ListPattern::new("INBOX").unwrap(), ListPattern::new("Archive/*").unwrap()];
    let cmd = List::patterns("", patterns).unwrap();
    assert_eq!(cmd.pattern_list().len(), 2);
    assert_snapshot!("list_patterns", wire(&cmd));
    assert!(List::patterns("", []).is_err());
}

#[test]
fn list_return_children_special_use_subscribed() {
    let cmd = List::default()
        .returning(ListReturn::Children)
        .returning(ListReturn::SpecialUse)
        .returning(ListReturn::Subscribed);
    assert_eq!(cmd.capabilities(), ["LIST-EXTENDED", "SPECIAL-USE"]);
    assert_snapshot!("list_return_children", wire(&cmd));
}

#[test]
fn list_return_status_rfc5819() {
    let atts = vec![StatusAttr::Messages, StatusAttr::Unseen, StatusAttr::UidNext];
    let cmd = List::new("", "%").unwrap().returning(ListReturn::Status(atts));
    assert_snapshot!("list_return_status", wire(&cmd));
    let empty = List::default().returning(ListReturn::Status(vec![]));
    assert!(refused(&empty, EncodeOptions::default()));
}

#[test]
fn list_empty_selection_and_return() {
    let cmd = List::new("", "%").unwrap().selecting(ListSelect::Subscribed).returning(ListReturn::Children);
    assert_snapshot!("list_selection_and_return", wire(&cmd));
}

#[test]
fn c27_lsub_default() {
    assert_snapshot!("lsub_default", wire(&Lsub::default()));
}

#[test]
fn lsub_rfc3501() {
    assert_snapshot!("lsub_reference", wire(&Lsub::new("#news.", "comp.mail.*").unwrap()));
}

// ---- STATUS ----

#[test]
fn c37_status_messages_unseen() {
    let cmd = StatusCommand::new("INBOX", [StatusAttr::Messages, StatusAttr::Unseen]).unwrap();
    assert_eq!(cmd.name(), "STATUS");
    assert_snapshot!("status_messages_unseen", wire(&cmd));
}

#[test]
fn status_quoted_many_items() {
    let items = [
        StatusAttr::Messages,
        StatusAttr::UidNext,
        StatusAttr::UidValidity,
        StatusAttr::Unseen,
        StatusAttr::HighestModSeq,
        StatusAttr::Size,
    ];
    assert_snapshot!("status_many", wire(&StatusCommand::new("Sent Items", items).unwrap()));
}

#[test]
fn status_needs_an_item() {
    assert!(StatusCommand::new("INBOX", []).is_err());
}

// ---- APPEND ----

const MSG: &[u8] = b"Subject: hi\r\n\r\nhello\r\n";

#[test]
fn c44_c46_append_inbox_sync_literal() {
    let cmd = Append::inbox(MSG).unwrap();
    assert!(cmd.target().is_inbox());
    assert_snapshot!("append_inbox", wire(&cmd));
}

#[test]
fn c46_append_flags_and_date() {
    let date = DateTime::parse_from_rfc3339("2033-05-18T05:33:20+00:00").unwrap();
    let cmd = Append::new("Sent Items", MSG).unwrap().flags([Flag::Seen, Flag::Draft]).unwrap().date(date);
    assert_snapshot!("append_flags_date", wire(&cmd));
}

#[test]
fn append_refuses_recent_and_nul() {
    assert!(Append::inbox(MSG).unwrap().flags([Flag::Recent]).is_err());
    assert!(Append::inbox(b"a\0b".to_vec()).is_err());
}

#[test]
fn c49_append_literal_plus() {
    let options = EncodeOptions::default().with_literal_plus(true);
    assert_snapshot!("append_literal_plus", wire_with(&Append::inbox(MSG).unwrap(), options));
}

#[test]
fn c49_append_literal_minus_only_up_to_4096() {
    let options = EncodeOptions::default().with_literal_minus(true);
    let small = wire_with(&Append::inbox(MSG).unwrap(), options);
    assert!(small.contains("{22+}"), "{small}");
    let big = wire_with(&Append::inbox(vec![b'x'; 4097]).unwrap(), options);
    assert!(big.contains("{4097}\\r\\n") && big.contains("Literal(Sync"), "sync above 4096");
}

#[test]
fn append_multiappend() {
    let second = AppendMessage::new(b"Subject: 2\r\n\r\nx\r\n".to_vec()).unwrap();
    let cmd = Append::inbox(MSG).unwrap().flags([Flag::Seen]).unwrap().message(second);
    let cmd = cmd.flags([Flag::Flagged]).unwrap();
    assert_eq!(cmd.capabilities(), ["MULTIAPPEND"]);
    assert_eq!(cmd.messages().count(), 2);
    let options = EncodeOptions::default().with_literal_plus(true);
    assert_snapshot!("append_multiappend", wire_with(&cmd, options));
}

#[test]
fn append_single_needs_no_capability() {
    assert!(Append::inbox(MSG).unwrap().capabilities().is_empty());
}

#[test]
fn append_binary_literal8() {
    let msg = AppendMessage::binary(b"Subject: bin\r\n\r\n\0\x01\r\n".to_vec());
    let cmd = Append::mailbox(Mailbox::inbox(), msg);
    assert!(refused(&cmd, EncodeOptions::default()), "literal8 needs BINARY");
    assert_snapshot!("append_binary", wire_with(&cmd, EncodeOptions::default().with_binary(true)));
}

#[test]
fn c48_append_utf8_form_vector_v5() {
    let msg = AppendMessage::new("Subject: üñí©öðé\n".as_bytes()).unwrap().normalize_line_endings();
    assert_eq!(msg.data().len(), 25);
    let cmd = Append::mailbox(Mailbox::inbox(), msg);
    let options = EncodeOptions::default().with_utf8(true).with_binary(true);
    assert_snapshot!("append_utf8", wire_with(&cmd, options));
}

#[test]
fn c47_append_crlf_normalisation_is_opt_in() {
    let raw = b"Subject: hi\nbody\r\nmore\r".to_vec();
    let kept = AppendMessage::new(raw.clone()).unwrap();
    assert_eq!(kept.data(), raw.as_slice(), "default: bytes as given");
    let fixed = AppendMessage::new(raw).unwrap().normalize_line_endings();
    assert_eq!(fixed.data(), b"Subject: hi\r\nbody\r\nmore\r\n");
    let cmd = Append::mailbox(Mailbox::inbox(), fixed);
    assert_snapshot!("append_normalised", wire(&cmd));
}

// ---- NAMESPACE, ENABLE, ID ----

#[test]
fn c39_namespace() {
    assert_eq!(Namespace.capabilities(), ["NAMESPACE"]);
    assert_snapshot!("namespace_plain", wire(&Namespace));
}

#[test]
fn enable_condstore_qresync() {
    let cmd = Enable::new(["CONDSTORE", "QRESYNC"]).unwrap();
    assert_eq!(cmd.capabilities(), ["ENABLE"]);
    assert_eq!(cmd.requested().len(), 2);
    assert_snapshot!("enable_condstore_qresync", wire(&cmd));
}

#[test]
fn c41_enable_utf8_accept() {
    assert_snapshot!("enable_utf8_accept", wire(&Enable::new(["UTF8=ACCEPT"]).unwrap()));
}

#[test]
fn enable_refuses_empty_and_non_atoms() {
    assert!(Enable::new(Vec::<&str>::new()).is_err());
    assert!(Enable::new(["TWO WORDS"]).is_err());
}

#[test]
fn id_nil() {
    let cmd = Id::nil();
    assert_eq!(cmd, Id::default());
    assert_eq!(cmd.capabilities(), ["ID"]);
    assert_snapshot!("id_nil", wire(&cmd));
}

#[test]
fn c40_id_fields_are_strings() {
    let cmd = Id::new([("name", Some("x")), ("version", Some("1.0")), ("os", None)]).unwrap();
    assert_snapshot!("id_fields", wire(&cmd));
}

#[test]
fn id_escapes_quotes() {
    assert_snapshot!("id_escaped", wire(&Id::new([("name", Some("say \"hi\"\\"))]).unwrap()));
}

#[test]
fn id_limits_of_rfc2971() {
    let long_key = "k".repeat(31);
    assert!(Id::new([(long_key.as_str(), None)]).is_err());
    let long_value = "v".repeat(1025);
    assert!(Id::new([("name", Some(long_value.as_str()))]).is_err());
    let keys: Vec<String> = (0..31).map(|i| format!("k{i}")).collect();
    assert!(Id::new(keys.iter().map(|k| (k.as_str(), None))).is_err());
    assert!(Id::new([("name", Some("a\0b"))]).is_err());
    assert!(Id::new([("na\0me", None)]).is_err());
}
