// The same key twice.
#[derive(typed_imap::Command)]
#[imap(command = "XFOO", command = "XBAR")]
struct XFoo;

fn main() {}
