//! Export and import of a full-size workspace (5 000 clients, 100 000 orders) as a snapshot
//! file: median times and the file's size. Run: `cargo run --release --features testkit --bin bench_snapshot`.
//!
//! `--write-samples DIR` instead writes sample snapshots (the demo workspace, a synthetic one
//! with orders and transfers, and one whose rule has every kind of condition) for the JSON
//! Schema test (`tests/schema/`).
//! `--write-full FILE` writes the full-size snapshot itself (for screenshots of the import's
//! progress bar).
//! In the wasm build it is an empty program (the browser has no `Instant`).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let after = |flag: &str| args.iter().position(|a| a == flag).map(|i| args.get(i + 1));
    if let Some(dir) = after("--write-samples") {
        native::write_samples(dir.map_or("target/snapshot-samples", |s| s));
    } else if let Some(file) = after("--write-full") {
        native::write_full(file.map_or("target/snapshot-full.json", |s| s));
    } else {
        native::bench();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::{NaiveDate, TimeZone, Utc};
    use salesdesk::domain::demo::demo_workspace;
    use salesdesk::domain::Workspace;
    use salesdesk::i18n::outcome::describe_ru;
    use salesdesk::snapshot::{export_snapshot, read_snapshot, snapshot_file_name, SnapshotSteps};
    use salesdesk::testkit::synth_workspace::{add_transfers, synth_workspace};
    use std::time::{Duration, Instant};

    const RUNS: usize = 5;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).expect("a date")
    }

    /// A synthetic workspace with `transfers` clients passed to a farmer by the rule.
    fn with_transfers(clients: usize, orders: usize, transfers: usize) -> Workspace {
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        let mut ws = synth_workspace(2026, clients, orders, today());
        add_transfers(&mut ws, transfers, today(), now);
        ws
    }

    /// A synthetic workspace under a rule with a condition of every kind (any of them holds),
    /// so its transfers record an outcome of every kind.
    fn with_every_condition() -> Workspace {
        use salesdesk::domain::transfer::{Combinator, Condition, TransferRule};
        use salesdesk::domain::Money;
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        let mut ws = synth_workspace(2027, 300, 3_000, today());
        let mut policy = ws.transfer_policy.clone();
        policy.rule = TransferRule {
            combinator: Combinator::Any,
            conditions: vec![
                Condition::OrderCount { at_least: 3 },
                Condition::Volume {
                    at_least: Money::from_rubles(100_000),
                    within_months: Some(6),
                },
                Condition::BoughtProduct {
                    product_id: ws.products[0].id.clone(),
                },
                Condition::BoughtGroup {
                    group_id: ws.product_groups[0].id.clone(),
                },
                Condition::monthly_minimum(Money::from_rubles(10_000)),
                Condition::MinimumOrder {
                    months: 3,
                    at_least: Money::from_rubles(5_000),
                },
                Condition::DaysSinceFirstOrder { at_least: 90 },
            ],
        };
        ws.set_transfer_policy(policy, now).expect("a valid rule");
        add_transfers(&mut ws, 10, today(), now);
        ws
    }

    pub fn write_full(file: &str) {
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        let ws = with_transfers(5_000, 100_000, 50);
        let text = export_snapshot(&ws, Some(&ws.members[0]), now, today(), describe_ru);
        std::fs::write(file, text).expect("write");
        println!("wrote {file}");
    }

    pub fn write_samples(dir: &str) {
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        std::fs::create_dir_all(dir).expect("create the samples folder");
        let demo = demo_workspace(today(), now);
        let mut synth = with_transfers(300, 3_000, 10);
        add_tasks(&mut synth, now);
        let every = with_every_condition();
        for (name, ws, who) in [
            ("demo", &demo, Some(&demo.members[0])),
            ("synthetic", &synth, None),
            ("every-condition", &every, None),
        ] {
            let path = format!("{dir}/{name}.json");
            std::fs::write(&path, export_snapshot(ws, who, now, today(), describe_ru))
                .expect("write");
            println!("wrote {path}");
        }
    }

    /// A few tasks (open, done, on a deal, timed) and activities, so the schema sees them.
    fn add_tasks(ws: &mut Workspace, now: chrono::DateTime<Utc>) {
        use salesdesk::domain::activities::{Activity, ActivityKind, NextStep, Task};
        use salesdesk::domain::Id;
        for i in 0..6 {
            let deal = &ws.deals[i];
            let (client_id, deal_id) = (deal.client_id.clone(), deal.id.clone());
            let assignee_id = deal.owner_id.clone();
            let task = Task {
                id: Id::from_raw(format!("task-{i}")),
                what: format!("Задача {i}"),
                due: today() + chrono::Duration::days(i as i64 - 2),
                due_time: (i % 2 == 0).then(|| chrono::NaiveTime::from_hms_opt(10, 30, 0).unwrap()),
                assignee_id,
                client_id: Some(client_id.clone()),
                deal_id: (i % 3 == 0).then(|| deal_id.clone()),
                done: None,
                created_at: now,
                updated_at: now,
                stamps: Default::default(),
            };
            ws.add_task(task).expect("a valid task");
            let next = (
                NextStep {
                    what: "Дальше".into(),
                    due: today(),
                },
                Id::from_raw(format!("task-{i}-next")),
            );
            if i % 2 == 1 {
                ws.complete_task(&Id::from_raw(format!("task-{i}")), None, Some(next), now)
                    .expect("completes");
            }
            ws.log_activity(Activity {
                id: Id::from_raw(format!("activity-{i}")),
                kind: ActivityKind::ALL[i % 4],
                client_id,
                deal_id: (i % 2 == 0).then_some(deal_id),
                date: today(),
                time: chrono::NaiveTime::from_hms_opt(9, i as u32, 0),
                author_id: None,
                outcome: "Договорились".into(),
                text: String::new(),
                task_id: None,
                created_at: now,
                restored_at: None,
            })
            .expect("a valid activity");
        }
    }

    fn median(mut times: Vec<Duration>) -> Duration {
        times.sort();
        times[times.len() / 2]
    }

    fn ms(t: Duration) -> String {
        format!("{:.0}", t.as_secs_f64() * 1_000.0)
    }

    pub fn bench() {
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        let ws = with_transfers(5_000, 100_000, 50);
        let mut export = Vec::new();
        let mut import = Vec::new();
        let mut stepped = Vec::new();
        let mut longest_step = Vec::new();
        let mut text = String::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            text = export_snapshot(&ws, Some(&ws.members[0]), now, today(), describe_ru);
            export.push(t.elapsed());
            let t = Instant::now();
            let back = read_snapshot(&text, today()).expect("reads back");
            import.push(t.elapsed());
            assert_eq!(back.workspace.orders.len(), ws.orders.len());
            // The same read in steps, as the import panel runs it: its total and longest step.
            let t = Instant::now();
            let mut steps = SnapshotSteps::new(text.clone(), today());
            let mut longest = Duration::ZERO;
            loop {
                let s = Instant::now();
                let finished = steps.step();
                longest = longest.max(s.elapsed());
                if finished {
                    break;
                }
            }
            let back_in_steps = steps.finish().expect("reads back in steps");
            stepped.push(t.elapsed());
            longest_step.push(longest);
            assert!(back_in_steps == back, "the same workspace either way");
            // The import panel's preview against the same data, piece by piece.
            let mine = &ws;
            let t = Instant::now();
            let (guarded, _) = salesdesk::snapshot::director_records_guarded(mine, &back);
            let t1 = t.elapsed();
            let preview = salesdesk::snapshot::ImportPreview::new(mine, &guarded);
            let t2 = t.elapsed();
            let removed = salesdesk::snapshot::removals(mine, &back.workspace);
            let t3 = t.elapsed();
            let future = salesdesk::snapshot::future_changes(&back.workspace, now);
            let t4 = t.elapsed();
            let dups =
                salesdesk::domain::views::duplicates::duplicates_between(mine, &back.workspace);
            let t5 = t.elapsed();
            let orders = salesdesk::domain::merge::merge_records(
                &mine.orders,
                &back.workspace.orders,
                &Default::default(),
                &Default::default(),
                salesdesk::domain::merge::RecordKind::Order,
            );
            let t6 = t.elapsed();
            println!(
                "preview: the orders' merge alone {} ms ({})",
                ms(t6 - t5),
                orders.0.len()
            );
            println!(
                "preview: guard {} ms, merge {} ms, removals {} ms, future {} ms, duplicates {} ms ({} {} {:?} {})",
                ms(t1), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
                preview.removed_by_merge.len(), removed.len(), future.0, dups.len()
            );
            // The same preview in steps, as the import panel runs it: its total and longest step.
            let ts = Instant::now();
            let mut steps = salesdesk::snapshot::ImportPreviewSteps::new(now);
            let (mut longest, mut count) = (Duration::ZERO, 0);
            loop {
                let s = Instant::now();
                let finished = steps.step(mine, &back, 2_000);
                longest = longest.max(s.elapsed());
                count += 1;
                if finished {
                    break;
                }
            }
            let s = Instant::now();
            let ready = steps.finish(mine, &back);
            longest = longest.max(s.elapsed());
            println!(
                "preview in steps: {} ms in all, {count} steps, the longest {} ms (the same: {})",
                ms(ts.elapsed()),
                ms(longest),
                ready.preview.merge == preview.merge
            );
        }
        let derived_at = text.find(",\"derived\":").unwrap_or(text.len());
        println!(
            "snapshot of {} clients, {} orders ({} lines), {} transfers; median of {RUNS} runs",
            ws.clients.len(),
            ws.orders.len(),
            ws.orders.iter().map(|o| o.lines.len()).sum::<usize>(),
            ws.transfers.len()
        );
        println!("| what                  | value        |");
        println!("|-----------------------|--------------|");
        println!("| export (write JSON)   | {:>9} ms |", ms(median(export)));
        println!("| import (read + check) | {:>9} ms |", ms(median(import)));
        println!("| import in steps       | {:>9} ms |", ms(median(stepped)));
        println!(
            "|   its longest step    | {:>9} ms |",
            ms(median(longest_step))
        );
        println!("| file size             | {:>9} B  |", text.len());
        println!(
            "|   of which derived    | {:>9} B  |",
            text.len() - derived_at
        );
        println!(
            "| file name             | {} |",
            snapshot_file_name(Some(&ws.members[0].name), today())
        );
    }
}
