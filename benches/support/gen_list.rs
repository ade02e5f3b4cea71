//! The LIST corpus: 5,000 `* LIST` lines of a large account's folder tree,
//! as Dovecot and Cyrus send them: name attributes (RFC 3501, RFC 6154
//! special-use, RFC 5258 `\HasChildren`), `/` or `.` delimiters, atoms and
//! quoted names, escaped quotes, modified UTF-7 (RFC 3501 5.1.3), and a
//! few LSUB lines. No LIST-EXTENDED data: a plain `LIST "" "*"` gets
//! none, and no peer parses it, which would leave no peer to compare with.

use super::corpus::{Corpus, Scale};
use super::rng::Rng;
use super::words;

const TOP: &[&str] = &[
    "Archive",
    "Projects",
    "Clients",
    "Lists",
    "Receipts",
    "Travel",
    "Sent Items",
    "Deleted Items",
    "Entw&APw-rfe",
    "Gel&APY-schte Elemente",
    "&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-",
    "&BBoEPgRABDcEOAQ9BDA-",
    "Envoy&AOk-s",
    "&ZeVnLIqe-",
    "Project \"X\"",
    "Back\\slash",
    "[Gmail]",
];
const LEAF: &[&str] = &[
    "2019",
    "2020",
    "2021",
    "2022",
    "2023",
    "2024",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "rust-users",
    "lkml",
    "invoices",
    "Caf&AOk-",
    "M&APw-nchen",
    "To Do",
    "Done",
    "Misc",
];
const ATTRS: &[&str] = &[
    "\\HasNoChildren",
    "\\HasChildren",
    "\\HasNoChildren \\Marked",
    "\\HasChildren \\Noselect",
    "\\Unmarked \\HasNoChildren",
];
const SPECIAL: &[&str] = &[
    "(\\HasNoChildren \\Sent) \"/\" Sent",
    "(\\HasNoChildren \\Drafts) \"/\" Drafts",
    "(\\HasNoChildren \\Trash) \"/\" Trash",
    "(\\HasNoChildren \\Junk) \"/\" Junk",
    "(\\HasNoChildren \\Archive) \"/\" Archive",
    "(\\HasChildren) \"/\" INBOX",
    "(\\Noselect \\HasChildren) NIL \"\"",
];

/// Builds the corpus.
pub fn corpus(scale: Scale) -> Corpus {
    let mut rng = Rng::new(0x1157_0004);
    let mut corpus = Corpus::new("list");
    let mut line = Vec::new();
    for i in 0..scale.count(5_000) {
        line.clear();
        line.extend_from_slice(if rng.chance(5) { b"* LSUB " } else { b"* LIST " });
        match SPECIAL.get(i) {
            Some(special) => line.extend_from_slice(special.as_bytes()),
            None => folder(&mut rng, &mut line, i),
        }
        line.extend_from_slice(b"\r\n");
        corpus.push(&line);
    }
    corpus
}

/// `"(" mbx-list-flags ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox`.
fn folder(rng: &mut Rng, out: &mut Vec<u8>, i: usize) {
    let delimiter = if rng.chance(70) { '/' } else { '.' };
    let mut name = format!("{}{delimiter}{}", rng.pick(TOP), rng.pick(LEAF));
    for _ in 0..rng.between(0, 2) {
        name.push(delimiter);
        name.push_str(rng.pick(LEAF));
    }
    if rng.chance(20) {
        name.push_str(&format!(" {i}"));
    }
    out.push(b'(');
    out.extend_from_slice(rng.pick(ATTRS).as_bytes());
    out.extend_from_slice(format!(") \"{delimiter}\" ").as_bytes());
    match rng.chance(30) && !name.contains([' ', '"', '\\', '[']) {
        true => out.extend_from_slice(name.as_bytes()),
        false => words::quoted(out, name.as_bytes()),
    }
}
