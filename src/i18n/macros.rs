//! The macro every translation table is written with.

/// Declares a table of user-facing texts: an enum `$name` with a `get(lang)` and `ALL`.
macro_rules! texts {
    ($name:ident; $($key:ident => $ru:expr, $en:expr;)*) => {
        /// A user-facing text; `get` gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $(#[allow(missing_docs)] $key,)* }

        impl $name {
            /// Every text, for completeness checks.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The text in `lang`.
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                use $crate::i18n::Lang;
                match (self, lang) {
                    $(($name::$key, Lang::Ru) => $ru, ($name::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

pub(crate) use texts;
