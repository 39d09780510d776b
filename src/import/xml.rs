//! XML read as a plain sequence of opened and closed elements and text: all a workbook's parts
//! need. Parsing is `quick-xml`'s (without its `encoding` feature: a workbook's XML is UTF-8,
//! and that feature links every encoding table there is).

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// One step through a document. Names are local (`r:id` is `id`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An element opens, with its attributes; an empty element is followed by its `Close`.
    Open(String, Vec<(String, String)>),
    /// An element closes.
    Close(String),
    /// Text, entities resolved.
    Text(String),
}

fn local(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_owned(),
        None => name.to_owned(),
    }
}

fn open(e: &BytesStart) -> Node {
    let attrs = e
        .attributes()
        .with_checks(false)
        .flatten()
        .map(|a| {
            let value = (a.normalized_value(XmlVersion::Implicit1_0))
                .map(|v| v.into_owned())
                .unwrap_or_default();
            (local(a.key.as_ref()), value)
        })
        .collect();
    Node::Open(local(e.name().as_ref()), attrs)
}

/// Walks `xml`, calling `visit` for every node; the error is the parser's, for the message.
pub fn walk(xml: &str, mut visit: impl FnMut(Node)) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => visit(open(&e)),
            Event::Empty(e) => {
                let node = open(&e);
                let name = match &node {
                    Node::Open(name, _) => name.clone(),
                    _ => String::new(),
                };
                visit(node);
                visit(Node::Close(name));
            }
            Event::End(e) => visit(Node::Close(local(e.name().as_ref()))),
            Event::Text(t) => visit(Node::Text(t.xml10_content().into_owned())),
            Event::CData(t) => visit(Node::Text(t.xml10_content().into_owned())),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&name)
                        .unwrap_or_default()
                        .to_owned(),
                };
                visit(Node::Text(text));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of attribute `name`.
pub fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    (attrs.iter())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_elements_text_and_entities() {
        let mut nodes = Vec::new();
        let xml = r#"<x:a r:id="rId1" v="a&amp;b"><b/>Тов&amp;ар &#8381;</x:a>"#;
        walk(xml, |n| nodes.push(n)).unwrap();
        assert_eq!(
            nodes[0],
            Node::Open(
                "a".into(),
                vec![("id".into(), "rId1".into()), ("v".into(), "a&b".into())]
            )
        );
        assert_eq!(nodes[1], Node::Open("b".into(), vec![]));
        assert_eq!(nodes[2], Node::Close("b".into()));
        let text: String = (nodes.iter())
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(text, "Тов&ар ₽");
        assert!(walk("<a><b></a>", |_| {}).is_err());
    }
}
