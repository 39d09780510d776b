//! Finds the long lists of a snapshot's workspace in its text without parsing it: where each
//! list (`workspace.orders`, `workspace.clients`, …) opens and closes, and where each of its
//! records starts and ends. [`super::steps`] then parses the file without those lists (its
//! skeleton) and the records one by one, a few thousand per slice.
//!
//! The scanner only tracks strings, brackets and separators. Anything it does not expect — text
//! that is not one object, a list holding something else than records, a missing or extra comma
//! between records, nesting deeper than [`MAX_DEPTH`], a file that ends inside a value — makes
//! it give up ([`Scanned::Unusual`]) and the caller reads the file in one pass, which says what
//! is wrong exactly as it always has.

/// The lists read record by record: every list of records the workspace holds, and the stored
/// orders' books (`order_book`, each book a record: a few hundred orders in columns).
pub(super) const LIST_KEYS: [&str; 15] = [
    "members",
    "clients",
    "deals",
    "stages",
    "removed",
    "assessments",
    "product_groups",
    "products",
    "orders",
    "order_book",
    "transfers",
    "stage_history",
    "sales_plans",
    "activities",
    "tasks",
];

/// Deeper than this the scanner gives up: a record parsed on its own may nest a few levels
/// deeper than the parser allows it inside the file (128 in all), and must not be accepted
/// where the whole file would be refused.
const MAX_DEPTH: usize = 100;

/// One list found: its key, where its items start and end, and each record's bytes.
pub(super) struct ListSpan {
    /// The key in `workspace` (one of [`LIST_KEYS`]).
    pub key: &'static str,
    /// Just after its `[`.
    pub open: usize,
    /// At its `]`.
    pub close: usize,
    /// Each record's first and one-past-last byte.
    pub records: Vec<(usize, usize)>,
}

/// What a scan found so far.
pub(super) enum Scanned {
    /// Not at the end yet.
    More,
    /// The whole text is scanned.
    Done,
    /// Something the scanner does not handle: read the file in one pass.
    Unusual,
}

/// A scan under way.
pub(super) struct Scan {
    at: usize,
    /// The open containers, `{` or `[`.
    stack: Vec<u8>,
    /// The last structural byte seen: `{ [ , :`, `k` after a key, `v` after a value.
    last: u8,
    in_string: bool,
    string_start: usize,
    /// The last key read in the top object and in the workspace object (only short ones are
    /// kept: the keys looked for are short).
    top_key: String,
    workspace_key: String,
    /// Whether the object open at depth 2 is the top object's `workspace`.
    in_workspace: bool,
    /// The list being read and where its current record starts.
    list: Option<ListSpan>,
    record_start: usize,
    /// Whether the top object is closed.
    ended: bool,
    /// The lists found.
    pub lists: Vec<ListSpan>,
}

impl Scan {
    /// A scan from the start of the text.
    pub fn new() -> Scan {
        Scan {
            at: 0,
            stack: Vec::new(),
            last: b',',
            in_string: false,
            string_start: 0,
            top_key: String::new(),
            workspace_key: String::new(),
            in_workspace: false,
            list: None,
            record_start: 0,
            ended: false,
            lists: Vec::new(),
        }
    }

    /// How many bytes are scanned.
    pub fn done(&self) -> usize {
        self.at
    }

    /// Scans about `budget` more bytes of `text`.
    pub fn step(&mut self, text: &str, budget: usize) -> Scanned {
        let bytes = text.as_bytes();
        let until = bytes.len().min(self.at.saturating_add(budget));
        while self.at < until {
            if self.in_string {
                // Most of the file is inside strings: skip to the next quote or backslash.
                match bytes[self.at..until]
                    .iter()
                    .position(|b| *b == b'"' || *b == b'\\')
                {
                    None => self.at = until,
                    Some(n) if bytes[self.at + n] == b'\\' => self.at += n + 2,
                    Some(n) => {
                        self.at += n;
                        self.in_string = false;
                        self.string_ended(text);
                        self.at += 1;
                    }
                }
                continue;
            }
            if !self.byte(bytes[self.at]) {
                return Scanned::Unusual;
            }
            self.at += 1;
        }
        if self.at < bytes.len() {
            Scanned::More
        } else if self.ended && !self.in_string {
            Scanned::Done
        } else {
            Scanned::Unusual
        }
    }

    /// A byte outside strings; false if the scanner gives up.
    fn byte(&mut self, b: u8) -> bool {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            return true;
        }
        let depth = self.stack.len();
        if self.ended || depth == 0 && b != b'{' {
            return false;
        }
        let in_list = self.list.is_some() && depth == 3;
        match b {
            b'{' | b'[' => {
                if depth >= MAX_DEPTH {
                    return false;
                }
                if in_list {
                    if b != b'{' || !matches!(self.last, b'[' | b',') {
                        return false;
                    }
                    self.record_start = self.at;
                }
                self.opened(b, depth);
                self.stack.push(b);
                self.last = b;
            }
            b'}' | b']' => {
                let open = if b == b'}' { b'{' } else { b'[' };
                if self.stack.pop() != Some(open) {
                    return false;
                }
                if in_list && !matches!(self.last, b'v' | b'[') {
                    return false;
                }
                self.closed(depth - 1);
                self.last = b'v';
            }
            b',' | b':' => {
                if in_list && (b == b':' || self.last != b'v') {
                    return false;
                }
                self.last = b;
            }
            b'"' => {
                if in_list {
                    return false;
                }
                self.in_string = true;
                self.string_start = self.at + 1;
            }
            _ => {
                if in_list {
                    return false;
                }
                self.last = b'v';
            }
        }
        true
    }

    /// A string ended at `self.at`: a key of the top or the workspace object is noted.
    fn string_ended(&mut self, text: &str) {
        let depth = self.stack.len();
        let is_key = self.stack.last() == Some(&b'{') && matches!(self.last, b'{' | b',');
        self.last = if is_key { b'k' } else { b'v' };
        let key = text
            .get(self.string_start..self.at)
            .filter(|k| k.len() <= 16);
        let noted = match (is_key, depth) {
            (true, 1) => &mut self.top_key,
            (true, 2) => &mut self.workspace_key,
            _ => return,
        };
        noted.clear();
        noted.push_str(key.unwrap_or(""));
    }

    /// A container opens at `depth` (the number open around it).
    fn opened(&mut self, b: u8, depth: usize) {
        if depth == 1 && b == b'{' && self.last == b':' {
            self.in_workspace = self.top_key == "workspace";
        }
        if depth == 2 && b == b'[' && self.in_workspace && self.last == b':' {
            if let Some(key) = LIST_KEYS.iter().find(|k| **k == self.workspace_key) {
                self.list = Some(ListSpan {
                    key,
                    open: self.at + 1,
                    close: 0,
                    records: Vec::new(),
                });
            }
        }
    }

    /// A container closed; `depth` containers are still open.
    fn closed(&mut self, depth: usize) {
        match depth {
            0 => self.ended = true,
            1 => self.in_workspace = false,
            2 => {
                if let Some(mut list) = self.list.take() {
                    list.close = self.at;
                    self.lists.push(list);
                }
            }
            3 => {
                if let Some(list) = self.list.as_mut() {
                    list.records.push((self.record_start, self.at + 1));
                }
            }
            _ => {}
        }
    }
}
