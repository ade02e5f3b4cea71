//! The blocking `Session` against a scripted server that advertises
//! `IMAP4rev2` and none of the extensions RFC 9051 folds in (Appendix E):
//! IDLE, NAMESPACE and UNSELECT must go out, not be refused. A scripted
//! server, because both real test servers list the extensions as well.

mod support;

use support::client::{connect, preauth};
use support::scripted_server::Server;
use typed_imap::command::{Namespace, Select, Unselect};

#[test]
fn rev2_only_server_gets_idle() {
    let script = preauth("IMAP4rev2")
        .expect("<tag> IDLE\r\n")
        .send("+ idling\r\n")
        .expect("DONE\r\n")
        .send("<tag> OK Idle completed\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    assert!(session.supports("IDLE") && !session.has_capability("IDLE"), "included, not advertised");
    assert!(!session.supports("QUOTA"), "not part of IMAP4rev2");
    let idle = session.idle().expect("IDLE is part of IMAP4rev2");
    idle.done().unwrap();
    drop(session);
    assert_eq!(server.finish().tags.len(), 1, "IDLE went out");
}

#[test]
fn rev2_only_server_gets_namespace_and_unselect() {
    let script = preauth("IMAP4rev2")
        .expect("<tag> NAMESPACE\r\n")
        .send("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n")
        .send("<tag> OK done\r\n")
        .expect("<tag> SELECT INBOX\r\n")
        .send("* 1 EXISTS\r\n")
        .send("<tag> OK [READ-WRITE] done\r\n")
        .expect("<tag> UNSELECT\r\n")
        .send("<tag> OK done\r\n");
    let server = Server::start(script);
    let mut session = connect(&server).unwrap();
    session.run(Namespace).expect("NAMESPACE is part of IMAP4rev2");
    session.run(Select::new("INBOX").unwrap()).unwrap();
    session.run(Unselect).expect("UNSELECT is part of IMAP4rev2");
    drop(session);
    assert_eq!(server.finish().tags.len(), 3, "NAMESPACE, SELECT, UNSELECT went out");
}
