// A state that does not exist.
#[derive(typed_imap::Command)]
#[imap(command = "XFOO", state = "selectd")]
struct XFoo;

fn main() {}
