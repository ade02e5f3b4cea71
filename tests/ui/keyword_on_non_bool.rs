// `keyword` on a field that is not a `bool`.
#[derive(typed_imap::Command)]
#[imap(command = "XFOO")]
struct XFoo {
    #[imap(keyword = "SILENT")]
    silent: u32,
}

fn main() {}
