//! The parse benchmark's parts: corpus generators (`gen_*`, seeded, no
//! files), the parsers behind one call (`parsers`, `peers`, `floor`), the
//! correctness pass (`check`, `probe`), the summary table (`report`) and
//! the FETCH corpora through the session's `Protocol` (`session`).

pub mod check;
pub mod corpus;
pub mod floor;
pub mod gen_body;
pub mod gen_bodystructure;
pub mod gen_envelope;
pub mod gen_fetch;
pub mod gen_list;
pub mod gen_search;
pub mod gen_small;
pub mod gen_thread;
pub mod parsers;
pub mod peers;
pub mod probe;
pub mod report;
pub mod rng;
pub mod session;
pub mod words;
