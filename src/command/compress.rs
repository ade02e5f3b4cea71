//! COMPRESS (RFC 4978).

use crate::types::ValidationError;
use crate::wire::encode::{Encode, Encoder};

/// COMPRESS (RFC 4978 section 3): turns on compression of both directions
/// of the connection. After the tagged OK the driver wraps the stream;
/// nothing else may be sent before that OK arrives. Needs
/// `COMPRESS=DEFLATE`.
///
/// ```
/// use typed_imap::command::{Command, Compress};
/// use typed_imap::wire::encode::{EncodeOptions, Encoder};
///
/// let mut enc = Encoder::new(EncodeOptions::default());
/// Compress::default().encode_args(&mut enc).unwrap();
/// assert_eq!(format!("{:?}", enc.finish()), r#"[Line(" DEFLATE\r\n")]"#);
/// assert_eq!(Compress::default().capabilities(), ["COMPRESS=DEFLATE"]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Command)]
#[imap(command = "COMPRESS", state = "authenticated", capability = "COMPRESS=DEFLATE")]
pub struct Compress {
    /// The algorithm; DEFLATE is the only one defined.
    pub algorithm: CompressAlgorithm,
}

/// A compression algorithm (RFC 4978 section 3: `algorithm = "DEFLATE"`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CompressAlgorithm {
    /// `DEFLATE` (RFC 1951), the only one the RFC defines.
    #[default]
    Deflate,
}

/// `algorithm` (RFC 4978 section 4).
impl Encode for CompressAlgorithm {
    fn encode(&self, enc: &mut Encoder) -> Result<(), ValidationError> {
        match self {
            CompressAlgorithm::Deflate => enc.atom("DEFLATE").map(drop),
        }
    }
}
