//! When a requirement counts as met: the server advertises it, or
//! advertises a capability that includes it (IMAP4rev2 above all: RFC 9051
//! Appendix E).
//!
//! [`Protocol::has_capability`](crate::session::Protocol::has_capability)
//! answers "is it advertised"; [`is_met`] answers "may a command that needs
//! it be sent", which is what the session checks before sending.

use crate::types::Capability;

/// The capabilities an `IMAP4rev2` server has whether or not it lists them.
///
/// - RFC 9051 Appendix E item 2: NAMESPACE (RFC 2342), UNSELECT (RFC
///   3691), UIDPLUS (RFC 4315), ESEARCH (RFC 4731), SEARCHRES (RFC 5182),
///   ENABLE (RFC 5161), IDLE (RFC 2177), SASL-IR (RFC 4959), LIST-EXTENDED
///   (RFC 5258), LIST-STATUS (RFC 5819), MOVE (RFC 6851), LITERAL- (RFC
///   7888), and "the FETCH side" of BINARY (RFC 3516).
/// - Appendix E item 3: STATUS SIZE (RFC 8438, `STATUS=SIZE`).
/// - Section 6.3.9.5: the CHILDREN return option and `\HasChildren` /
///   `\HasNoChildren`, which RFC 3348 advertised as `CHILDREN`.
///
/// Not here: SPECIAL-USE, of which IMAP4rev2 takes only the mailbox
/// attributes (Appendix E item 2), not the `SPECIAL-USE` selection and
/// return options of LIST (RFC 6154 section 2; RFC 9051 sections 6.3.9.1
/// and 6.3.9.2 have no such option). As a requirement, `BINARY` means the
/// FETCH side: APPEND's `~{n}` literals still need the server to list
/// BINARY (Appendix B), which the encoder checks on its own
/// ([`EncodeOptions::from_capabilities`](crate::wire::encode::EncodeOptions::from_capabilities)).
/// Nor does IMAP4rev2 give LIST-EXTENDED's several patterns in one LIST
/// (Appendix C); no requirement names that.
pub const IMAP4REV2_IMPLIES: &[&str] = &[
    "NAMESPACE",
    "UNSELECT",
    "UIDPLUS",
    "ESEARCH",
    "SEARCHRES",
    "ENABLE",
    "IDLE",
    "SASL-IR",
    "LIST-EXTENDED",
    "LIST-STATUS",
    "MOVE",
    "LITERAL-",
    "BINARY",
    "CHILDREN",
    "STATUS=SIZE",
];

/// The capabilities that advertising `capability` includes
/// (case-insensitive):
///
/// - `IMAP4rev2`: [`IMAP4REV2_IMPLIES`];
/// - `QRESYNC`: CONDSTORE ("the presence of the QRESYNC capability implies
///   support for the CONDSTORE IMAP extension even if the CONDSTORE
///   capability isn't advertised", RFC 7162 section 3.2.3);
/// - `SEARCHRES`: ESEARCH (a SEARCHRES server "MUST also implement the
///   ESEARCH extension", RFC 5182 section 2.1);
/// - anything else: nothing.
pub fn implied_by(capability: &str) -> &'static [&'static str] {
    if capability.eq_ignore_ascii_case("IMAP4rev2") {
        IMAP4REV2_IMPLIES
    } else if capability.eq_ignore_ascii_case("QRESYNC") {
        &["CONDSTORE"]
    } else if capability.eq_ignore_ascii_case("SEARCHRES") {
        &["ESEARCH"]
    } else {
        &[]
    }
}

/// True when IMAP4rev2 includes the capability `name` (case-insensitive);
/// see [`IMAP4REV2_IMPLIES`].
pub fn implied_by_imap4rev2(name: &str) -> bool {
    IMAP4REV2_IMPLIES.iter().any(|implied| implied.eq_ignore_ascii_case(name))
}

/// Joins the alternatives of a requirement that any one of several
/// capabilities meets: `"IMAP4rev2 or QUOTA=RES-MESSAGE"`. Capability
/// names are atoms, which hold no space, so the joint cannot be part of a
/// name; the whole string is what [`Error::Unsupported`] names when none
/// is there.
///
/// [`Error::Unsupported`]: crate::Error::Unsupported
pub const ANY_OF: &str = " or ";

/// True when a server with capabilities `caps` meets the requirement
/// `name`: it advertises `name`, or a capability that includes it
/// ([`implied_by`]), all case-insensitive. A requirement of alternatives
/// joined by [`ANY_OF`] is met when one of them is.
///
/// ```
/// use typed_imap::command::implied::is_met;
/// use typed_imap::types::Capability;
///
/// let caps = [Capability::new("IMAP4rev1").unwrap(), Capability::new("QUOTA=RES-MESSAGE").unwrap()];
/// assert!(is_met(&caps, "IMAP4rev2 or QUOTA=RES-MESSAGE"));
/// assert!(!is_met(&caps, "IMAP4rev2"));
/// ```
pub fn is_met(caps: &[Capability<'_>], name: &str) -> bool {
    name.split(ANY_OF).any(|alternative| {
        caps.iter().any(|c| {
            c.is(alternative) || implied_by(c.as_str()).iter().any(|i| i.eq_ignore_ascii_case(alternative))
        })
    })
}
