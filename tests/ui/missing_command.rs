// No `command = "NAME"`.
#[derive(typed_imap::Command)]
#[imap(state = "any")]
struct XFoo;

fn main() {}
