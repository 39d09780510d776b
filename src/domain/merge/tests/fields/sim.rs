//! The three reps, their clocks, and the log of what each operation changed.

use super::*;

pub(super) const REPS: usize = 3;

/// For each rep, how many of its operations are known: a vector clock.
pub(super) type Known = [u32; REPS];

/// A field changed by an operation.
#[derive(Clone, Debug)]
pub(super) struct Change {
    pub(super) rep: usize,
    /// The operation's number among the rep's operations, from 1.
    pub(super) seq: u32,
    /// What the rep knew when it made the change (its own earlier operations included).
    pub(super) seen: Known,
    pub(super) value: String,
    pub(super) stamp: FieldStamp,
}

impl Change {
    /// Whether this change was made knowing `other`.
    pub(super) fn saw(&self, other: &Change) -> bool {
        self.seen[other.rep] >= other.seq
    }
}

/// A record removed by an operation (not by a merge).
#[derive(Clone, Debug)]
pub(super) struct Removal {
    pub(super) rep: usize,
    pub(super) seen: Known,
    pub(super) kind: RecordKind,
    pub(super) id: Id,
}

/// A record kind and id.
pub(super) type Key = (RecordKind, Id);
/// A field of a record.
pub(super) type FieldKey = (RecordKind, Id, &'static str);

pub(super) struct Rep {
    pub(super) ws: Workspace,
    pub(super) skew: TimeDelta,
    pub(super) known: Known,
}

/// The three reps, their shared minute counter (each rep reads it through its own clock) and the
/// log of what their operations changed.
pub(super) struct Sim {
    pub(super) seed: u64,
    pub(super) rng: Lcg,
    pub(super) minute: i64,
    pub(super) next_id: u32,
    pub(super) reps: Vec<Rep>,
    pub(super) changes: HashMap<FieldKey, Vec<Change>>,
    pub(super) removals: Vec<Removal>,
    /// What each operation and pull did, for failure messages.
    pub(super) log: Vec<String>,
}

/// The clock skews a rep may have.
pub(super) const SKEWS_MINUTES: [i64; 7] = [0, 0, 0, 180, 2 * 24 * 60, -60, 20];

impl Sim {
    pub(super) fn new(seed: u64, base: &Workspace) -> Sim {
        let mut rng = Lcg(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let reps = (0..REPS)
            .map(|_| Rep {
                ws: base.clone(),
                skew: TimeDelta::minutes(SKEWS_MINUTES[rng.below(SKEWS_MINUTES.len())]),
                known: [0; REPS],
            })
            .collect();
        Sim {
            seed,
            rng,
            minute: 10,
            next_id: 0,
            reps,
            changes: HashMap::new(),
            removals: Vec::new(),
            log: Vec::new(),
        }
    }

    /// Rep `r`'s clock now: the shared minute, its skew, and `r` milliseconds so that no two
    /// reps ever read the same time.
    pub(super) fn clock(&self, r: usize) -> Timestamp {
        later(self.minute) + self.reps[r].skew + TimeDelta::milliseconds(r as i64)
    }

    /// One random operation by rep `r`, logged.
    pub(super) fn edit(&mut self, r: usize) {
        self.minute += 1 + self.rng.below(3) as i64;
        let now = self.clock(r);
        let Sim {
            rng, next_id, reps, ..
        } = self;
        let before = reps[r].ws.clone();
        let mut op = Op {
            rng,
            next_id,
            rep: r,
            now,
        };
        op.random(&mut reps[r].ws);
        let (changed, gone) = diff(&before, &reps[r].ws);
        if changed.is_empty() && gone.is_empty() {
            return;
        }
        let what: Vec<String> = (changed.iter())
            .map(|((k, id, f), v, s)| format!("{k:?} {id} {f}={v} @{} prev {}", s.at, s.prev))
            .chain(gone.iter().map(|(k, id)| format!("removed {k:?} {id}")))
            .collect();
        self.log
            .push(format!("rep {r} at {now}: {}", what.join("; ")));
        let seen = self.reps[r].known;
        let seq = seen[r] + 1;
        self.reps[r].known[r] = seq;
        for (key, value, stamp) in changed {
            let change = Change {
                rep: r,
                seq,
                seen,
                value,
                stamp,
            };
            self.changes.entry(key).or_default().push(change);
        }
        for (kind, id) in gone {
            self.removals.push(Removal {
                rep: r,
                seen,
                kind,
                id,
            });
        }
    }

    /// Rep `r` merges rep `s`'s file into its own.
    pub(super) fn pull(&mut self, r: usize, s: usize) {
        let out = merge(&self.reps[r].ws, &self.reps[s].ws);
        assert_eq!(out.workspace.integrity_problems(), [], "seed {}", self.seed);
        self.reps[r].ws = out.workspace;
        self.log
            .push(format!("rep {r} pulls rep {s}: {}", out.report));
        let theirs = self.reps[s].known;
        for (mine, theirs) in self.reps[r].known.iter_mut().zip(theirs) {
            *mine = (*mine).max(theirs);
        }
    }

    /// What happened to a record, for failure messages.
    pub(super) fn history(&self, key: &Key) -> String {
        let mut out = format!(
            "skews: {:?}\n",
            self.reps.iter().map(|r| r.skew).collect::<Vec<_>>()
        );
        for ((kind, id, field), changes) in &self.changes {
            if (*kind, id) == (key.0, &key.1) {
                out += &format!("{field}: {changes:#?}\n");
            }
        }
        for line in &self.log {
            if line.contains(&format!(" {} ", key.1))
                || line.contains(&format!(" {};", key.1))
                || line.ends_with(&format!(" {}", key.1))
                || line.contains("pulls")
                || std::env::var_os("FIELDS_FULL_LOG").is_some()
            {
                out += line;
                out.push('\n');
            }
        }
        for (r, rep) in self.reps.iter().enumerate() {
            out += &format!(
                "rep {r} knows {:?}; tombstone {:?}\n",
                rep.known,
                rep.ws
                    .removed
                    .iter()
                    .filter(|t| t.id == key.1)
                    .collect::<Vec<_>>()
            );
        }
        out
    }

    /// The change that set `value` with `stamp`; `None` for a value the record was created with.
    pub(super) fn change_behind(
        &self,
        key: &FieldKey,
        value: &str,
        stamp: FieldStamp,
    ) -> Option<&Change> {
        self.changes
            .get(key)?
            .iter()
            .find(|c| c.stamp.at == stamp.at && c.value == value)
    }
}
