//! Export and import of a full-size workspace (5 000 clients, 100 000 orders) as a snapshot
//! file: median times and the file's size. Run: `cargo run --release --bin bench_snapshot`.
//!
//! `--write-samples DIR` instead writes sample snapshots (the demo workspace and a synthetic
//! one with orders and transfers) for the JSON Schema test (`tests/schema/`).
//! In the wasm build it is an empty program (the browser has no `Instant`).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|a| a == "--write-samples") {
        Some(i) => native::write_samples(args.get(i + 1).map_or("target/snapshot-samples", |s| s)),
        None => native::bench(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::{NaiveDate, TimeZone, Utc};
    use salesdesk::domain::demo::demo_workspace;
    use salesdesk::domain::synth_workspace::{add_transfers, synth_workspace};
    use salesdesk::domain::Workspace;
    use salesdesk::snapshot::{export_snapshot, read_snapshot, snapshot_file_name};
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

    pub fn write_samples(dir: &str) {
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        std::fs::create_dir_all(dir).expect("create the samples folder");
        let demo = demo_workspace(today(), now);
        let synth = with_transfers(300, 3_000, 10);
        for (name, ws, who) in [
            ("demo", &demo, Some(&demo.members[0])),
            ("synthetic", &synth, None),
        ] {
            let path = format!("{dir}/{name}.json");
            std::fs::write(&path, export_snapshot(ws, who, now, today())).expect("write");
            println!("wrote {path}");
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
        let mut text = String::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            text = export_snapshot(&ws, Some(&ws.members[0]), now, today());
            export.push(t.elapsed());
            let t = Instant::now();
            let back = read_snapshot(&text, today()).expect("reads back");
            import.push(t.elapsed());
            assert_eq!(back.workspace.orders.len(), ws.orders.len());
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
