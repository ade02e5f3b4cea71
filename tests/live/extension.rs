//! Extension data both servers advertise, read back typed: FETCH BINARY,
//! BINARY.SIZE, SAVEDATE and PREVIEW; STATUS SIZE and HIGHESTMODSEQ; LIST
//! RETURN (STATUS ...) (LIST-STATUS); GETMETADATA with MAXSIZE
//! (LONGENTRIES) and DEPTH; another user's access after SETACL.

use typed_imap::Error;
use typed_imap::command::{
    Depth, Examine, Fetch, GetMetadata, List, ListReturn, ModRights, Raw, RawArg, Rights, Select, SetAcl,
    SetMetadata, StatusCommand,
};
use typed_imap::types::{FetchAttr, FetchItem, FetchItems, SequenceSet, StatusAttr, StatusItem};

use super::message::{MESSAGE, append, cleanup, fresh};
use super::{Kind, Server, User};

/// `BINARY.PEEK[2]` is the second part with its base64 removed, bytes
/// 0..=5; `BINARY.SIZE[2]` is 6; `SAVEDATE` is a date; `PREVIEW` starts
/// with the first part's text (Dovecot) or is NIL (Cyrus); `PREVIEW (LAZY)`
/// is accepted.
pub fn fetch_binary_savedate_preview(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "binary");
    append(&mut s, &mb, MESSAGE);
    s.run(Select::new(&mb).unwrap()).unwrap();
    let items = FetchItems::Attrs(vec![
        FetchAttr::binary_peek(vec![2]),
        FetchAttr::BinarySize { part: vec![2] },
        FetchAttr::SaveDate,
        FetchAttr::Preview,
    ]);
    let fetched = s.run(Fetch::new(SequenceSet::single(1).unwrap(), items)).unwrap();
    let items = &fetched.messages[0].items;
    let find = |f: &dyn Fn(&FetchItem<'static>) -> bool| items.iter().find(|i| f(i)).cloned();
    let binary = find(&|i| matches!(i, FetchItem::Binary { .. })).expect("BINARY");
    let FetchItem::Binary { section, data, .. } = binary else { unreachable!() };
    assert_eq!(section, [2]);
    assert_eq!(data.unwrap().as_bytes(), [0, 1, 2, 3, 4, 5]);
    assert!(items.contains(&FetchItem::BinarySize { section: vec![2], size: 6 }), "{items:?}");
    let saved = find(&|i| matches!(i, FetchItem::SaveDate(_))).expect("SAVEDATE");
    assert!(matches!(saved, FetchItem::SaveDate(Some(_))), "{saved:?}");
    // Cyrus 3.6 answers `PREVIEW NIL` (it has no preview without its
    // search indexer).
    match find(&|i| matches!(i, FetchItem::Preview(_))).expect("PREVIEW") {
        FetchItem::Preview(Some(text)) => assert!(text.as_bytes().starts_with(b"Hello from the live suite")),
        FetchItem::Preview(None) => assert_eq!(server.kind, Kind::Cyrus),
        other => panic!("{other:?}"),
    }
    // `PREVIEW (LAZY)` (RFC 8970 section 4.1): the server accepts the
    // modifier and answers with the text, or NIL when it has none at hand.
    let lazy = FetchItems::Attrs(vec![FetchAttr::PreviewLazy]);
    let fetched = s.run(Fetch::new(SequenceSet::single(1).unwrap(), lazy)).unwrap();
    match fetched.messages[0].items.as_slice() {
        [FetchItem::Preview(Some(text))] => {
            assert!(text.as_bytes().starts_with(b"Hello from the live suite"))
        }
        [FetchItem::Preview(None)] => {}
        other => panic!("{other:?}"),
    }
    cleanup(&mut s, &mb);
}

/// STATUS SIZE and HIGHESTMODSEQ, and the same through LIST RETURN
/// (STATUS (MESSAGES SIZE)).
pub fn status_size_and_list_status(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "status_size");
    append(&mut s, &mb, MESSAGE);
    let attrs = [StatusAttr::Size, StatusAttr::HighestModSeq];
    let status = s.run(StatusCommand::new(&mb, attrs).unwrap()).unwrap();
    assert!(status.items.contains(&StatusItem::Size(MESSAGE.len() as u64)), "{status:?}");
    assert!(status.items.iter().any(|i| matches!(i, StatusItem::HighestModSeq(m) if *m > 0)), "{status:?}");
    let ret = ListReturn::Status(vec![StatusAttr::Messages, StatusAttr::Size]);
    let listed = s.run(List::new("", &mb).unwrap().returning(ret)).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let items = listed[0].status.as_ref().expect("STATUS in LIST");
    assert!(items.contains(&StatusItem::Messages(1)), "{items:?}");
    assert!(items.contains(&StatusItem::Size(MESSAGE.len() as u64)), "{items:?}");
    cleanup(&mut s, &mb);
}

/// STATUS DELETED needs IMAP4rev2 or QUOTA=RES-MESSAGE (RFC 9208 section
/// 4.1.4), which neither server advertises: the session refuses it before
/// sending, where the raw command gets BAD from both (Dovecot 2.3 "Invalid
/// status item DELETED", Cyrus 3.6 "Invalid Status attributes deleted").
pub fn status_deleted_refused_where_the_server_would_say_bad(server: &Server) {
    let mut s = server.alice();
    let err = s.run(StatusCommand::new("INBOX", [StatusAttr::Deleted]).unwrap()).unwrap_err();
    match &err {
        Error::Unsupported { capability, .. } => assert_eq!(capability, "IMAP4rev2 or QUOTA=RES-MESSAGE"),
        other => panic!("{other:?}"),
    }
    let list = RawArg::List(vec![RawArg::atom("DELETED").unwrap()]);
    let raw = Raw::new("STATUS", vec![RawArg::mailbox("INBOX").unwrap(), list]).unwrap();
    let err = s.run(raw).unwrap_err();
    assert!(matches!(err, Error::Bad(_)), "{err:?}");
    s.noop().expect("the connection is still usable");
}

/// GETMETADATA (MAXSIZE 5) leaves out the longer value and answers
/// `[METADATA LONGENTRIES n]` with its length; (DEPTH 1) of `/private`
/// returns the entry below it. (Cyrus refuses entries it does not define,
/// such as `/private/vendor/...`: the standard comments are used.)
pub fn metadata_maxsize_and_depth(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "metadata_depth");
    let long = "a much longer value";
    let set = SetMetadata::new(&mb).unwrap().set("/private/comment", Some("short")).unwrap();
    s.run(set.set("/shared/comment", Some(long)).unwrap()).unwrap();
    let entries = ["/private/comment", "/shared/comment"];
    let small = s.run(GetMetadata::new(&mb, &entries).unwrap().max_size(5)).unwrap();
    assert_eq!(small.get("/private/comment"), Some(Some(&b"short"[..])), "{small:?}");
    assert_eq!(small.get("/shared/comment"), None, "{small:?}");
    assert_eq!(small.long_entries, Some(long.len() as u32), "{small:?}");
    let deep = s.run(GetMetadata::new(&mb, &["/private"]).unwrap().depth(Depth::One)).unwrap();
    assert_eq!(deep.get("/private/comment"), Some(Some(&b"short"[..])), "{deep:?}");
    assert_eq!(deep.get("/shared/comment"), None, "{deep:?}");
    cleanup(&mut s, &mb);
}

/// After `SETACL mailbox bob lr`, bob finds the mailbox in the other
/// users' namespace (Cyrus) and can EXAMINE it, read-only.
pub fn acl_grants_bob_read(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "acl_bob");
    append(&mut s, &mb, MESSAGE);
    s.run(SetAcl::new(&mb, &User::Bob.name(), ModRights::Set(Rights::new("lr").unwrap())).unwrap()).unwrap();
    let shared = server.shared_name(User::Alice, &mb);
    let mut bob = server.login(User::Bob);
    // Dovecot lists another user's mailboxes only once its shared-mailbox
    // dictionary names that user; selecting them works at once.
    if server.kind == Kind::Cyrus {
        let listed = bob.run(List::new("", &shared).unwrap()).unwrap();
        assert_eq!(listed.len(), 1, "{shared}: {listed:?}");
    }
    let examined = bob.run(Examine::new(&shared).unwrap()).unwrap();
    assert_eq!(examined.state.exists, 1);
    assert!(examined.state.read_only);
    cleanup(&mut s, &mb);
}
