//! Where a value sits in a JSON document, as a chain back to the top: turned into text
//! (`workspace.clients[3].owner_id`) only when something there is wrong, so a 37 MB file does
//! not build a path string for each of its values.

/// One step of the chain.
pub(super) enum Crumb<'a> {
    /// The top of the document.
    Root,
    /// A key of an object under the crumb before it.
    Key(&'a Crumb<'a>, &'a str),
    /// An item of a list under the crumb before it.
    Index(&'a Crumb<'a>, usize),
}

impl Crumb<'_> {
    /// The path as text: keys joined by `.`, list items as `[i]`; empty for the top.
    pub(super) fn path(&self) -> String {
        match self {
            Crumb::Root => String::new(),
            Crumb::Key(up, key) => match up.path() {
                p if p.is_empty() => (*key).to_owned(),
                p => format!("{p}.{key}"),
            },
            Crumb::Index(up, i) => format!("{}[{i}]", up.path()),
        }
    }
}
