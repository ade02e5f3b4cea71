//! The model of a command: the struct's attributes and fields, read once.

use syn::{Data, DeriveInput, Fields, Generics, Ident, LitStr, Member, Path, Type};

use crate::attr::{ContainerAttrs, FieldAttrs, Marker};
use crate::ctxt::Ctxt;

/// A struct that derives `Command`.
pub struct Command<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub name: Option<LitStr>,
    pub uid_capable: Marker,
    pub state: Option<LitStr>,
    pub capability: Option<LitStr>,
    pub collect: Vec<LitStr>,
    pub output: Option<Type>,
    pub decode: Option<Path>,
    pub collect_if: Option<Path>,
    pub fields: Vec<Field<'a>>,
}

/// One field: an argument of the command.
pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub shape: Shape,
    pub attrs: FieldAttrs,
}

/// What the field's type says about how it is sent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Always sent.
    Plain,
    /// `Option<T>`: left out when `None`.
    Option,
    /// `bool`: a keyword or a flag modifier, sent when true.
    Bool,
}

impl<'a> Command<'a> {
    /// Reads the struct, or every error found in its attributes.
    pub fn from_input(input: &'a DeriveInput) -> Result<Self, Vec<syn::Error>> {
        let mut cx = Ctxt::default();
        let attrs = ContainerAttrs::read(&mut cx, &input.attrs);
        let fields = match &input.data {
            Data::Struct(data) => read_fields(&mut cx, &data.fields),
            _ => {
                cx.error(&input.ident, "#[derive(Command)] works on structs: declare one struct per command");
                Vec::new()
            }
        };
        cx.finish()?;
        Ok(Command {
            ident: &input.ident,
            generics: &input.generics,
            name: attrs.command,
            uid_capable: attrs.uid_capable,
            state: attrs.state,
            capability: attrs.capability,
            collect: attrs.collect,
            output: attrs.output,
            decode: attrs.decode,
            collect_if: attrs.collect_if,
            fields,
        })
    }
}

fn read_fields<'a>(cx: &mut Ctxt, fields: &'a Fields) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(index, field)| Field {
            member: field.ident.clone().map_or_else(|| Member::from(index), Member::Named),
            ty: &field.ty,
            shape: shape_of(&field.ty),
            attrs: FieldAttrs::read(cx, &field.attrs),
        })
        .collect()
}

/// `Option<..>` and `bool` are recognised by name, as serde does: a type
/// alias hides them (then the field is sent as a plain value).
fn shape_of(ty: &Type) -> Shape {
    let Type::Path(path) = ty else { return Shape::Plain };
    match path.path.segments.last() {
        Some(last) if last.ident == "Option" => Shape::Option,
        Some(last) if last.ident == "bool" && path.path.segments.len() == 1 => Shape::Bool,
        _ => Shape::Plain,
    }
}
