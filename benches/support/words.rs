//! Word pools and IMAP string writers shared by the generators.

use super::rng::Rng;

pub const FIRST: &[&str] = &[
    "Alice",
    "Bob",
    "Chloé",
    "Dmitri",
    "Eva",
    "François",
    "Grace",
    "Hiro",
    "Ingrid",
    "Jürgen",
    "Kwame",
    "Laura",
    "Mei",
    "Nikolai",
    "Olga",
    "Priya",
    "Quentin",
    "Rosa",
    "Sven",
    "Tomás",
    "Uma",
    "Viktor",
    "Wen",
    "Yusuf",
];
pub const LAST: &[&str] = &[
    "Smith",
    "O'Brien",
    "Müller",
    "Nguyen",
    "García",
    "Kowalski",
    "Tanaka",
    "Dubois",
    "Rossi",
    "Ivanova",
    "Andersson",
    "Okafor",
    "Chen",
    "Schmidt",
    "Fernández",
    "Novak",
];
pub const DOMAINS: &[&str] = &[
    "example.com",
    "example.org",
    "mail.example.net",
    "lists.example.org",
    "corp.example.co.uk",
    "univ.example.edu",
    "example.de",
    "news.example.io",
];
pub const LOCAL: &[&str] =
    &["info", "noreply", "support", "billing", "team", "dev-list", "notifications", "sales", "hr", "admin"];
pub const SUBJECT_WORDS: &[&str] = &[
    "Quarterly",
    "report",
    "meeting",
    "notes",
    "invoice",
    "#4521",
    "draft",
    "review",
    "update",
    "build",
    "failed",
    "passed",
    "weekly",
    "digest",
    "travel",
    "plans",
    "contract",
    "v2.3",
    "release",
    "agenda",
    "budget",
    "2024",
    "Q3",
    "minutes",
    "proposal",
    "follow-up",
    "[dev]",
    "PATCH",
    "1/3",
    "status",
];
/// Subjects in RFC 2047 encoded words, as servers pass them on untouched.
pub const ENCODED_SUBJECTS: &[&str] = &[
    "=?UTF-8?Q?R=C3=A9union_d=27=C3=A9quipe_lundi?=",
    "=?UTF-8?B?0J7RgtGH0LXRgiDQt9CwINC60LLQsNGA0YLQsNC7?=",
    "=?ISO-8859-1?Q?Gr=FC=DFe_aus_M=FCnchen?=",
    "=?utf-8?B?5pyI5qyh5aCx5ZGK44Gu44GK55+l44KJ44Gb?=",
    "=?UTF-8?Q?Re:_Angebot_f=C3=BCr_B=C3=BCrom=C3=B6bel?= =?UTF-8?Q?_(Teil_2)?=",
    "=?windows-1252?Q?Caf=E9_=96_menu_de_la_semaine?=",
];

/// Writes `s` as a quoted string, escaping `"` and `\`.
pub fn quoted(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for &b in s {
        if b == b'"' || b == b'\\' {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// Writes `s` as a quoted string, or NIL.
pub fn nstring(out: &mut Vec<u8>, s: Option<&[u8]>) {
    match s {
        Some(s) => quoted(out, s),
        None => out.extend_from_slice(b"NIL"),
    }
}

/// Writes `s` as servers do: a quoted string when it is 7-bit text,
/// else a literal.
pub fn string(out: &mut Vec<u8>, s: &[u8]) {
    match s.iter().all(|&b| b.is_ascii() && b != b'\r' && b != b'\n') {
        true => quoted(out, s),
        false => literal(out, s),
    }
}

/// Writes `s` as a synchronising literal, as servers send 8-bit strings.
pub fn literal(out: &mut Vec<u8>, s: &[u8]) {
    out.extend_from_slice(format!("{{{}}}\r\n", s.len()).as_bytes());
    out.extend_from_slice(s);
}

/// `n` random subject words joined by spaces.
pub fn words(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(SUBJECT_WORDS));
    }
    s
}

/// Appends the decimal digits of `n`.
pub fn num(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(n.to_string().as_bytes());
}
