//! BODYSTRUCTURE values (RFC 3501 section 7.4.2, `body` in section 9)
//! with extension data: single parts, multipart/alternative, mixed with
//! attachments, related with inline images, and forwarded message/rfc822.
//! Dovecot sends lower-case types, Cyrus upper-case: both appear.

use super::gen_envelope;
use super::rng::Rng;
use super::words;

/// How a server spells the media types.
#[derive(Clone, Copy)]
pub enum Style {
    /// `"text" "plain"`, as Dovecot.
    Lower,
    /// `"TEXT" "PLAIN"`, as Cyrus.
    Upper,
}

/// Writes one BODYSTRUCTURE value of a randomly chosen, realistic shape.
pub fn body(rng: &mut Rng, out: &mut Vec<u8>, style: Style) {
    match rng.range(0, 99) {
        0..=34 => text(rng, out, style, "plain"),
        35..=39 => text(rng, out, style, "html"),
        40..=69 => alternative(rng, out, style),
        70..=94 => mixed(rng, out, style, 1),
        _ => mixed(rng, out, style, 2),
    }
}

/// A media type or subtype, quoted, in the server's casing.
fn cased(out: &mut Vec<u8>, style: Style, s: &str) {
    match style {
        Style::Lower => words::quoted(out, s.as_bytes()),
        Style::Upper => words::quoted(out, s.to_uppercase().as_bytes()),
    }
}

fn media(out: &mut Vec<u8>, style: Style, kind: &str, subtype: &str) {
    cased(out, style, kind);
    out.push(b' ');
    cased(out, style, subtype);
}

/// `body-type-text` with `body-ext-1part`.
fn text(rng: &mut Rng, out: &mut Vec<u8>, style: Style, subtype: &str) {
    out.push(b'(');
    media(out, style, "text", subtype);
    out.extend_from_slice(match rng.chance(20) {
        true => b" (\"charset\" \"utf-8\" \"format\" \"flowed\") NIL NIL ",
        false => b" (\"charset\" \"utf-8\") NIL NIL ",
    });
    words::quoted(out, rng.pick(&["7bit", "quoted-printable", "base64", "8bit"]).as_bytes());
    let size = rng.log_uniform(40, 200_000);
    out.extend_from_slice(format!(" {size} {} NIL NIL NIL NIL)", size / 60 + 1).as_bytes());
}

/// `body-type-basic` for an attachment, with disposition and language.
fn attachment(rng: &mut Rng, out: &mut Vec<u8>, style: Style, inline: bool) {
    let (kind, subtype, ext) = *rng.pick(&[
        &("application", "pdf", "pdf"),
        &("image", "png", "png"),
        &("image", "jpeg", "jpg"),
        &("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        &("application", "zip", "zip"),
        &("text", "calendar", "ics"),
    ]);
    let name = format!("{} {}.{ext}", words::words(rng, 2), rng.range(1, 300));
    out.push(b'(');
    media(out, style, kind, subtype);
    out.extend_from_slice(b" (\"name\" ");
    words::quoted(out, name.as_bytes());
    out.extend_from_slice(b") ");
    match inline {
        true => words::quoted(
            out,
            format!("<image{:03}.{ext}@01DA{:08X}>", rng.range(1, 999), rng.next_u64() as u32).as_bytes(),
        ),
        false => out.extend_from_slice(b"NIL"),
    }
    out.extend_from_slice(b" NIL \"base64\" ");
    words::num(out, rng.log_uniform(500, 5_000_000));
    if kind == "text" {
        out.extend_from_slice(b" 40");
    }
    out.extend_from_slice(b" NIL (");
    words::quoted(out, if inline { b"inline" } else { b"attachment" });
    out.extend_from_slice(b" (\"filename\" ");
    words::quoted(out, name.as_bytes());
    out.extend_from_slice(format!(" \"size\" \"{}\")) ", rng.range(500, 900_000)).as_bytes());
    out.extend_from_slice(rng.pick(&["NIL", "\"en\"", "(\"en\" \"de\")"]).as_bytes());
    out.extend_from_slice(b" NIL)");
}

/// `body-type-msg`: a forwarded message, with its own envelope and body.
fn message(rng: &mut Rng, out: &mut Vec<u8>, style: Style) {
    out.push(b'(');
    media(out, style, "message", "rfc822");
    out.extend_from_slice(b" NIL NIL NIL \"7bit\" ");
    words::num(out, rng.range(2_000, 80_000));
    out.push(b' ');
    gen_envelope::envelope(rng, out);
    out.push(b' ');
    alternative(rng, out, style);
    out.extend_from_slice(format!(" {} NIL NIL NIL NIL)", rng.range(40, 900)).as_bytes());
}

/// `body-type-mpart` closing: subtype and `body-ext-mpart`.
fn multipart_end(rng: &mut Rng, out: &mut Vec<u8>, style: Style, subtype: &str) {
    out.push(b' ');
    cased(out, style, subtype);
    out.extend_from_slice(
        format!(
            " (\"boundary\" \"----=_Part_{}_{}\") NIL NIL NIL)",
            rng.range(1, 99999),
            rng.next_u64() % 1_000_000_007
        )
        .as_bytes(),
    );
}

fn alternative(rng: &mut Rng, out: &mut Vec<u8>, style: Style) {
    out.push(b'(');
    text(rng, out, style, "plain");
    text(rng, out, style, "html");
    multipart_end(rng, out, style, "alternative");
}

fn related(rng: &mut Rng, out: &mut Vec<u8>, style: Style) {
    out.push(b'(');
    text(rng, out, style, "html");
    for _ in 0..rng.between(1, 3) {
        attachment(rng, out, style, true);
    }
    multipart_end(rng, out, style, "related");
}

/// multipart/mixed: a text part, then attachments; at `depth` 2 also a
/// related part and a forwarded message.
fn mixed(rng: &mut Rng, out: &mut Vec<u8>, style: Style, depth: u32) {
    out.push(b'(');
    match rng.chance(60) {
        true => alternative(rng, out, style),
        false => text(rng, out, style, "plain"),
    }
    if depth > 1 {
        related(rng, out, style);
        message(rng, out, style);
    }
    for _ in 0..rng.between(1, 4) {
        attachment(rng, out, style, false);
    }
    multipart_end(rng, out, style, "mixed");
}
