//! IDLE and AUTHENTICATE in the sans-I/O core: the two commands whose
//! continuation requests are not literal go-aheads. Byte by byte, no
//! sockets; conformance items are named `cNN_...`.

use typed_imap::Error;
use typed_imap::auth::{AuthError, Authenticator, CramMd5, Plain, Response, from_fn};
use typed_imap::command::State;
use typed_imap::session::{Config, Event, Protocol};
use typed_imap::types::{Code, Data};

fn greeted(caps: &str) -> Protocol {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(format!("* OK [CAPABILITY {caps}] ready\r\n").as_bytes());
    assert!(p.poll_greeting().unwrap());
    p
}

/// A protocol in the authenticated state (PREAUTH) with these capabilities.
fn preauth(caps: &str) -> Protocol {
    let mut p = Protocol::new(Config::default().with_tag_prefix("A"));
    p.handle_input(format!("* PREAUTH [CAPABILITY {caps}] hi\r\n").as_bytes());
    assert!(p.poll_greeting().unwrap());
    p
}

fn sent(p: &mut Protocol) -> String {
    let mut out = Vec::new();
    while let Some(bytes) = p.poll_transmit() {
        out.extend(bytes);
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn events(p: &mut Protocol) -> Vec<Event> {
    std::iter::from_fn(|| p.poll_event()).collect()
}

/// Feeds `bytes` and answers challenges until the command ends or input runs out.
fn feed_auth<A: Authenticator>(p: &mut Protocol, auth: &mut A, bytes: &str) -> Result<Option<()>, Error> {
    p.handle_input(bytes.as_bytes());
    p.poll_authenticate(auth)
}

#[test]
fn c101_idle_without_capability_sends_nothing() {
    let mut p = preauth("IMAP4rev1");
    assert!(matches!(p.idle_start(), Err(Error::Unsupported { .. })));
    assert_eq!(sent(&mut p), "");
}

#[test]
fn c102_idle_refused_with_no() {
    let mut p = preauth("IMAP4rev1 IDLE");
    p.idle_start().unwrap();
    assert_eq!(sent(&mut p), "A0 IDLE\r\n");
    p.handle_input(b"A0 NO IDLE is not allowed at this time\r\n");
    assert!(matches!(p.poll_idle(), Err(Error::No(_))));
}

#[test]
fn c102_idle_answered_ok_before_continuation_aborts() {
    let mut p = preauth("IMAP4rev1 IDLE");
    p.idle_start().unwrap();
    p.handle_input(b"A0 OK what\r\n");
    assert!(matches!(p.poll_idle(), Err(Error::Aborted(_))));
}

#[test]
fn c103_v12_events_arrive_in_order_including_before_the_continuation() {
    let mut p = preauth("IMAP4rev1 IDLE");
    p.idle_start().unwrap();
    sent(&mut p);
    p.handle_input(b"* 0 EXISTS\r\n+ idling\r\n* 2 EXISTS\r\n");
    p.handle_input(
        b"* 1 FETCH (BODY[HEADER.FIELDS (DATE)] {41}\r\nDate: Fri, 06 Dec 2024 06:00:00 +0000\r\n\r\n)\r\n",
    );
    p.handle_input(b"* 3 EXISTS\r\n");
    assert_eq!(p.poll_idle().unwrap(), None);
    assert!(p.is_idling());
    let got = events(&mut p);
    let names: Vec<&str> = got.iter().map(Event::name).collect();
    assert_eq!(names, ["EXISTS", "EXISTS", "FETCH", "EXISTS"]);
    assert_eq!(got[0], Event::Data(Data::Exists(0)));
    assert_eq!(got[3], Event::Data(Data::Exists(3)));
}

#[test]
fn c104_v13_response_split_across_reads_is_not_lost() {
    let mut p = preauth("IMAP4rev1 IDLE");
    p.idle_start().unwrap();
    p.handle_input(b"+ idling\r\n* 1 EX");
    assert_eq!(p.poll_idle().unwrap(), None);
    assert!(events(&mut p).is_empty());
    p.handle_input(b"IS");
    assert_eq!(p.poll_idle().unwrap(), None);
    p.handle_input(b"TS\r\n");
    assert_eq!(p.poll_idle().unwrap(), None);
    assert_eq!(events(&mut p), [Event::Data(Data::Exists(1))]);
    p.idle_done().unwrap();
    p.handle_input(b"A0 OK Idle completed\r\n");
    assert_eq!(p.poll_idle().unwrap(), Some(()));
}

#[test]
fn c105_done_is_exact_and_later_responses_stay_retrievable() {
    let mut p = preauth("IMAP4rev1 IDLE");
    p.idle_start().unwrap();
    sent(&mut p);
    p.handle_input(b"+ idling\r\n* 1 RECENT\r\n");
    assert_eq!(p.poll_idle().unwrap(), None);
    p.idle_done().unwrap();
    assert_eq!(sent(&mut p), "DONE\r\n");
    p.idle_done().unwrap();
    assert_eq!(sent(&mut p), "", "DONE goes once");
    p.handle_input(b"* 9 RECENT\r\nA0 OK Idle completed\r\n");
    assert_eq!(p.poll_idle().unwrap(), Some(()));
    let recent: Vec<Event> = p.take_events("RECENT");
    assert_eq!(recent, [Event::Data(Data::Recent(1)), Event::Data(Data::Recent(9))]);
}

#[test]
fn done_asked_before_the_continuation_goes_when_it_comes() {
    let mut p = preauth("IMAP4rev1 IDLE");
    p.idle_start().unwrap();
    sent(&mut p);
    p.idle_done().unwrap();
    assert_eq!(sent(&mut p), "");
    p.handle_input(b"+ idling\r\n");
    assert_eq!(p.poll_idle().unwrap(), None);
    assert_eq!(sent(&mut p), "DONE\r\n");
}

#[test]
fn c43_no_other_command_while_idling() {
    let mut p = preauth("IMAP4rev1 IDLE");
    p.idle_start().unwrap();
    p.handle_input(b"+ idling\r\n");
    p.poll_idle().unwrap();
    assert!(p.idle_start().is_err());
}

#[test]
fn c51_empty_challenge_and_base64_answer() {
    let mut p = greeted("IMAP4rev1");
    let mut seen = Vec::new();
    let mut auth = from_fn("MYAUTH", |challenge: &[u8]| {
        seen.push(challenge.to_vec());
        Ok(Response::from("fake"))
    })
    .unwrap();
    p.authenticate_start(&mut auth).unwrap();
    assert_eq!(sent(&mut p), "A0 AUTHENTICATE MYAUTH\r\n");
    assert_eq!(feed_auth(&mut p, &mut auth, "+\r\n").unwrap(), None);
    assert_eq!(sent(&mut p), "ZmFrZQ==\r\n");
    assert_eq!(feed_auth(&mut p, &mut auth, "A0 OK FAKEAUTH successful\r\n").unwrap(), Some(()));
    assert_eq!(p.state(), State::Authenticated);
    drop(auth);
    assert_eq!(seen, [Vec::<u8>::new()]);
}

#[test]
fn c52_challenge_is_decoded_and_trailing_space_is_empty() {
    let mut p = greeted("IMAP4rev1");
    let mut seen = Vec::new();
    let mut auth = from_fn("X", |challenge: &[u8]| {
        seen.push(challenge.to_vec());
        Ok(Response::from(""))
    })
    .unwrap();
    p.authenticate_start(&mut auth).unwrap();
    feed_auth(&mut p, &mut auth, "+ Y2hhbGxlbmdl\r\n").unwrap();
    feed_auth(&mut p, &mut auth, "+ \r\n").unwrap();
    drop(auth);
    assert_eq!(seen, [b"challenge".to_vec(), Vec::new()]);
}

#[test]
fn c53_cancel_sends_star_and_the_no_is_an_error() {
    let mut p = greeted("IMAP4rev1");
    let mut auth = from_fn("X", |_: &[u8]| Ok(Response::Cancel)).unwrap();
    p.authenticate_start(&mut auth).unwrap();
    sent(&mut p);
    feed_auth(&mut p, &mut auth, "+\r\n").unwrap();
    assert_eq!(sent(&mut p), "*\r\n");
    match feed_auth(&mut p, &mut auth, "A0 NO [AUTHENTICATIONFAILED] aborted\r\n") {
        Err(Error::No(r)) => assert_eq!(r.code, Some(Code::AuthenticationFailed)),
        other => panic!("{other:?}"),
    }
    assert_eq!(p.state(), State::NotAuthenticated);
}

#[test]
fn c55_refusal_message_carries_the_code() {
    let mut p = greeted("IMAP4rev1");
    let mut auth = Plain::new("u", "wrong").unwrap();
    p.authenticate_start(&mut auth).unwrap();
    feed_auth(&mut p, &mut auth, "+\r\n").unwrap();
    let err = feed_auth(&mut p, &mut auth, "A0 NO [AUTHENTICATIONFAILED] invalid\r\n").unwrap_err();
    assert_eq!(err.to_string(), "NO [AUTHENTICATIONFAILED] invalid");
}

#[test]
fn c56_cram_md5_v7() {
    let mut p = greeted("IMAP4rev1 AUTH=CRAM-MD5");
    let mut auth = CramMd5::new("tim", "tanstaaftanstaaf");
    p.authenticate_start(&mut auth).unwrap();
    assert_eq!(sent(&mut p), "A0 AUTHENTICATE CRAM-MD5\r\n");
    feed_auth(&mut p, &mut auth, "+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ=\r\n").unwrap();
    assert_eq!(sent(&mut p), "dGltIGYxY2E2YmU0NjRiOWVmYTFjY2E2ZmZkNmNmMmQ5ZjMy\r\n");
}

#[test]
fn c58_sasl_ir_puts_the_initial_response_on_the_line() {
    let mut p = greeted("IMAP4rev1 SASL-IR AUTH=PLAIN");
    let mut auth = Plain::new("alice", "secret").unwrap();
    p.authenticate_start(&mut auth).unwrap();
    assert_eq!(sent(&mut p), "A0 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\r\n");
    assert_eq!(feed_auth(&mut p, &mut auth, "A0 OK [CAPABILITY IMAP4rev1 IDLE] hi\r\n").unwrap(), Some(()));
    assert!(p.has_capability("IDLE"));
}

#[test]
fn c58_empty_initial_response_is_an_equals_sign() {
    let mut p = greeted("IMAP4rev1 SASL-IR");
    let mut auth = from_fn("X", |_: &[u8]| Ok(Response::from(""))).unwrap().with_initial_response(Vec::new());
    p.authenticate_start(&mut auth).unwrap();
    assert_eq!(sent(&mut p), "A0 AUTHENTICATE X =\r\n");
}

#[test]
fn c59_callback_failure_cancels_reads_the_answer_and_reports_it() {
    let mut p = greeted("IMAP4rev1");
    let mut auth = from_fn("X", |_: &[u8]| Err(AuthError::failed("token expired"))).unwrap();
    p.authenticate_start(&mut auth).unwrap();
    sent(&mut p);
    assert_eq!(feed_auth(&mut p, &mut auth, "+\r\n").unwrap(), None);
    assert_eq!(sent(&mut p), "*\r\n");
    let err = feed_auth(&mut p, &mut auth, "A0 BAD aborted\r\n").unwrap_err();
    assert!(matches!(err, Error::Auth { ref mechanism, .. } if mechanism == "X"), "{err:?}");
    assert!(err.to_string().contains("token expired"), "{err}");
    assert_eq!(p.state(), State::NotAuthenticated, "the connection stays usable");
    assert!(p.idle_start().is_err_and(|e| matches!(e, Error::State { .. })));
}

#[test]
fn challenge_that_is_not_base64_cancels() {
    let mut p = greeted("IMAP4rev1");
    let mut auth = Plain::new("u", "p").unwrap();
    p.authenticate_start(&mut auth).unwrap();
    sent(&mut p);
    feed_auth(&mut p, &mut auth, "+ not*base64!\r\n").unwrap();
    assert_eq!(sent(&mut p), "*\r\n");
    let err = feed_auth(&mut p, &mut auth, "A0 NO cancelled\r\n").unwrap_err();
    assert!(matches!(err, Error::Auth { source: AuthError::InvalidBase64, .. }), "{err:?}");
}
