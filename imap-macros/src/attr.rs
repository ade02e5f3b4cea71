//! Reads `#[imap(...)]` attributes into plain values, keeping each value's
//! tokens so that later errors point at what the user wrote.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, LitStr, Path, Token, Type};

use crate::ctxt::Ctxt;
use crate::symbol::*;

/// A key that takes no value (`uid_capable`), remembered by its span.
pub type Marker = Option<Span>;

/// The attributes on the struct.
#[derive(Default)]
pub struct ContainerAttrs {
    pub command: Option<LitStr>,
    pub uid_capable: Marker,
    pub state: Option<LitStr>,
    pub capability: Option<LitStr>,
    pub collect: Vec<LitStr>,
    pub output: Option<Type>,
    pub decode: Option<Path>,
    pub collect_if: Option<Path>,
}

/// The attributes on one field.
#[derive(Default)]
pub struct FieldAttrs {
    pub modifier: Option<LitStr>,
    pub prefix: Option<LitStr>,
    pub keyword: Option<LitStr>,
    pub list: Marker,
    pub literal: Marker,
    pub raw: Marker,
    pub capability: Option<LitStr>,
    pub requires: Marker,
}

impl ContainerAttrs {
    /// Reads every `#[imap(...)]` on the struct, recording mistakes in `cx`.
    pub fn read(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = ContainerAttrs::default();
        for_each_key(cx, attrs, CONTAINER_KEYS, |cx, meta, key| {
            match key {
                COMMAND => set_once(cx, meta, &mut out.command, string_value(meta)?),
                UID_CAPABLE => {
                    set_once(cx, meta, &mut out.uid_capable, Some(meta.path.segments[0].ident.span()))
                }
                STATE => set_once(cx, meta, &mut out.state, string_value(meta)?),
                CAPABILITY => set_once(cx, meta, &mut out.capability, string_value(meta)?),
                COLLECT => out.collect.push(meta.value()?.parse()?),
                OUTPUT => set_once(cx, meta, &mut out.output, Some(meta.value()?.parse()?)),
                DECODE => set_once(cx, meta, &mut out.decode, Some(meta.value()?.parse()?)),
                COLLECT_IF => set_once(cx, meta, &mut out.collect_if, Some(meta.value()?.parse()?)),
                _ => {}
            }
            Ok(())
        });
        out
    }
}

impl FieldAttrs {
    /// Reads every `#[imap(...)]` on a field, recording mistakes in `cx`.
    pub fn read(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = FieldAttrs::default();
        for_each_key(cx, attrs, FIELD_KEYS, |cx, meta, key| {
            let marker = Some(meta.path.segments[0].ident.span());
            match key {
                MODIFIER => set_once(cx, meta, &mut out.modifier, string_value(meta)?),
                PREFIX => set_once(cx, meta, &mut out.prefix, string_value(meta)?),
                KEYWORD => set_once(cx, meta, &mut out.keyword, string_value(meta)?),
                LIST => set_once(cx, meta, &mut out.list, marker),
                LITERAL => set_once(cx, meta, &mut out.literal, marker),
                RAW => set_once(cx, meta, &mut out.raw, marker),
                CAPABILITY => set_once(cx, meta, &mut out.capability, string_value(meta)?),
                REQUIRES => set_once(cx, meta, &mut out.requires, marker),
                _ => {}
            }
            Ok(())
        });
        out
    }
}

/// Calls `f` for each key of each `#[imap(...)]`, with the key's name when
/// it is one of `keys`; an unknown key is recorded and its value skipped,
/// so that every mistake is reported, not only the first.
fn for_each_key(
    cx: &mut Ctxt,
    attrs: &[Attribute],
    keys: &'static [&'static str],
    mut f: impl FnMut(&mut Ctxt, &ParseNestedMeta<'_>, &'static str) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident(IMAP)) {
        let result = attr.parse_nested_meta(|meta| {
            let known = keys.iter().copied().find(|k| meta.path.is_ident(k));
            match known {
                Some(key) => f(cx, &meta, key),
                None => {
                    let name = meta.path.get_ident().map_or_else(|| "?".to_owned(), |i| i.to_string());
                    cx.error(
                        &meta.path,
                        format!("unknown imap attribute `{name}`; expected one of: {}", keys.join(", ")),
                    );
                    skip_value(&meta)
                }
            }
        });
        if let Err(e) = result {
            cx.push(e);
        }
    }
}

fn string_value(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<LitStr>> {
    Ok(Some(meta.value()?.parse()?))
}

fn set_once<T>(cx: &mut Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut Option<T>, value: Option<T>) {
    if slot.is_some() {
        let name = meta.path.get_ident().map_or_else(String::new, |i| i.to_string());
        cx.error(&meta.path, format!("duplicate imap attribute `{name}`: keep one"));
    } else {
        *slot = value;
    }
}

fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        meta.parse_nested_meta(|inner| skip_value(&inner))?;
    }
    Ok(())
}
