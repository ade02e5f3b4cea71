//! Rights, quota and metadata on both servers: GETACL, SETACL,
//! DELETEACL, MYRIGHTS, LISTRIGHTS, GETQUOTAROOT, SETMETADATA and
//! GETMETADATA (quoted and literal values). The server-specific parts
//! (GETQUOTA and SETQUOTA as admin, ANNOTATEMORE) are in the server's
//! own test file.

use typed_imap::command::{
    DeleteAcl, GetAcl, GetMetadata, GetQuotaRoot, ListRights, ModRights, MyRights, Rights, SetAcl,
    SetMetadata,
};
use typed_imap::types::Acl;

use super::message::{cleanup, fresh};
use super::{Kind, Server, User};

fn entry<'a>(acl: &'a Acl<'static>, who: &str) -> Option<&'a [u8]> {
    acl.entries.iter().find(|e| e.identifier.as_bytes() == who.as_bytes()).map(|e| e.rights.as_bytes())
}

/// SETACL gives bob `lr`; GETACL shows it; MYRIGHTS shows alice's full
/// rights; LISTRIGHTS names what bob can be given; `+w` and `-r` change
/// his rights; DELETEACL removes him.
pub fn acl_set_get_list_delete(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "acl");
    let bob = User::Bob.name();
    let before = s.run(GetAcl::new(&mb).unwrap()).unwrap();
    assert_eq!(before.mailbox.name(), mb.as_str());
    assert!(entry(&before, &bob).is_none(), "{before:?}");
    s.run(SetAcl::new(&mb, &bob, ModRights::Set(Rights::new("lr").unwrap())).unwrap()).unwrap();
    let after = s.run(GetAcl::new(&mb).unwrap()).unwrap();
    assert_eq!(entry(&after, &bob), Some(&b"lr"[..]), "{after:?}");
    let mine = s.run(MyRights::new(&mb).unwrap()).unwrap();
    assert_eq!(mine.mailbox.name(), mb.as_str());
    for right in b"lrswipkxtea" {
        assert!(mine.rights.as_bytes().contains(right), "{} lacks {}", mine.rights, *right as char);
    }
    let listed = s.run(ListRights::new(&mb, &bob).unwrap()).unwrap();
    assert_eq!(listed.identifier.as_bytes(), bob.as_bytes());
    let optional: Vec<u8> = listed.optional.iter().flat_map(|r| r.as_bytes().to_vec()).collect();
    assert!(optional.contains(&b'w') || listed.required.as_bytes().contains(&b'w'), "{listed:?}");
    s.run(SetAcl::new(&mb, &bob, ModRights::Add(Rights::new("w").unwrap())).unwrap()).unwrap();
    s.run(SetAcl::new(&mb, &bob, ModRights::Remove(Rights::new("r").unwrap())).unwrap()).unwrap();
    let changed = s.run(GetAcl::new(&mb).unwrap()).unwrap();
    assert_eq!(entry(&changed, &bob), Some(&b"lw"[..]), "+w then -r: {changed:?}");
    s.run(DeleteAcl::new(&mb, &bob).unwrap()).unwrap();
    let gone = s.run(GetAcl::new(&mb).unwrap()).unwrap();
    assert!(entry(&gone, &bob).is_none(), "{gone:?}");
    cleanup(&mut s, &mb);
}

/// GETQUOTAROOT INBOX as alice: the root (`"User quota"` on Dovecot,
/// `INBOX` on Cyrus) with the configured limits, 10 MiB and 1000
/// messages.
pub fn getquotaroot_inbox(server: &Server) {
    let mut s = server.alice();
    let roots = s.run(GetQuotaRoot::new("INBOX").unwrap()).unwrap();
    assert!(roots.mailbox.is_inbox());
    let root: &[u8] = match server.kind {
        Kind::Dovecot => b"User quota",
        Kind::Cyrus => b"INBOX",
    };
    assert_eq!(roots.roots.iter().map(|r| r.as_bytes()).collect::<Vec<_>>(), [root]);
    let quota = roots.quota(root).unwrap_or_else(|| panic!("no QUOTA for the root: {roots:?}"));
    let limit = |name: &[u8]| {
        quota.resources.iter().find(|r| r.name.as_bytes().eq_ignore_ascii_case(name)).map(|r| r.limit)
    };
    assert_eq!(limit(b"STORAGE"), Some(10240), "{quota:?}");
    assert_eq!(limit(b"MESSAGE"), Some(1000), "{quota:?}");
}

/// SETMETADATA of a printable value (sent quoted) and of a multi-line
/// UTF-8 value (sent as a literal); GETMETADATA returns both exactly;
/// SETMETADATA NIL removes one.
pub fn metadata_set_get_remove(server: &Server) {
    let mut s = server.alice();
    let mb = fresh(server, &mut s, "metadata");
    let multi = "first line\r\nzweite Zeile: Grüße".as_bytes().to_vec();
    let set = SetMetadata::new(&mb).unwrap().set("/private/comment", Some("live comment")).unwrap();
    s.run(set.set("/shared/comment", Some(multi.clone())).unwrap()).unwrap();
    let entries = ["/private/comment", "/shared/comment"];
    let got = s.run(GetMetadata::new(&mb, &entries).unwrap()).unwrap();
    assert_eq!(got.get("/private/comment"), Some(Some(&b"live comment"[..])), "{got:?}");
    assert_eq!(got.get("/shared/comment"), Some(Some(multi.as_slice())), "{got:?}");
    assert!(got.values.iter().all(|v| v.mailbox.name() == mb.as_str()));
    s.run(SetMetadata::new(&mb).unwrap().set("/private/comment", None::<&str>).unwrap()).unwrap();
    let after = s.run(GetMetadata::new(&mb, &["/private/comment"]).unwrap()).unwrap();
    assert!(matches!(after.get("/private/comment"), None | Some(None)), "{after:?}");
    cleanup(&mut s, &mb);
}
