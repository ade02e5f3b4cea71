//! When the derive has errors, it still writes an impl, with nothing in
//! it that can fail to compile, so that the user sees their mistake and
//! not a cascade of "Command is not implemented" errors.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

/// A stub `Command` impl for `input`.
pub fn expand(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        const _: () = {
            use ::typed_imap::__private as __p;
            impl #impl_generics __p::Command for #ident #ty_generics #where_clause {
                type Output = ();
                fn name(&self) -> &str { "" }
                fn states(&self) -> __p::States { __p::States::ANY }
                fn encode_args(&self, _: &mut __p::Encoder) -> ::std::result::Result<(), __p::ValidationError> {
                    ::std::unreachable!()
                }
                fn decode(
                    &self,
                    _: ::std::vec::Vec<__p::Response<'static>>,
                    _: &__p::Status<'static>,
                ) -> ::std::result::Result<(), __p::Error> {
                    ::std::unreachable!()
                }
            }
        };
    }
}
