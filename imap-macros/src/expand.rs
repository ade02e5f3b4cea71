//! Writes the `Command` impl. Generated code names only
//! `::typed_imap::__private` and sits in `const _: () = { ... };`, so it
//! neither depends on the user's imports nor adds names to their module.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Command, Field, Shape};

/// The impl of `Command` (and the UID form) for `cmd`.
pub fn expand(cmd: &Command<'_>) -> TokenStream {
    let ident = cmd.ident;
    let (impl_generics, ty_generics, where_clause) = cmd.generics.split_for_impl();
    let name = cmd.name.as_ref().map(syn::LitStr::value).unwrap_or_default();
    let states = states(cmd);
    let (output, decode) = output_and_decode(cmd);
    let encode = cmd.fields.iter().filter(|f| f.attrs.modifier.is_none()).map(encode_field);
    let modifiers = cmd.fields.iter().filter(|f| f.attrs.modifier.is_some()).map(encode_modifier);
    let capabilities = capabilities(cmd);
    let collects = collects(cmd);
    let argument = argument();
    let requirements = cmd.fields.iter().any(|f| f.attrs.requires.is_some()).then(requirements);
    let uid = cmd.uid_capable.map(|_| {
        quote! {
            impl #impl_generics #ident #ty_generics #where_clause {
                /// This command in its `UID` form (RFC 3501 section 6.4.8):
                /// numbers are UIDs, not message sequence numbers.
                pub fn uid(self) -> __p::Uid<Self> {
                    __p::Uid::new(self)
                }
            }
            impl #impl_generics __p::UidCapable for #ident #ty_generics #where_clause {}
        }
    });
    quote! {
        #[allow(non_upper_case_globals, unused_qualifications, dead_code, clippy::needless_borrow)]
        const _: () = {
            use ::typed_imap::__private as __p;

            #argument
            #requirements

            impl #impl_generics __p::Command for #ident #ty_generics #where_clause {
                type Output = #output;

                fn name(&self) -> &str {
                    #name
                }

                fn states(&self) -> __p::States {
                    #states
                }

                fn capabilities(&self) -> ::std::vec::Vec<&'static str> {
                    #capabilities
                }

                fn encode_args(&self, enc: &mut __p::Encoder) -> ::std::result::Result<(), __p::ValidationError> {
                    #(#encode)*
                    let mut mods = __p::Modifiers::default();
                    #(#modifiers)*
                    mods.finish(enc)
                }

                fn collects(&self, response: &__p::Response<'_>) -> bool {
                    #collects
                }

                fn decode(
                    &self,
                    collected: ::std::vec::Vec<__p::Response<'static>>,
                    done: &__p::Status<'static>,
                ) -> ::std::result::Result<Self::Output, __p::Error> {
                    #decode
                }
            }

            #uid
        };
    }
}

/// `__arg` and `__modifier`: `__p::arg` and `Modifiers::value` behind a
/// bound of their own, so that a field type with no `Encode` gets one
/// error, on the field, that says what to do (and not rustc's list of
/// every type that does implement `Encode`).
fn argument() -> TokenStream {
    quote! {
        #[diagnostic::on_unimplemented(
            message = "`{Self}` cannot be sent as an IMAP command argument",
            label = "this field's type does not implement `Encode`",
            note = "implement `typed_imap::wire::encode::Encode` for it, or use a type that does \
                    (AString, Mailbox, SequenceSet, u32, ...); bytes can go with #[imap(literal)] or #[imap(raw)]"
        )]
        trait ImapArgument: ::typed_imap::wire::encode::Encode {}

        #[diagnostic::do_not_recommend]
        impl<T: ::typed_imap::wire::encode::Encode + ?::std::marker::Sized> ImapArgument for T {}

        fn __arg<T: ImapArgument + ?::std::marker::Sized>(
            enc: &mut __p::Encoder,
            value: &T,
        ) -> ::std::result::Result<(), __p::ValidationError> {
            __p::arg(enc, value)
        }

        fn __modifier<T: ImapArgument + ?::std::marker::Sized>(
            mods: &mut __p::Modifiers,
            enc: &mut __p::Encoder,
            name: &str,
            value: &T,
        ) -> ::std::result::Result<(), __p::ValidationError> {
            mods.value(enc, name, value)
        }
    }
}

/// `__requires`: `Requirements::requirements` behind a bound of its own,
/// so that a `#[imap(requires)]` field whose type says nothing gets one
/// error on the field that says what to do. The trait is reached by its
/// public path, `typed_imap::command::Requirements`.
fn requirements() -> TokenStream {
    quote! {
        #[diagnostic::on_unimplemented(
            message = "`{Self}` cannot say what it requires of the server",
            label = "#[imap(requires)] needs this type to implement `Requirements`",
            note = "implement `typed_imap::command::Requirements` for it, or drop #[imap(requires)] \
                    (a fixed need is #[imap(capability = \"NAME\")])"
        )]
        trait ImapRequirements: ::typed_imap::command::Requirements {}

        #[diagnostic::do_not_recommend]
        impl<T: ::typed_imap::command::Requirements + ?::std::marker::Sized> ImapRequirements for T {}

        fn __requires<T: ImapRequirements + ?::std::marker::Sized>(
            caps: &mut ::std::vec::Vec<&'static str>,
            value: &T,
        ) {
            for name in ::typed_imap::command::requirements_of(value) {
                if !caps.contains(&name) {
                    caps.push(name);
                }
            }
        }
    }
}

fn states(cmd: &Command<'_>) -> TokenStream {
    match cmd.state.as_ref().map(syn::LitStr::value).as_deref() {
        Some("not_authenticated") => quote!(__p::States::NOT_AUTHENTICATED),
        Some("selected") => quote!(__p::States::SELECTED),
        Some("authenticated_only") => quote!(__p::States::AUTHENTICATED_ONLY),
        Some("any") => quote!(__p::States::ANY),
        _ => quote!(__p::States::AUTHENTICATED),
    }
}

fn output_and_decode(cmd: &Command<'_>) -> (TokenStream, TokenStream) {
    match (&cmd.output, &cmd.decode) {
        (Some(output), Some(decode)) => (quote!(#output), quote!(#decode(self, collected, done))),
        (Some(output), None) => (quote!(#output), quote!(<#output as __p::Decode>::decode(collected, done))),
        (None, _) if cmd.collect.is_empty() => (quote!(()), quote!(Ok(()))),
        (None, _) => (quote!(::std::vec::Vec<__p::Response<'static>>), quote!(Ok(collected))),
    }
}

/// The body of `capabilities()`: the command's own, then each field's,
/// each name once, in declaration order.
fn capabilities(cmd: &Command<'_>) -> TokenStream {
    let always = cmd.capability.iter();
    let per_field = cmd.fields.iter().filter_map(|f| {
        let cap = f.attrs.capability.as_ref()?;
        let member = &f.member;
        let push = quote!(if !caps.contains(&#cap) { caps.push(#cap); });
        Some(match f.shape {
            Shape::Option => quote!(if self.#member.is_some() { #push }),
            Shape::Bool => quote!(if self.#member { #push }),
            Shape::Plain => push,
        })
    });
    let by_value = cmd.fields.iter().filter(|f| f.attrs.requires.is_some()).map(|f| {
        let member = &f.member;
        quote_spanned!(f.ty.span()=> __requires(&mut caps, &self.#member);)
    });
    quote! {
        let mut caps: ::std::vec::Vec<&'static str> = ::std::vec![#(#always),*];
        #(#per_field)*
        #(#by_value)*
        caps
    }
}

fn collects(cmd: &Command<'_>) -> TokenStream {
    let names: Vec<String> = cmd
        .collect
        .iter()
        .flat_map(|lit| lit.value().split(',').map(|n| n.trim().to_ascii_uppercase()).collect::<Vec<_>>())
        .collect();
    if names.is_empty() {
        return quote!(false);
    }
    match &cmd.collect_if {
        Some(predicate) => quote!(__p::collects(response, &[#(#names),*]) && #predicate(self, response)),
        None => quote!(__p::collects(response, &[#(#names),*])),
    }
}

/// One argument: a space, then the value in the form its attributes ask
/// for. The call is spanned on the field's type, so that a type with no
/// encoding is reported on the field.
fn encode_field(field: &Field<'_>) -> TokenStream {
    let member = &field.member;
    let span = field.ty.span();
    let a = &field.attrs;
    let prefix = a.prefix.as_ref().map(|p| quote!(__p::keyword(enc, #p)?;));
    let value = if a.list.is_some() {
        quote_spanned!(span=> __p::list(enc, value)?;)
    } else if a.literal.is_some() {
        quote_spanned!(span=> __p::literal(enc, value)?;)
    } else if a.raw.is_some() {
        quote_spanned!(span=> __p::raw(enc, value)?;)
    } else {
        quote_spanned!(span=> __arg(enc, value)?;)
    };
    match (field.shape, &a.keyword) {
        (Shape::Bool, Some(keyword)) => quote!(if self.#member { __p::keyword(enc, #keyword)?; }),
        (Shape::Option, _) => {
            quote!(if let ::std::option::Option::Some(value) = &self.#member { #prefix #value })
        }
        _ => quote!({ let value = &self.#member; #prefix #value }),
    }
}

/// One `(NAME value)` modifier, gathered into a single parenthesised
/// group after the arguments (RFC 4466 section 2.1).
fn encode_modifier(field: &Field<'_>) -> TokenStream {
    let member = &field.member;
    let span = field.ty.span();
    let name = field.attrs.modifier.as_ref();
    match field.shape {
        Shape::Bool => quote!(if self.#member { mods.flag(enc, #name)?; }),
        _ => quote_spanned!(span=>
            if let ::std::option::Option::Some(value) = &self.#member { __modifier(&mut mods, enc, #name, value)?; }
        ),
    }
}
