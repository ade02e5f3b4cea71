//! The derive's compile errors: each file in tests/ui/ misuses
//! `#[derive(Command)]` once, and its `.stderr` is the message the user
//! sees, which must point at the mistake and say what to write instead
//! (issue 3, "Misuse is a compile error ... tested with trybuild").
//!
//! Regenerate after a deliberate change of wording with
//! `TRYBUILD=overwrite cargo test --test derive_ui`, then read each
//! `.stderr` before committing it.

#[test]
fn misuse_is_a_compile_error_that_says_what_to_do() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
