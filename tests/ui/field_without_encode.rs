// A field whose type has no `Encode`: the error points at the field.
struct NotAnArgument;

#[derive(typed_imap::Command)]
#[imap(command = "XFOO")]
struct XFoo {
    mailbox: String,
    thing: NotAnArgument,
}

fn main() {}
