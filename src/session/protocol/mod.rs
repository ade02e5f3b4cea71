//! The sans-I/O protocol core: everything a session decides, no sockets.
//!
//! Commands follow one path (`send`, `poll_command`); AUTHENTICATE and
//! IDLE answer continuation requests differently, each in its own file.

mod greeting;
mod idle;
mod input;
mod pipeline;
mod query;
mod sasl;
mod trace;

use std::collections::VecDeque;

use super::transition::{self, Kind};
use super::{Config, Event, MailboxState, TagGenerator};
use crate::Error;
use crate::command::{Command, State, implied};
use crate::error::ServerRefusal;
use crate::types::{Capability, Code, Continue, Data, Response, Status, StatusKind};
use crate::wire::encode::{EncodeOptions, Encoder, Fragment, LiteralMode};
use crate::wire::frame::{FrameStatus, Framer};
use crate::wire::parse::{parse_frame, parse_message_data};
use input::InputBuffer;

/// The IMAP client protocol as a state machine, with no I/O and no clock.
///
/// A driver feeds it the bytes it reads and writes the bytes it is given:
///
/// - getters on `&self`: [`state`](Self::state),
///   [`capabilities`](Self::capabilities), [`mailbox`](Self::mailbox);
/// - input: [`handle_input`](Self::handle_input) with the bytes read,
///   [`handle_eof`](Self::handle_eof) when the peer closed;
/// - user commands: [`send`](Self::send), then
///   [`poll_command`](Self::poll_command) until it returns the result;
/// - output, drained after every call: [`poll_transmit`](Self::poll_transmit)
///   (bytes to write) and [`poll_event`](Self::poll_event) (unsolicited
///   responses, in arrival order).
///
/// The greeting comes first: [`poll_greeting`](Self::poll_greeting) until
/// it answers `true`.
#[derive(Debug)]
pub struct Protocol {
    config: Config,
    tags: TagGenerator,
    state: State,
    greeted: bool,
    capabilities: Option<Vec<Capability<'static>>>,
    utf8: bool,
    mailbox: MailboxState,
    read_only_lost: Option<String>,
    bye: Option<String>,
    broken: Option<String>,
    eof: bool,
    input: InputBuffer,
    framer: Framer,
    transmit: VecDeque<Vec<u8>>,
    events: VecDeque<Event>,
    lost: u64,
    /// Commands sent and not yet answered, oldest first (more than one
    /// only in a pipeline).
    in_flight: VecDeque<InFlight>,
}

/// A command sent and not yet answered.
/// Says which command in flight an untagged response belongs to: the
/// commands themselves, by their [`Command::collects`], looked up by
/// their place in the pipeline (`slot`).
pub trait Collector {
    /// True when the command in `slot` collects `response`.
    fn collects(&self, slot: usize, response: &Response<'_>) -> bool;
}

/// The collector of a lone command.
struct One<'c, C: ?Sized>(&'c C);

impl<C: Command + ?Sized> Collector for One<'_, C> {
    fn collects(&self, _slot: usize, response: &Response<'_>) -> bool {
        self.0.collects(response)
    }
}

/// How a command answers `+`.
#[derive(Debug, Default)]
enum Mode {
    /// `+` lets the next synchronising literal go.
    #[default]
    Literals,
    /// AUTHENTICATE: `+` carries a challenge for the authenticator.
    Sasl(sasl::SaslState),
    /// IDLE: `+` says the server is idling.
    Idle(idle::IdleState),
}

#[derive(Debug)]
struct InFlight {
    tag: String,
    kind: Kind,
    /// The command's place in its pipeline (0 outside one), for the
    /// [`Collector`].
    slot: usize,
    /// The server sends no EXPUNGE while this command runs.
    holds_expunges: bool,
    /// What is still to send: literals wait for `+` when synchronising.
    pending: VecDeque<Fragment>,
    /// The server sent `+` for the synchronising literal at the front.
    go_ahead: bool,
    /// What a continuation request means for this command.
    mode: Mode,
    collected: Vec<Response<'static>>,
    done: Option<Status<'static>>,
    failed: Option<Error>,
}

impl Protocol {
    /// A protocol waiting for the server's greeting.
    pub fn new(config: Config) -> Self {
        let tags = config.tag_prefix.clone().map_or_else(TagGenerator::new, TagGenerator::with_prefix);
        Protocol {
            framer: Framer::new(config.limits),
            config,
            tags,
            state: State::NotAuthenticated,
            greeted: false,
            capabilities: None,
            utf8: false,
            mailbox: MailboxState::default(),
            read_only_lost: None,
            bye: None,
            broken: None,
            eof: false,
            input: InputBuffer::default(),
            transmit: VecDeque::new(),
            events: VecDeque::new(),
            lost: 0,
            in_flight: VecDeque::new(),
        }
    }

    /// The connection state.
    pub fn state(&self) -> State {
        self.state
    }

    /// The server's capabilities, or `None` while they are unknown (before
    /// the greeting, and after login or STARTTLS until asked again).
    pub fn capabilities(&self) -> Option<&[Capability<'static>]> {
        self.capabilities.as_deref()
    }

    /// True when the server advertises `name` (case-insensitive).
    pub fn has_capability(&self, name: &str) -> bool {
        self.capabilities.as_ref().is_some_and(|caps| caps.iter().any(|c| c.is(name)))
    }

    /// True when a command that needs the capability `name` may be sent:
    /// the server advertises it, or a capability that includes it:
    /// `IMAP4rev2` (RFC 9051 Appendix E; the list is
    /// [`IMAP4REV2_IMPLIES`](crate::command::implied::IMAP4REV2_IMPLIES)),
    /// QRESYNC for CONDSTORE, SEARCHRES for ESEARCH
    /// ([`implied_by`](crate::command::implied::implied_by)). False while
    /// the capabilities are unknown. [`has_capability`](Self::has_capability)
    /// says only what is advertised.
    pub fn supports(&self, name: &str) -> bool {
        self.capabilities.as_deref().is_some_and(|caps| implied::is_met(caps, name))
    }

    /// The selected mailbox as the server last described it.
    pub fn mailbox(&self) -> &MailboxState {
        &self.mailbox
    }

    /// True once `ENABLE UTF8=ACCEPT` succeeded (RFC 6855).
    pub fn utf8_enabled(&self) -> bool {
        self.utf8
    }

    /// Takes bytes read from the server.
    pub fn handle_input(&mut self, bytes: &[u8]) {
        self.input.extend(bytes);
    }

    /// Takes note that the server closed the connection.
    pub fn handle_eof(&mut self) {
        self.eof = true;
    }

    /// Marks the connection unusable (a read timed out in the middle of a
    /// response, say); every later call fails with this reason.
    pub fn mark_broken(&mut self, reason: impl Into<String>) {
        self.broken.get_or_insert_with(|| reason.into());
        self.state = State::Logout;
    }

    /// The next bytes to write, if any.
    pub fn poll_transmit(&mut self) -> Option<Vec<u8>> {
        self.transmit.pop_front()
    }

    /// The next unsolicited response, if any. After a queue overflow,
    /// [`Event::Lost`] comes first.
    pub fn poll_event(&mut self) -> Option<Event> {
        if self.lost > 0 {
            return Some(Event::Lost(std::mem::take(&mut self.lost)));
        }
        self.events.pop_front()
    }

    /// Removes and returns the queued events named `name` (imaplib's
    /// `response(code)`: `EXISTS`, `FETCH`, `OK`, ...), case-insensitive.
    pub fn take_events(&mut self, name: &str) -> Vec<Event> {
        let (taken, kept): (Vec<Event>, Vec<Event>) =
            std::mem::take(&mut self.events).into_iter().partition(|e| e.name().eq_ignore_ascii_case(name));
        self.events = kept.into();
        taken
    }

    /// Checks that `cmd` may be sent now, encodes it and queues its first
    /// line. Nothing is queued when it fails.
    pub fn send<C: Command + ?Sized>(&mut self, cmd: &C) -> Result<(), Error> {
        self.send_with_mode(cmd, Mode::Literals)
    }

    fn send_with_mode<C: Command + ?Sized>(&mut self, cmd: &C, mode: Mode) -> Result<(), Error> {
        self.check_usable()?;
        if !self.in_flight.is_empty() {
            return Err(Error::Aborted("a command is already running on this connection".into()));
        }
        self.queue(cmd, mode, 0)
    }

    /// Checks, encodes and queues `cmd` behind the commands in flight.
    fn queue<C: Command + ?Sized>(&mut self, cmd: &C, mode: Mode, slot: usize) -> Result<(), Error> {
        self.check_usable()?;
        self.check_state(cmd)?;
        self.check_capabilities(cmd)?;
        let kind = Kind::of(cmd.name());
        if cmd.name().eq_ignore_ascii_case("LOGIN") && self.has_capability("LOGINDISABLED") {
            // RFC 3501 section 6.2.3: the password must not be sent.
            return Err(Error::Insecure("LOGIN refused: the server advertises LOGINDISABLED".into()));
        }
        if let Some(text) = &self.read_only_lost
            && !kind.clears_read_only()
        {
            return Err(Error::ReadOnly(text.clone()));
        }
        let tag = self.tags.next_tag();
        let fragments = self.encode(&tag, cmd)?;
        trace::command_sent(&tag, cmd.name(), &fragments, kind == Kind::Login);
        if kind.selects() {
            self.mailbox = MailboxState::default();
            self.read_only_lost = None;
        }
        let flight = InFlight {
            tag,
            kind,
            slot,
            holds_expunges: transition::holds_expunges(cmd.name(), cmd.is_uid()),
            pending: fragments.into(),
            go_ahead: false,
            mode,
            collected: Vec::new(),
            done: None,
            failed: None,
        };
        self.in_flight.push_back(flight);
        self.pump();
        Ok(())
    }

    fn check_usable(&self) -> Result<(), Error> {
        if let Some(reason) = &self.broken {
            return Err(Error::Aborted(reason.clone()));
        }
        if let Some(text) = &self.bye {
            return Err(Error::Bye(text.clone()));
        }
        Ok(())
    }

    fn check_state<C: Command + ?Sized>(&self, cmd: &C) -> Result<(), Error> {
        let allowed = cmd.states();
        if allowed.contains(self.state) {
            return Ok(());
        }
        Err(Error::State {
            command: command_name(cmd),
            current: self.state,
            allowed: allowed.iter().collect(),
        })
    }

    /// Refuses a command whose capabilities the server does not have
    /// ([`supports`](Self::supports): advertised, or implied by
    /// IMAP4rev2). While the capabilities are unknown, nothing is refused:
    /// the drivers ask for them before they send a user's command.
    fn check_capabilities<C: Command + ?Sized>(&self, cmd: &C) -> Result<(), Error> {
        if self.capabilities.is_none() {
            return Ok(());
        }
        match cmd.capabilities().into_iter().find(|cap| !self.supports(cap)) {
            Some(cap) => Err(Error::Unsupported { command: command_name(cmd), capability: cap.to_owned() }),
            None => Ok(()),
        }
    }

    fn encode<C: Command + ?Sized>(&self, tag: &str, cmd: &C) -> Result<Vec<Fragment>, Error> {
        let caps = self.capabilities.iter().flatten();
        let options = EncodeOptions::from_capabilities(caps).with_utf8(self.utf8);
        let mut enc = Encoder::new(options);
        enc.raw(tag.as_bytes())?.sp();
        if cmd.is_uid() {
            enc.raw(b"UID")?.sp();
        }
        enc.atom(cmd.name())?;
        cmd.encode_args(&mut enc)?;
        Ok(enc.finish())
    }

    /// Queues what can be sent: each command's fragments in order, up to
    /// the first synchronising literal still waiting for the server's `+`
    /// (a later command waits behind it: RFC 9051 section 5.5).
    fn pump(&mut self) {
        for flight in &mut self.in_flight {
            while !flight.waiting_for_continuation() {
                match flight.pending.pop_front() {
                    Some(Fragment::Literal { data, mode, .. }) => {
                        if mode == LiteralMode::Sync {
                            flight.go_ahead = false;
                        }
                        self.transmit.push_back(data);
                    }
                    Some(Fragment::Line(bytes)) => self.transmit.push_back(bytes),
                    None => break,
                }
            }
            if !flight.pending.is_empty() {
                return;
            }
        }
    }

    /// Reads what has arrived for the running command: `Ok(Some(output))`
    /// once its tagged response came, `Ok(None)` while more input is
    /// needed, or the command's error.
    pub fn poll_command<C: Command + ?Sized>(&mut self, cmd: &C) -> Result<Option<C::Output>, Error> {
        self.poll_front(cmd, &One(cmd))
    }

    /// The responses the oldest command in flight has collected so far,
    /// taken off what its `decode` will see: for a caller that consumes a
    /// long answer as it arrives (the sessions' `fetch_each`), so that a
    /// FETCH of a whole mailbox is not held until its tagged OK. Call it
    /// after [`poll_command`](Self::poll_command) answered `None`; empty
    /// when nothing is in flight.
    pub fn take_collected(&mut self) -> Vec<Response<'static>> {
        self.in_flight.front_mut().map(|flight| std::mem::take(&mut flight.collected)).unwrap_or_default()
    }

    /// Reads input until the oldest command in flight, `cmd`, has its
    /// result; `collector` says which command each untagged response
    /// belongs to.
    fn poll_front<C: Command + ?Sized>(
        &mut self,
        cmd: &C,
        collector: &dyn Collector,
    ) -> Result<Option<C::Output>, Error> {
        loop {
            if let Some(result) = self.take_result(cmd) {
                return result.map(Some);
            }
            match self.next_response() {
                Ok(Some(response)) => self.dispatch(response, collector),
                Ok(None) if self.eof => {
                    if let Some(done) = self.logout_ended_by_close() {
                        if let Some(flight) = self.in_flight.front_mut() {
                            flight.done = Some(done);
                        }
                        continue;
                    }
                    return Err(self.fail_on_eof());
                }
                Ok(None) => return Ok(None),
                Err(e) => {
                    self.in_flight.clear();
                    return Err(e);
                }
            }
        }
    }

    /// The next complete response from the input, detached from it. A
    /// malformed response is skipped (and queued as an event) unless it
    /// carries the running command's tag; a frame error breaks the
    /// connection, as the stream cannot be resynchronised.
    fn next_response(&mut self) -> Result<Option<Response<'static>>, Error> {
        loop {
            if let Some(response) = self.next_message_data() {
                return Ok(Some(response));
            }
            let len = match self.framer.check(self.input.as_slice()) {
                Ok(FrameStatus::Complete(len)) => len,
                Ok(FrameStatus::Incomplete { .. }) => return Ok(None),
                Err(e) => {
                    self.mark_broken(e.to_string());
                    return Err(Error::Frame(e));
                }
            };
            let frame = &self.input.as_slice()[..len];
            if frame == b"\r\n" {
                // An empty line between responses (seen from real servers,
                // imaplib gh-88574): nothing to parse, nothing lost.
                self.input.consume(len);
                continue;
            }
            let parsed = parse_frame(frame, &self.config.parse).map(Response::into_owned);
            let tagged_ours = self.in_flight.iter().any(|f| f.owns(frame));
            self.input.consume(len);
            match parsed {
                Ok(response) => {
                    trace::response_received(response.name(), len);
                    return Ok(Some(response));
                }
                Err(e) if tagged_ours => {
                    self.mark_broken("the server's answer to the command is malformed");
                    return Err(Error::Parse(e));
                }
                Err(e) => self.push_event(Event::Malformed(e)),
            }
        }
    }

    /// The next response when it is message data (`* n FETCH`, `EXISTS`,
    /// ...) that is all in the input, parsed without framing it first (the
    /// bulk of what a server sends; see `wire::parse::unframed`, D17).
    /// Tried once per response, before the framer starts on it: a response
    /// not all there yet is framed as it arrives, so its bytes are scanned
    /// once however many reads it takes.
    fn next_message_data(&mut self) -> Option<Response<'static>> {
        if !self.framer.is_between_responses() {
            return None;
        }
        let (response, len) =
            parse_message_data(self.input.as_slice(), &self.config.parse, self.framer.limits())?;
        let response = response.into_owned();
        self.input.consume(len);
        trace::response_received(response.name(), len);
        Some(response)
    }

    fn dispatch(&mut self, response: Response<'static>, collector: &dyn Collector) {
        match response {
            Response::Continue(c) => self.on_continue(c),
            Response::Status(status) if status.tag.is_some() => self.on_tagged(status),
            Response::Status(status) => self.on_untagged_status(status, collector),
            Response::Data(data) => self.on_data(data, collector),
        }
    }

    /// `+`: send the literal the command waits on. A `+` nobody waits for
    /// is ignored (conformance item 78).
    fn on_continue(&mut self, request: Continue<'static>) {
        // The command waiting on a literal, else the oldest (SASL, IDLE).
        let index = self.in_flight.iter().position(InFlight::waiting_for_continuation).unwrap_or(0);
        let Some(flight) = self.in_flight.get_mut(index) else { return };
        let waiting = flight.waiting_for_continuation();
        match &mut flight.mode {
            Mode::Literals if waiting => {
                flight.go_ahead = true;
                self.pump();
            }
            Mode::Literals => {}
            Mode::Sasl(state) => state.challenges.push_back(request.text),
            Mode::Idle(state) => {
                if let Some(done) = state.on_continue() {
                    self.transmit.push_back(done);
                }
            }
        }
    }

    fn on_tagged(&mut self, status: Status<'static>) {
        let tag = status.tag.as_ref().map(|t| t.as_str().to_owned()).unwrap_or_default();
        let Some(index) = self.in_flight.iter().position(|f| f.tag == tag && f.done.is_none()) else {
            self.mark_broken(format!("the server answered tag {tag:?}, which no command has"));
            if let Some(flight) = self.in_flight.front_mut() {
                flight.failed = Some(Error::Aborted(format!("unknown tag {tag:?} in the server's answer")));
            }
            return;
        };
        self.mailbox.apply_status(&status);
        if let Some(Code::Capability(caps)) = &status.code {
            self.capabilities = Some(caps.clone());
        }
        if let Some(flight) = self.in_flight.get_mut(index) {
            flight.pending.clear();
            flight.done = Some(status);
        }
        self.pump();
    }

    fn on_untagged_status(&mut self, status: Status<'static>, collector: &dyn Collector) {
        self.mailbox.apply_status(&status);
        if let Some(Code::Capability(caps)) = &status.code {
            self.capabilities = Some(caps.clone());
        }
        let selecting = self.in_flight.iter().any(|f| f.kind.selects());
        if status.code == Some(Code::ReadOnly) && self.state == State::Selected && !selecting {
            self.read_only_lost = Some(status.text.to_string());
        }
        if status.kind == StatusKind::Bye {
            self.on_bye(&status);
        }
        self.collect_or_queue(Response::Status(status), collector);
    }

    /// BYE: the server is closing. The running commands fail with it,
    /// except LOGOUT, which expects it (RFC 3501 section 7.1.5).
    fn on_bye(&mut self, status: &Status<'static>) {
        let text = status.text.to_string();
        self.bye = Some(text.clone());
        self.state = State::Logout;
        for flight in self.in_flight.iter_mut().filter(|f| f.kind != Kind::Logout) {
            flight.failed = Some(Error::Bye(text.clone()));
        }
    }

    fn on_data(&mut self, data: Data<'static>, collector: &dyn Collector) {
        if let Data::Capability(caps) = &data {
            self.capabilities = Some(caps.clone());
        }
        if let Data::Enabled(caps) = &data
            && caps.iter().any(|c| c.is("UTF8=ACCEPT"))
        {
            self.utf8 = true;
        }
        let selecting = self.in_flight.iter().any(|f| f.kind.selects());
        if self.state == State::Selected || selecting {
            self.mailbox.apply_data(&data);
        }
        self.collect_or_queue(Response::Data(data), collector);
    }

    /// Gives an untagged response to the oldest unanswered command that
    /// collects it, or else to the events.
    fn collect_or_queue(&mut self, response: Response<'static>, collector: &dyn Collector) {
        let owner =
            self.in_flight.iter_mut().find(|f| f.done.is_none() && collector.collects(f.slot, &response));
        match (owner, response) {
            (Some(flight), response) => flight.collected.push(response),
            (None, Response::Data(data)) => self.push_event(Event::Data(data)),
            (None, Response::Status(status)) => self.push_event(Event::Status(status)),
            (None, Response::Continue(_)) => {}
        }
    }

    fn push_event(&mut self, event: Event) {
        if self.events.len() >= self.config.max_events.max(1) {
            self.events.pop_front();
            self.lost += 1;
        }
        self.events.push_back(event);
    }

    /// The result, once the command failed or its tagged response came.
    fn take_result<C: Command + ?Sized>(&mut self, cmd: &C) -> Option<Result<C::Output, Error>> {
        let flight = self.in_flight.front_mut()?;
        if let Some(error) = flight.failed.take() {
            self.in_flight.pop_front();
            return Some(Err(error));
        }
        let done = flight.done.take()?;
        let flight = self.in_flight.pop_front()?;
        Some(self.finish(cmd, flight, done))
    }

    fn finish<C: Command + ?Sized>(
        &mut self,
        cmd: &C,
        mut flight: InFlight,
        done: Status<'static>,
    ) -> Result<C::Output, Error> {
        match &mut flight.mode {
            Mode::Idle(state) => state.check_end(&done)?,
            Mode::Sasl(state) => sasl::check_end(state, &done)?,
            Mode::Literals => {}
        }
        let ok = done.kind == StatusKind::Ok;
        let outcome = transition::after(flight.kind, ok, self.state);
        self.state = outcome.state;
        if outcome.forget_capabilities && !matches!(done.code, Some(Code::Capability(_))) {
            self.capabilities = None;
        }
        if flight.kind == Kind::StartTls && ok && !self.input.is_empty() {
            self.mark_broken("the server sent data after its STARTTLS OK, before the TLS handshake");
            return Err(Error::Aborted(
                "data after STARTTLS OK (possible injection attack); connection closed".into(),
            ));
        }
        match done.kind {
            StatusKind::Ok if flight.kind == Kind::Select && self.mailbox.read_only => {
                Err(Error::ReadOnly(done.text.to_string()))
            }
            StatusKind::Ok => cmd.decode(flight.collected, &done),
            StatusKind::No => Err(Error::No(Box::new(ServerRefusal::from_status(&done)))),
            _ => Err(Error::Bad(Box::new(ServerRefusal::from_status(&done)))),
        }
    }

    /// A LOGOUT answered by BYE and then a close, with no tagged OK,
    /// still succeeds (conformance item 94): the OK it stands for.
    fn logout_ended_by_close(&self) -> Option<Status<'static>> {
        let flight = self.in_flight.front()?;
        if flight.kind != Kind::Logout
            || self.bye.is_none()
            || flight.done.is_some()
            || !self.input.is_empty()
        {
            return None;
        }
        let tag = crate::types::Tag::new(flight.tag.clone()).ok()?;
        Some(Status { tag: Some(tag), kind: StatusKind::Ok, code: None, text: Default::default() })
    }

    /// The error for a connection that closed while a command ran.
    fn fail_on_eof(&mut self) -> Error {
        self.in_flight.clear();
        self.state = State::Logout;
        let mid_response = !self.input.is_empty();
        match &self.bye {
            Some(text) => Error::Bye(text.clone()),
            None if mid_response => Error::Aborted("connection closed in the middle of a response".into()),
            None => Error::Aborted("connection closed by the server".into()),
        }
    }
}

impl InFlight {
    /// True when `frame` starts with this command's tag and a space (no
    /// string is built: this runs for every framed response).
    fn owns(&self, frame: &[u8]) -> bool {
        frame.strip_prefix(self.tag.as_bytes()).is_some_and(|rest| rest.first() == Some(&b' '))
    }

    /// True when a synchronising literal is next and the server has not
    /// said `+` yet.
    fn waiting_for_continuation(&self) -> bool {
        matches!(self.pending.front(), Some(Fragment::Literal { mode: LiteralMode::Sync, .. }))
            && !self.go_ahead
    }
}

/// The command's name for messages: `UID FETCH`, `SELECT`.
fn command_name<C: Command + ?Sized>(cmd: &C) -> String {
    match cmd.is_uid() {
        true => format!("UID {}", cmd.name()),
        false => cmd.name().to_owned(),
    }
}
