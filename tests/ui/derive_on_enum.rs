// The derive on an enum.
#[derive(typed_imap::Command)]
#[imap(command = "XFOO")]
enum XFoo {
    A,
    B,
}

fn main() {}
