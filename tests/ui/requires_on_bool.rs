// `requires` on a `bool`: a flag has no value to ask.
#[derive(typed_imap::Command)]
#[imap(command = "XFOO")]
struct XFoo {
    #[imap(keyword = "SILENT", requires)]
    silent: bool,
}

fn main() {}
