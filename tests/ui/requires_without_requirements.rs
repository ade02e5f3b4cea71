// `requires` on a field whose type does not implement `Requirements`.
use typed_imap::types::Mailbox;

#[derive(typed_imap::Command)]
#[imap(command = "XFOO")]
struct XFoo {
    #[imap(requires)]
    mailbox: Mailbox<'static>,
}

fn main() {}
