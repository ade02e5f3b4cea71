// A command name that is not an atom.
#[derive(typed_imap::Command)]
#[imap(command = "X FOO")]
struct XFoo;

fn main() {}
