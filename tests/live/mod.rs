//! Shared helpers of the live suites (`tests/live_dovecot.rs`,
//! `tests/live_cyrus.rs`, `tests/transport_servers.rs`): where the real
//! servers listen (the `TYPED_IMAP_*` variables printed by
//! `scripts/test-servers up`), connecting and logging in as each user, and
//! unique mailbox names so that every test runs in parallel with the
//! others and with earlier runs' mail still on the server.
//!
//! A missing variable is a failure that says how to start the servers:
//! live tests are never skipped silently.

pub mod admin;
pub mod auth;
pub mod driver;
pub mod edge;
pub mod extension;
pub mod mailbox;
pub mod message;
pub mod server;
pub mod structure;
pub mod sync;

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use typed_imap::Error;
use typed_imap::command::{Create, List, ListItem, Login, State};
use typed_imap::session::blocking::{Builder, Session};
use typed_imap::types::Code;

/// Every read and write of a live test is bounded by this: a server that
/// went away fails the test with the connection error, never a hang.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Which of the two test servers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Dovecot 2.3: personal namespace `""` with `/`.
    Dovecot,
    /// Cyrus 3.6: personal namespace `INBOX.` with `.` (or `""` with `/`
    /// when `TYPED_IMAP_CYRUS_UNIXSEP=yes`).
    Cyrus,
}

/// A user of the test servers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum User {
    /// An ordinary user, owner of the tests' mailboxes.
    Alice,
    /// An ordinary user, the grantee in the ACL tests.
    Bob,
    /// Dovecot's master user / Cyrus' admin and proxy server.
    Admin,
}

impl User {
    fn var(self) -> &'static str {
        match self {
            User::Alice => "ALICE",
            User::Bob => "BOB",
            User::Admin => "ADMIN",
        }
    }

    /// The login name, from `TYPED_IMAP_<USER>_USER`.
    pub fn name(self) -> String {
        env(&format!("{}_USER", self.var()))
    }

    /// The password, from `TYPED_IMAP_<USER>_PASSWORD`.
    pub fn password(self) -> String {
        env(&format!("{}_PASSWORD", self.var()))
    }
}

/// One test server as the environment describes it.
#[derive(Clone, Debug)]
pub struct Server {
    /// Which one.
    pub kind: Kind,
    /// The loopback address it listens on.
    pub host: String,
    /// Plain IMAP with STARTTLS.
    pub port: u16,
    /// Implicit TLS.
    pub tls_port: u16,
    /// The test CA (PEM file), the only certificate to trust.
    pub ca: String,
    /// The personal namespace's prefix (`""` or `INBOX.`).
    pub prefix: &'static str,
    /// The hierarchy delimiter.
    pub delimiter: char,
}

/// Reads `TYPED_IMAP_<name>`, panicking with what to do when it is unset.
pub fn env(name: &str) -> String {
    let var = format!("TYPED_IMAP_{name}");
    std::env::var(&var).unwrap_or_else(|_| {
        panic!("{var} is not set: start the servers: eval \"$(scripts/test-servers up)\" or run scripts/test")
    })
}

fn port(name: &str) -> u16 {
    let value = env(name);
    value.parse().unwrap_or_else(|_| panic!("TYPED_IMAP_{name}={value} is not a port"))
}

/// Dovecot, from the environment.
pub fn dovecot() -> Server {
    Server {
        kind: Kind::Dovecot,
        host: env("DOVECOT_HOST"),
        port: port("DOVECOT_PORT"),
        tls_port: port("DOVECOT_TLS_PORT"),
        ca: env("CA"),
        prefix: "",
        delimiter: '/',
    }
}

/// Cyrus, from the environment.
pub fn cyrus() -> Server {
    let unixsep = env("CYRUS_UNIXSEP") == "yes";
    Server {
        kind: Kind::Cyrus,
        host: env("CYRUS_HOST"),
        port: port("CYRUS_PORT"),
        tls_port: port("CYRUS_TLS_PORT"),
        ca: env("CA"),
        prefix: if unixsep { "" } else { "INBOX." },
        delimiter: if unixsep { '/' } else { '.' },
    }
}

impl Server {
    /// Options every live session uses: the test CA and [`TIMEOUT`].
    pub fn builder(&self) -> Builder {
        Session::builder().timeout(TIMEOUT).ca_pem_file(&self.ca)
    }

    /// A plain connection, not logged in.
    pub fn connect(&self) -> Session {
        self.builder().connect(&self.host, self.port).expect("connect")
    }

    /// A plain connection logged in as `user` with LOGIN.
    pub fn login(&self, user: User) -> Session {
        let mut session = self.connect();
        session.run(Login::new(&user.name(), user.password()).unwrap()).expect("LOGIN");
        assert_eq!(session.state(), State::Authenticated);
        session
    }

    /// Alice's session: most tests' starting point.
    pub fn alice(&self) -> Session {
        self.login(User::Alice)
    }

    /// A personal mailbox name for `test`, unique across tests, processes
    /// and runs: `<prefix>live-<test>-<random>`. Nothing is created.
    pub fn mailbox(&self, test: &str) -> String {
        format!("{}live-{test}-{}", self.prefix, unique_suffix())
    }

    /// `child` under `parent` with the server's delimiter.
    pub fn child(&self, parent: &str, child: &str) -> String {
        format!("{parent}{}{child}", self.delimiter)
    }

    /// How another user sees `owner`'s personal `mailbox`: Dovecot's
    /// `Other Users/<owner>/<name>`, Cyrus' `user.<owner>.<name>`.
    pub fn shared_name(&self, owner: User, mailbox: &str) -> String {
        let name = &mailbox[self.prefix.len()..];
        match (self.kind, self.prefix) {
            (Kind::Cyrus, "INBOX.") => format!("user.{}.{name}", owner.name()),
            _ => format!("Other Users/{}/{name}", owner.name()),
        }
    }

    /// A personal mailbox named `name` (spaces and non-ASCII allowed),
    /// made unique with a suffix.
    pub fn named(&self, name: &str) -> String {
        format!("{}{name} {}", self.prefix, unique_suffix())
    }
}

/// Ten base-36 characters from a per-process random hasher over the
/// clock, the process id and a counter: no `.` or `/`, so valid under both
/// delimiters.
pub fn unique_suffix() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let seed = (nanos, std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
    let mut n = RandomState::new().hash_one(seed);
    let mut out = String::new();
    for _ in 0..10 {
        out.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
    }
    out
}

/// CREATE `name`. Dovecot 2.3, while other sessions of the same user
/// create and delete mailboxes, sometimes creates the mailbox and answers
/// `NO [ALREADYEXISTS]` anyway (seen with names never used before); such
/// an answer is accepted when LIST then finds the mailbox.
pub fn create(session: &mut Session, name: &str) {
    match session.run(Create::new(name).unwrap()) {
        Ok(_) => {}
        Err(Error::No(refusal)) if refusal.code == Some(Code::AlreadyExists) => {
            let found = listed(session, name, true);
            assert!(!found.is_empty(), "CREATE {name}: {refusal:?}, and LIST does not find it");
            eprintln!("CREATE {name}: {} (server race), but it exists", refusal.raw);
        }
        Err(e) => panic!("CREATE {name}: {e:?}"),
    }
}

/// `LIST "" name`, asked up to 20 times 50 ms apart until the mailbox is
/// listed (`present`) or not: under parallel CREATE/DELETE, Dovecot 2.3's
/// LIST sometimes misses a mailbox the same session has just created.
pub fn listed(session: &mut Session, name: &str, present: bool) -> Vec<ListItem> {
    let mut items = Vec::new();
    for _ in 0..20 {
        items = session.run(List::new("", name).unwrap()).expect("LIST");
        if items.iter().any(|i| i.mailbox.name() == name) == present {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    items.retain(|i| i.mailbox.name() == name);
    items
}

/// Instantiates each shared test function `module::name(&Server)` as a
/// `#[test] fn name()` against `server()`.
#[macro_export]
macro_rules! live_tests {
    ($server:path; $($module:ident :: $name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                $crate::live::$module::$name(&$server());
            }
        )*
    };
}

/// The tests both servers run: `shared_live_tests!(server)` in each suite.
#[macro_export]
macro_rules! shared_live_tests {
    ($server:path) => {
        live_tests!($server;
            server::starttls_then_login,
            server::implicit_tls_then_login,
            server::implicit_tls_refused_without_the_ca,
            server::starttls_refused_without_the_ca,
            server::login_wrong_password,
            server::capability_noop_logout,
            server::id_names_the_server,
            server::enable_condstore,
            server::namespace_personal,
            server::proxyauth_is_bad,
            server::raw_list_and_unknown,
            auth::authenticate_plain_authzid,
            auth::authenticate_login_and_cram_md5,
            auth::authenticate_wrong_password,
            auth::authenticate_plain_initial_response,
            mailbox::non_ascii_names_round_trip,
            mailbox::list_special_use,
            mailbox::subscribe_lsub_unsubscribe,
            mailbox::list_hierarchy,
            mailbox::status_counts,
            mailbox::examine_check_close,
            mailbox::unselect_keeps_deleted,
            mailbox::create_existing_delete_missing,
            message::append_then_fetch,
            structure::nested_message_structure,
            message::fetch_partial_body,
            message::search_utf8_literal,
            message::esearch_min_max_count_all,
            message::sort_by_from_and_subject,
            message::thread_references,
            message::store_unchangedsince_modified,
            message::copy_and_move_copyuid,
            message::uid_expunge_then_expunge,
            message::partial_is_bad,
            message::multiappend_then_uid_fetch,
            message::fetch_each_gives_what_fetch_gives,
            message::append_binary_literal8,
            sync::condstore_changedsince,
            sync::qresync_vanished,
            sync::append_from_second_session_is_exists_event,
            sync::idle_woken_by_append,
            sync::flag_change_and_expunge_from_second_session,
            admin::acl_set_get_list_delete,
            admin::getquotaroot_inbox,
            admin::metadata_set_get_remove,
            extension::fetch_binary_savedate_preview,
            extension::status_size_and_list_status,
            extension::status_deleted_refused_where_the_server_would_say_bad,
            extension::metadata_maxsize_and_depth,
            extension::acl_grants_bob_read,
            edge::names_needing_quotes_and_ampersand,
            edge::large_literal_round_trip,
            edge::many_messages_in_one_command,
            edge::trycreate_and_failed_select,
            edge::select_read_only_is_an_error,
            edge::fetch_header_fields,
            edge::store_modes_and_combined_search,
        );
    };
}
