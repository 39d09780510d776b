//! [`super::restore`] in slices, for a snapshot file of tens of megabytes: the same steps with
//! the same result — the same workspace, or the same problems with the same paths and words in
//! the same order — worked out a few thousand records at a time, so the page never freezes.
//!
//! 1. The text is scanned for the workspace's long lists ([`super::scan`]), a few megabytes per
//!    step.
//! 2. The file without those lists (its skeleton: the header, the settings, every list left as
//!    `[]`) goes through the one-pass steps: strict JSON, format, version, typed reading.
//! 3. The records are parsed (strictly, a duplicate key named by its path in the file, a syntax
//!    error by the file's line and column), read into their types and their JSON dropped, a few
//!    thousand per step; each record's JSON is its own small value, so nothing large is dropped
//!    at once.
//! 4. The order books unpacked, the records' checks, then the last guard, each a step of its own.
//!
//! Which problem comes first is decided as the one-pass read decides it: a JSON problem before
//! any other (the first in the text), then the format and the version, then the first field in
//! the order typed reading visits the keys. Whatever the scanner does not handle, a packed stored
//! value and files of an older version (migrated on the whole document; small in practice) are
//! read by [`super::restore`] itself in one step.

use super::book_steps::BookSteps;
use super::error::{Rejection, RestoreError};
use super::path::Crumb;
use super::scan::{ListSpan, Scan, Scanned};
use super::{check_records, field_error, guard, header, json_error, migrate, size_ok};
use super::{restore, strict_json, typed, Checked, RestoreOptions, Restored, Unpacked};
use crate::format::envelope::{EnvelopeIn, WorkspaceIn};
use crate::format::packed::is_plain;
use crate::format::VERSION;
use serde_json::Value;

/// Bytes scanned per step.
const SCAN_BYTES: usize = 1 << 20;
/// Records read per step, and their bytes at most (an order book is a few hundred orders).
const RECORDS: usize = 500;
const RECORD_BYTES: usize = 256 * 1024;

/// Where a field sits in the order typed reading visits the document: the top key's place, the
/// workspace key's place, the record's index (`usize::MAX` for a problem of a whole object,
/// noticed after its keys).
type Rank = (usize, usize, usize);

/// A restore under way.
pub struct RestoreSteps {
    text: String,
    options: RestoreOptions,
    stage: Stage,
    /// Whether the file went to the one-pass read (for the tests: a large sound file must not).
    one_pass: bool,
}

enum Stage {
    Scanning(Scan),
    Skeleton(Vec<ListSpan>),
    Records(Box<Records>),
    Unpacking(Box<Records>),
    Books(Box<BookSteps>),
    Checking(Box<Unpacked>),
    Guarding(Box<Checked>),
    /// Boxed: a restored workspace is large beside the other stages.
    Finished(Box<Result<Restored, Rejection>>),
}

/// The records being read, after the skeleton passed.
struct Records {
    lists: Vec<ListSpan>,
    list: usize,
    record: usize,
    version: u64,
    /// The skeleton's envelope, its lists still empty (`None` once a problem is found).
    envelope: Option<EnvelopeIn>,
    /// A problem of the header, told once every record is known to be JSON.
    header_problem: Option<RestoreError>,
    /// The first field problem and its rank.
    field_problem: Option<(Rank, RestoreError)>,
    /// The place of each top key and workspace key.
    top_keys: Vec<String>,
    workspace_keys: Vec<String>,
    read: Read,
}

macro_rules! lists {
    ($($key:ident: $ty:ty),* $(,)?) => {
        /// The records read, by list.
        #[derive(Default)]
        struct Read {
            $($key: Vec<$ty>,)*
        }

        impl Read {
            /// Reads the record `value` of the list `key`, at `at`.
            fn add(
                &mut self,
                key: &str,
                value: &Value,
                at: &Crumb<'_>,
            ) -> Result<(), (String, serde_json::Error)> {
                match key {
                    $(stringify!($key) => self.$key.push(typed::read_under(value, at)?),)*
                    _ => {}
                }
                Ok(())
            }

            /// Puts the records into the skeleton's workspace, whose lists are empty.
            // `into`: the order books are a list of their own type; every other list is a `Vec`.
            #[allow(clippy::useless_conversion)]
            fn fill(self, ws: &mut WorkspaceIn) {
                $(if !self.$key.is_empty() {
                    ws.$key = self.$key.into();
                })*
            }
        }
    };
}

lists! {
    members: crate::domain::team::TeamMember,
    clients: crate::domain::Client,
    deals: crate::domain::Deal,
    stages: crate::domain::Stage,
    removed: crate::domain::workspace::Tombstone,
    assessments: crate::domain::qualification::Assessment,
    product_groups: crate::domain::orders::ProductGroup,
    products: crate::domain::orders::Product,
    orders: crate::domain::orders::Order,
    order_book: crate::format::order_book::OrderBook,
    transfers: crate::domain::transfer::TransferRecord,
    stage_history: crate::domain::deal_flow::StageChange,
    sales_plans: crate::domain::sales_plan::SalesPlan,
    activities: crate::domain::activities::Activity,
    tasks: crate::domain::activities::Task,
}

impl RestoreSteps {
    /// Starts restoring `text` under `options`.
    pub fn new(text: String, options: RestoreOptions) -> RestoreSteps {
        let stage = match size_ok(&text, &options) {
            Err(e) => Stage::Finished(Box::new(Err(e.into()))),
            Ok(()) if !is_plain(&text) => Stage::Finished(Box::new(restore(&text, &options))),
            Ok(()) => Stage::Scanning(Scan::new()),
        };
        let one_pass = !is_plain(&text);
        RestoreSteps {
            text,
            options,
            stage,
            one_pass,
        }
    }

    /// Whether the file was (or is being) read in one pass rather than in steps.
    pub fn read_in_one_pass(&self) -> bool {
        self.one_pass
    }

    /// Does one step of work; returns whether the restore is finished.
    pub fn step(&mut self) -> bool {
        let stage = std::mem::replace(
            &mut self.stage,
            Stage::Finished(Box::new(Err(RestoreError::Nothing.into()))),
        );
        self.stage = match stage {
            Stage::Scanning(mut scan) => match scan.step(&self.text, SCAN_BYTES) {
                Scanned::More => Stage::Scanning(scan),
                // The skeleton in a step of its own: its parse is the longest of the reading.
                Scanned::Done => Stage::Skeleton(scan.lists),
                Scanned::Unusual => self.one_pass(),
            },
            Stage::Skeleton(lists) => self.skeleton(lists),
            Stage::Records(mut records) => match records.step(&self.text) {
                Ok(false) => Stage::Records(records),
                Ok(true) => Stage::Unpacking(records),
                Err(e) => Stage::Finished(Box::new(Err(e.into()))),
            },
            // The order books unpacked a few a step, then the records checked in a step of its
            // own: at full size each took tens of milliseconds.
            Stage::Unpacking(records) => match records.into_envelope() {
                Err(e) => Stage::Finished(Box::new(Err(e.into()))),
                Ok((envelope, version)) => {
                    Stage::Books(Box::new(BookSteps::new(envelope, version)))
                }
            },
            Stage::Books(mut books) => match books.step() {
                Ok(false) => Stage::Books(books),
                Ok(true) => match books.finish() {
                    Ok(u) => Stage::Checking(Box::new(u)),
                    Err(e) => Stage::Finished(Box::new(Err(e))),
                },
                Err(e) => Stage::Finished(Box::new(Err(e.into()))),
            },
            Stage::Checking(u) => Stage::Guarding(Box::new(check_records(*u, &self.options))),
            Stage::Guarding(c) => Stage::Finished(Box::new(guard(*c))),
            finished @ Stage::Finished(_) => finished,
        };
        matches!(self.stage, Stage::Finished(_))
    }

    /// Whether the next step is one of the long ones (the skeleton's parse, the records'
    /// checks, the last guard: tens of milliseconds each at full size), which a caller filling
    /// a time slice had better start in a slice of its own.
    pub fn next_is_long(&self) -> bool {
        matches!(
            self.stage,
            Stage::Skeleton(_) | Stage::Checking(_) | Stage::Guarding(_)
        )
    }

    /// How far it is, as a part done and a whole.
    pub fn progress(&self) -> (usize, usize) {
        let all = self.text.len().max(1);
        // Scanning is about a fifth of the work, the records most of it, the checks the rest.
        let part = match &self.stage {
            Stage::Scanning(scan) => scan.done().min(all) / 5,
            Stage::Skeleton(_) => all / 5,
            Stage::Records(r) => {
                let at = r
                    .lists
                    .get(r.list)
                    .and_then(|l| l.records.get(r.record))
                    .map_or(all, |(start, _)| *start);
                all / 5 + at / 10 * 7
            }
            Stage::Unpacking(_) | Stage::Books(_) => all / 10 * 9,
            Stage::Checking(_) => all / 100 * 92,
            Stage::Guarding(_) => all / 20 * 19,
            Stage::Finished(_) => all,
        };
        (part.min(all), all)
    }

    /// Runs every step left and gives the result.
    pub fn finish(mut self) -> Result<Restored, Rejection> {
        while !self.step() {}
        match self.stage {
            Stage::Finished(result) => *result,
            _ => unreachable!("step runs until finished"),
        }
    }

    /// The file read by [`restore`] at once.
    fn one_pass(&mut self) -> Stage {
        self.one_pass = true;
        Stage::Finished(Box::new(restore(&self.text, &self.options)))
    }

    /// Step 2: the file without its lists, through the one-pass steps.
    fn skeleton(&mut self, lists: Vec<ListSpan>) -> Stage {
        let mut skeleton = String::new();
        let mut from = 0;
        for list in &lists {
            skeleton.push_str(&self.text[from..list.open]);
            from = list.close;
        }
        skeleton.push_str(&self.text[from..]);
        let Ok(value) = strict_json::parse(&skeleton) else {
            // A JSON problem outside the lists: the first in the text may still be inside one.
            return self.one_pass();
        };
        let keys = |v: Option<&Value>| -> Vec<String> {
            v.and_then(Value::as_object)
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default()
        };
        let top_keys = keys(Some(&value));
        let workspace_keys = keys(value.get("workspace"));
        let mut records = Records {
            lists,
            list: 0,
            record: 0,
            version: VERSION,
            envelope: None,
            header_problem: None,
            field_problem: None,
            top_keys,
            workspace_keys,
            read: Read::default(),
        };
        match header(&value) {
            Err(e) => records.header_problem = Some(e),
            // Older files are migrated on the whole document, as one piece.
            Ok(version) if version < VERSION => return self.one_pass(),
            Ok(version) => {
                records.version = version;
                let current = match migrate::migrate(value, version) {
                    Ok(current) => current,
                    Err(e) => return Stage::Finished(Box::new(Err(e.into()))),
                };
                match typed::read::<EnvelopeIn>(&current) {
                    Ok(envelope) => records.envelope = Some(envelope),
                    Err((path, e)) => match records.rank_of(&path) {
                        Some(rank) => {
                            records.field_problem =
                                Some((rank, field_error(&e, &path, &current, "")))
                        }
                        None => return self.one_pass(),
                    },
                }
            }
        }
        Stage::Records(Box::new(records))
    }
}

impl Records {
    /// Reads the next records; `Ok(true)` when all are read, `Err` for a JSON problem in one.
    fn step(&mut self, text: &str) -> Result<bool, RestoreError> {
        let mut left = RECORDS;
        let mut bytes_left = RECORD_BYTES;
        while let Some(list) = self.lists.get(self.list) {
            let Some(&(start, end)) = list.records.get(self.record) else {
                self.list += 1;
                self.record = 0;
                continue;
            };
            if left == 0 || bytes_left == 0 {
                return Ok(false);
            }
            left -= 1;
            bytes_left = bytes_left.saturating_sub(end - start);
            let key = list.key;
            let index = self.record;
            self.record += 1;
            let in_top = Crumb::Key(&Crumb::Root, "workspace");
            let in_list = Crumb::Key(&in_top, key);
            let at = Crumb::Index(&in_list, index);
            let value = strict_json::parse_under(&text[start..end], &at)
                .map_err(|e| in_file(json_error(e), text, start))?;
            let rank = (self.top_rank("workspace"), self.workspace_rank(key), index);
            let wanted = self.header_problem.is_none()
                && self.field_problem.as_ref().is_none_or(|(r, _)| rank < *r);
            if wanted {
                if let Err((path, e)) = self.read.add(key, &value, &at) {
                    let base = format!("workspace.{key}[{index}]");
                    self.field_problem = Some((rank, field_error(&e, &path, &value, &base)));
                }
            }
        }
        Ok(true)
    }

    /// The envelope with every record in it, or the first problem.
    fn into_envelope(self) -> Result<(EnvelopeIn, u64), RestoreError> {
        if let Some(e) = self.header_problem {
            return Err(e);
        }
        if let Some((_, e)) = self.field_problem {
            return Err(e);
        }
        let mut envelope = self.envelope.expect("read when no problem was found");
        self.read.fill(&mut envelope.workspace);
        Ok((envelope, self.version))
    }

    fn top_rank(&self, key: &str) -> usize {
        self.top_keys
            .iter()
            .position(|k| k == key)
            .unwrap_or(usize::MAX)
    }

    fn workspace_rank(&self, key: &str) -> usize {
        self.workspace_keys
            .iter()
            .position(|k| k == key)
            .unwrap_or(usize::MAX)
    }

    /// The rank of a problem the skeleton's typed reading found at `path` (`None` if the path
    /// cannot be placed, and the caller reads in one pass).
    fn rank_of(&self, path: &str) -> Option<Rank> {
        let (top, rest) = split_key(path);
        if top.is_empty() {
            return Some((usize::MAX, usize::MAX, usize::MAX));
        }
        let top_rank = self.top_keys.iter().position(|k| k == top)?;
        if top != "workspace" {
            return Some((top_rank, 0, 0));
        }
        let (key, _) = split_key(rest.strip_prefix('.').unwrap_or(rest));
        if key.is_empty() {
            return Some((top_rank, usize::MAX, usize::MAX));
        }
        let key_rank = self.workspace_keys.iter().position(|k| k == key)?;
        Some((top_rank, key_rank, 0))
    }
}

/// The first key of a path and the rest (`a.b[1]` → `a`, `.b[1]`).
fn split_key(path: &str) -> (&str, &str) {
    let end = path.find(['.', '[']).unwrap_or(path.len());
    path.split_at(end)
}

/// A record's syntax error, placed in the whole file: the record starts at byte `start`.
fn in_file(e: RestoreError, text: &str, start: usize) -> RestoreError {
    match e {
        RestoreError::NotJson {
            line,
            column,
            message,
        } => {
            let before = &text.as_bytes()[..start];
            let lines = before.iter().filter(|b| **b == b'\n').count();
            let line_start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |n| n + 1);
            RestoreError::NotJson {
                line: line + lines,
                column: if line == 1 {
                    column + (start - line_start)
                } else {
                    column
                },
                message,
            }
        }
        other => other,
    }
}
