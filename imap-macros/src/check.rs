//! Refuses, at compile time, commands that could not work, with a message
//! that says what to write instead.

use crate::ast::{Command, Field, Shape};
use crate::ctxt::Ctxt;
use crate::symbol::{STATES, UID_COMMANDS};

/// Every mistake in `cmd`, or `Ok`.
pub fn check(cmd: &Command<'_>) -> Result<(), Vec<syn::Error>> {
    let mut cx = Ctxt::default();
    check_name(&mut cx, cmd);
    check_state(&mut cx, cmd);
    check_collect(&mut cx, cmd);
    if let (Some(predicate), true) = (&cmd.collect_if, cmd.collect.is_empty()) {
        cx.error(
            predicate,
            "`collect_if = ...` narrows `collect`: name the responses with `collect = \"FETCH\"` too",
        );
    }
    if let (Some(decode), None) = (&cmd.decode, &cmd.output) {
        cx.error(decode, "`decode = ...` needs `output = Type`: the type the function returns");
    }
    for field in &cmd.fields {
        check_field(&mut cx, field);
    }
    cx.finish()
}

fn check_name(cx: &mut Ctxt, cmd: &Command<'_>) {
    let Some(name) = &cmd.name else {
        cx.error(cmd.ident, "missing #[imap(command = \"NAME\")]: the command's name as it is sent");
        return;
    };
    let value = name.value();
    if value.is_empty() || !value.bytes().all(is_command_char) {
        cx.error(name, "a command name is an atom: letters, digits, `-`, `_` or `.`, such as \"XLIST\"");
    }
    if let Some(span) = cmd.uid_capable {
        let upper = value.to_ascii_uppercase();
        if !UID_COMMANDS.contains(&upper.as_str()) {
            let list = UID_COMMANDS.join(", ");
            let message = format!("`uid_capable`: only {list} have a UID form (RFC 3501 6.4.8), not {value}");
            cx.push(syn::Error::new(span, message));
        }
    }
}

fn is_command_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

fn check_state(cx: &mut Ctxt, cmd: &Command<'_>) {
    if let Some(state) = &cmd.state
        && !STATES.contains(&state.value().as_str())
    {
        cx.error(state, format!("unknown state; expected one of: {}", STATES.join(", ")));
    }
}

fn check_collect(cx: &mut Ctxt, cmd: &Command<'_>) {
    for lit in &cmd.collect {
        let value = lit.value();
        let bad = value.split(',').map(str::trim).any(|n| n.is_empty() || !n.bytes().all(is_command_char));
        if bad {
            cx.error(lit, "`collect` names untagged responses, such as \"FETCH\" or \"FETCH, VANISHED\"");
        }
    }
}

fn check_field(cx: &mut Ctxt, field: &Field<'_>) {
    let a = &field.attrs;
    let forms =
        [a.modifier.is_some(), a.keyword.is_some(), a.list.is_some(), a.literal.is_some(), a.raw.is_some()];
    if forms.iter().filter(|f| **f).count() > 1 {
        cx.error(field.ty, "choose one of `modifier`, `keyword`, `list`, `literal`, `raw` for a field");
    }
    if a.modifier.is_some() && field.shape == Shape::Plain {
        cx.error(field.ty, "a `modifier` field is `Option<T>` (sent as `(NAME value)` when Some) or `bool`");
    }
    if let (Some(span), Shape::Bool) = (a.requires, field.shape) {
        let message = "`requires` asks the field's value what it needs, and a `bool` says nothing: \
                       use `capability = \"NAME\"` for a capability needed when it is true";
        cx.push(syn::Error::new(span, message));
    }
    if a.keyword.is_some() && field.shape != Shape::Bool {
        cx.error(field.ty, "a `keyword` field is a `bool`: the keyword is sent when it is true");
    }
    if field.shape == Shape::Bool && a.keyword.is_none() && a.modifier.is_none() {
        cx.error(
            field.ty,
            "a `bool` field needs `keyword = \"NAME\"` or `modifier = \"NAME\"` to say what it sends",
        );
    }
    for lit in [&a.modifier, &a.prefix, &a.keyword].into_iter().flatten() {
        let value = lit.value();
        if value.is_empty() || !value.bytes().all(is_command_char) {
            cx.error(lit, "a keyword is an atom: letters, digits, `-`, `_` or `.`, such as \"CHANGEDSINCE\"");
        }
    }
    if a.prefix.is_some() && (a.modifier.is_some() || a.keyword.is_some()) {
        cx.error(field.ty, "`prefix` goes with a value, not with `modifier` or `keyword`");
    }
}
