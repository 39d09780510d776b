//! The macro every translation table is written with.

/// Declares a table of user-facing texts: an enum `$name` with `ALL` and the
/// [`Translate`](super::translate::Translate) trait (`get(lang)`).
///
/// The rows stay `Key => "ru", "en";` on one line each: `scripts/first-paint.mjs` reads the
/// tables with a regular expression to put the same words into the static first paint.
macro_rules! texts {
    ($name:ident; $($key:ident => $ru:expr, $en:expr;)*) => {
        /// A user-facing text; `get` gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $(#[allow(missing_docs)] $key,)* }

        impl $name {
            /// Every text, for completeness checks.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }

        impl $crate::i18n::translate::Translate for $name {
            fn get(self, lang: $crate::lang::Lang) -> &'static str {
                use $crate::lang::Lang;
                match (self, lang) {
                    $(($name::$key, Lang::Ru) => $ru, ($name::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

pub(crate) use texts;
