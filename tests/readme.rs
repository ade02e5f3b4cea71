//! The README stays true to the code.
//!
//! Its code blocks are compiled as doc-tests (`ReadmeDoctests` in
//! `src/lib.rs`, run by `cargo test --doc`). These tests check the prose
//! against the code: every command struct, every imaplib method and every
//! example appears where a newcomer looks for it.

use std::fs;
use std::path::Path;

fn readme() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The names of the structs declared with `#[imap(command = ...)]` in
/// `src/command/`.
fn command_structs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/command");
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for (i, _) in text.match_indices("#[imap(") {
            let rest = &text[i..];
            let attr_end = rest.find(")]").unwrap();
            if !rest[..attr_end].contains("command = ") {
                continue;
            }
            let decl = rest.find("pub struct ").map(|at| &rest[at + "pub struct ".len()..]);
            if let Some(decl) = decl {
                let name: String = decl.chars().take_while(|c| c.is_alphanumeric()).collect();
                names.push(name);
            }
        }
    }
    names.sort();
    names
}

#[test]
fn every_command_struct_is_in_the_readme() {
    let readme = readme();
    let mut commands = command_structs();
    assert!(commands.len() >= 45, "found only {commands:?}");
    // Written by hand rather than with the derive.
    commands.extend(["Raw".to_owned(), "UidExpunge".to_owned()]);
    let missing: Vec<&String> = commands.iter().filter(|c| !readme.contains(&format!("`{c}`"))).collect();
    assert!(missing.is_empty(), "commands not named in README.md: {missing:?}");
}

/// The public methods of Python 3.11's `imaplib.IMAP4` and the module's
/// helpers (`dir(imaplib.IMAP4)` without the underscored ones).
const IMAPLIB: &[&str] = &[
    "append",
    "authenticate",
    "capability",
    "check",
    "close",
    "copy",
    "create",
    "delete",
    "deleteacl",
    "enable",
    "expunge",
    "fetch",
    "getacl",
    "getannotation",
    "getquota",
    "getquotaroot",
    "list",
    "login",
    "login_cram_md5",
    "logout",
    "lsub",
    "myrights",
    "namespace",
    "noop",
    "open",
    "partial",
    "proxyauth",
    "read",
    "readline",
    "recent",
    "rename",
    "response",
    "search",
    "select",
    "send",
    "setacl",
    "setannotation",
    "setquota",
    "shutdown",
    "socket",
    "sort",
    "starttls",
    "status",
    "store",
    "subscribe",
    "thread",
    "uid",
    "unselect",
    "unsubscribe",
    "xatom",
    "print_log",
    "Internaldate2tuple",
    "Int2AP",
    "ParseFlags",
    "Time2Internaldate",
    "IMAP4_SSL",
    "IMAP4_stream",
];

#[test]
fn every_imaplib_method_has_a_row() {
    let readme = readme();
    let table: Vec<&str> = readme.lines().filter(|l| l.starts_with("| `")).collect();
    let has_row = |name: &str| {
        let call = format!("`{name}(");
        let bare = format!("`{name}`");
        table.iter().any(|row| {
            let first = row.split(" | ").next().unwrap_or_default();
            first.contains(&call) || first.contains(&bare)
        })
    };
    let missing: Vec<&&str> = IMAPLIB.iter().filter(|m| !has_row(m)).collect();
    assert!(missing.is_empty(), "imaplib names without a row in README.md: {missing:?}");
}

#[test]
fn every_example_is_listed() {
    let readme = readme();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut count = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            assert!(
                readme.contains(&format!("(examples/{name}.rs)")),
                "examples/{name}.rs is not in README.md"
            );
            count += 1;
        }
    }
    assert!(count >= 6, "only {count} examples found");
}

#[test]
fn the_two_commands_come_first() {
    let readme = readme();
    let first_block = readme.split("```sh").nth(1).unwrap();
    assert!(first_block.contains("scripts/demo"), "{first_block}");
    assert!(first_block.contains("scripts/test"), "{first_block}");
    assert!(!readme.split("```sh").next().unwrap().contains("```"), "a code block before the two commands");
}

#[test]
fn the_readme_is_doc_tested() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    assert!(
        lib.contains("#[doc = include_str!(\"../README.md\")]"),
        "src/lib.rs no longer includes README.md"
    );
    let rust_blocks = readme().matches("```rust").count();
    assert!(rust_blocks >= 7, "{rust_blocks} rust blocks");
}
