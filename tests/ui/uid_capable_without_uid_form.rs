// `uid_capable` on a command that has no UID form.
#[derive(typed_imap::Command)]
#[imap(command = "XLIST", uid_capable)]
struct XList;

fn main() {}
