//! ENVELOPE values (RFC 3501 section 7.4.2) as Dovecot and Cyrus send
//! them: varied address lists, some NIL, quoted strings with escapes,
//! encoded-word subjects, and the odd 8-bit subject sent as a literal.

use super::rng::Rng;
use super::words::{self, DOMAINS, ENCODED_SUBJECTS, FIRST, LAST, LOCAL};

const WEEKDAYS: &[&str] = &["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
pub const MONTHS: &[&str] =
    &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
pub const ZONES: &[&str] = &["+0000", "+0100", "+0200", "-0500", "-0700", "+0530", "+0900"];

/// Writes one envelope; returns the subject when it was sent with escapes.
pub fn envelope(rng: &mut Rng, out: &mut Vec<u8>) -> Option<Vec<u8>> {
    out.push(b'(');
    date(rng, out);
    out.push(b' ');
    let escaped = subject(rng, out);
    out.push(b' ');
    let mut from = b"(".to_vec();
    from.extend_from_slice(&address(rng));
    from.push(b')');
    for _ in 0..3 {
        // from, sender and reply-to: servers repeat From when the others are absent.
        out.extend_from_slice(&from);
        out.push(b' ');
    }
    address_list(rng, out, 1, 5, 0);
    out.push(b' ');
    address_list(rng, out, 1, 8, 60);
    out.push(b' ');
    address_list(rng, out, 1, 2, 95);
    out.push(b' ');
    let in_reply_to = rng.chance(40).then(|| message_id(rng));
    words::nstring(out, in_reply_to.as_deref());
    out.push(b' ');
    words::quoted(out, &message_id(rng));
    out.push(b')');
    escaped
}

fn date(rng: &mut Rng, out: &mut Vec<u8>) {
    if rng.chance(2) {
        out.extend_from_slice(b"NIL");
        return;
    }
    let mut d = format!(
        "{}, {} {} {} {:02}:{:02}:{:02} {}",
        rng.pick(WEEKDAYS),
        rng.range(1, 28),
        rng.pick(MONTHS),
        rng.range(2019, 2025),
        rng.range(0, 23),
        rng.range(0, 59),
        rng.range(0, 59),
        rng.pick(ZONES),
    );
    if rng.chance(20) {
        d.push_str(" (UTC)");
    }
    words::quoted(out, d.as_bytes());
}

/// Writes the subject; returns it when it needed escapes.
fn subject(rng: &mut Rng, out: &mut Vec<u8>) -> Option<Vec<u8>> {
    let n = rng.between(2, 9);
    match rng.range(0, 99) {
        0..=2 => out.extend_from_slice(b"NIL"),
        3..=4 => out.extend_from_slice(b"\"\""),
        5..=8 => words::literal(out, format!("Größe – Übersicht {}", words::words(rng, n)).as_bytes()),
        9..=23 => words::quoted(out, rng.pick(ENCODED_SUBJECTS).as_bytes()),
        24..=33 => {
            let s =
                format!("Re: \"{}\" {} \\ {}", words::words(rng, 2), words::words(rng, n), rng.range(1, 99));
            words::quoted(out, s.as_bytes());
            return Some(s.into_bytes());
        }
        34..=50 => words::quoted(out, format!("Re: {}", words::words(rng, n)).as_bytes()),
        _ => words::quoted(out, words::words(rng, n).as_bytes()),
    }
    None
}

/// `"(" 1*address ")"` or NIL (with probability `nil_percent`); now and
/// then an RFC 5322 group (`undisclosed-recipients:;`).
fn address_list(rng: &mut Rng, out: &mut Vec<u8>, lo: usize, hi: usize, nil_percent: u64) {
    if rng.chance(nil_percent) {
        out.extend_from_slice(b"NIL");
        return;
    }
    out.push(b'(');
    if rng.chance(3) {
        out.extend_from_slice(b"(NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)");
    } else {
        for _ in 0..rng.between(lo, hi) {
            out.extend_from_slice(&address(rng));
        }
    }
    out.push(b')');
}

/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`.
fn address(rng: &mut Rng) -> Vec<u8> {
    let mut out = b"(".to_vec();
    let (first, last) = (rng.pick(FIRST), rng.pick(LAST));
    match rng.range(0, 99) {
        0..=24 => out.extend_from_slice(b"NIL"),
        25..=29 => words::quoted(&mut out, b"=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?="),
        30..=34 => words::string(&mut out, format!("\"{last}, {first}\" (via List)").as_bytes()),
        _ => words::string(&mut out, format!("{first} {last}").as_bytes()),
    }
    out.extend_from_slice(b" NIL ");
    let mailbox = match rng.chance(30) {
        true => rng.pick(LOCAL).to_string(),
        false => format!("{first}.{last}").to_lowercase().chars().filter_map(ascii_fold).collect(),
    };
    words::quoted(&mut out, mailbox.as_bytes());
    out.push(b' ');
    words::quoted(&mut out, rng.pick(DOMAINS).as_bytes());
    out.push(b')');
    out
}

fn message_id(rng: &mut Rng) -> Vec<u8> {
    format!("<{:016x}.{}@{}>", rng.next_u64(), rng.range(1000, 99999), rng.pick(DOMAINS)).into_bytes()
}

/// The ASCII letter a local part uses for `c` (`é` gives `e`), or none.
fn ascii_fold(c: char) -> Option<char> {
    match c {
        'a'..='z' | '.' => Some(c),
        'á' => Some('a'),
        'é' => Some('e'),
        'í' => Some('i'),
        'ü' => Some('u'),
        'ç' => Some('c'),
        _ => None,
    }
}
