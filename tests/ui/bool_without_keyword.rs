// A `bool` field that does not say what it sends.
#[derive(typed_imap::Command)]
#[imap(command = "XFOO")]
struct XFoo {
    silent: bool,
}

fn main() {}
