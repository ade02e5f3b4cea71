// An attribute key the derive does not know, on the struct and on a field.
#[derive(typed_imap::Command)]
#[imap(command = "XFOO", stat = "any")]
struct XFoo {
    #[imap(lteral)]
    data: Vec<u8>,
}

fn main() {}
