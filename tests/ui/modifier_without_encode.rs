// A modifier whose value type has no `Encode`: the error points at the field.
struct NotAnArgument;

#[derive(typed_imap::Command)]
#[imap(command = "FETCH", state = "selected")]
struct XFetch {
    set: u32,
    #[imap(modifier = "CHANGEDSINCE")]
    changed_since: Option<NotAnArgument>,
}

fn main() {}
