//! Tasks and activities: grouping by due day, overdue, completing with «Что дальше?»,
//! suggested calls, the merge of two copies and the timeline's order.

use crate::domain::activities::*;
use crate::domain::client::ClientStatus;
use crate::domain::merge::merge;
use crate::domain::orders::HistoryIndex;
use crate::domain::views::agenda::*;
use crate::domain::views::suggested_calls::*;
use crate::domain::views::timeline::*;
use crate::domain::{Id, Workspace, WorkspaceError};
use crate::testkit::fixtures::*;
use chrono::{Duration, FixedOffset, NaiveDate, NaiveTime};

fn id(s: &str) -> Id {
    Id::from_raw(s)
}

fn day(offset: i64) -> NaiveDate {
    d0() + Duration::days(offset)
}

fn task(tid: &str, who: &str, due: NaiveDate) -> Task {
    Task {
        id: id(tid),
        what: format!("Дело {tid}"),
        due,
        due_time: None,
        assignee_id: id(who),
        client_id: Some(id("c1")),
        deal_id: None,
        done: None,
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    }
}

fn activity(aid: &str, client: &str, date: NaiveDate, time: Option<(u32, u32)>) -> Activity {
    Activity {
        id: id(aid),
        kind: ActivityKind::Call,
        client_id: id(client),
        deal_id: None,
        date,
        time: time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
        author_id: Some(id("ivan")),
        outcome: "Договорились".into(),
        text: String::new(),
        task_id: None,
        created_at: t0(),
        restored_at: None,
    }
}

fn next(what: &str, due: NaiveDate) -> NextStep {
    NextStep {
        what: what.into(),
        due,
    }
}

#[test]
fn due_days_group_by_the_local_calendar_week_to_sunday() {
    // 2026-01-15 is a Thursday: the week runs to Sunday the 18th.
    let today = d0();
    assert_eq!(DueGroup::of(Some(day(-1)), today), DueGroup::Overdue);
    assert_eq!(DueGroup::of(Some(today), today), DueGroup::Today);
    assert_eq!(DueGroup::of(None, today), DueGroup::Today);
    assert_eq!(DueGroup::of(Some(day(1)), today), DueGroup::ThisWeek);
    assert_eq!(DueGroup::of(Some(day(3)), today), DueGroup::ThisWeek);
    assert_eq!(DueGroup::of(Some(day(4)), today), DueGroup::Later);
    // On Sunday nothing else is «this week»; on Monday a new week starts.
    assert_eq!(DueGroup::of(Some(day(4)), day(3)), DueGroup::Later);
    assert_eq!(DueGroup::of(Some(day(10)), day(4)), DueGroup::ThisWeek);
    assert_eq!(DueGroup::of(Some(day(11)), day(4)), DueGroup::Later);
}

#[test]
fn the_agenda_holds_my_open_tasks_and_next_steps_and_moves_at_local_midnight() {
    let mut ws = small_workspace();
    ws.add_task(task("t-today", "ivan", day(0))).unwrap();
    ws.add_task(task("t-later", "ivan", day(20))).unwrap();
    ws.add_task(task("t-olga", "olga", day(0))).unwrap();
    let mut done = task("t-done", "ivan", day(-3));
    done.done = Some(TaskDone { at: t0(), by: None });
    ws.tasks.push(done);
    ws.deals[0].next_step = "Позвонить ЛПР".into();
    ws.deals[0].next_step_date = Some(day(-2));
    ws.deals[2].next_step = "Отправить КП".into();
    ws.deals[2].next_step_date = Some(day(2));
    let items = agenda(&ws, &id("ivan"), d0());
    let seen: Vec<(DueGroup, &str)> = items.iter().map(|i| (i.group, i.what.as_str())).collect();
    assert_eq!(
        seen,
        [
            (DueGroup::Overdue, "Позвонить ЛПР"),
            (DueGroup::Today, "Дело t-today"),
            (DueGroup::ThisWeek, "Отправить КП"),
            (DueGroup::Later, "Дело t-later"),
        ]
    );
    assert_eq!(items[0].source, ItemSource::NextStep(id("d1")));
    let counts = AgendaCounts::of(&items);
    assert_eq!((counts.overdue, counts.today, counts.due_now()), (1, 1, 2));
    // Past local midnight today's task is overdue: «today» is the caller's local day.
    let tomorrow = AgendaCounts::of(&agenda(&ws, &id("ivan"), day(1)));
    assert_eq!((tomorrow.overdue, tomorrow.today), (2, 0));
    assert!(ws.task(&id("t-today")).unwrap().is_overdue(day(1)));
    assert!(!ws.task(&id("t-done")).unwrap().is_overdue(day(1)));
}

#[test]
fn a_deal_with_neither_next_step_nor_open_task_is_flagged() {
    let mut ws = small_workspace();
    assert!(lacks_next_step(&ws, &ws.deals[0]));
    let mut t = task("t1", "ivan", d0());
    t.deal_id = Some(id("d1"));
    ws.add_task(t).unwrap();
    assert!(!lacks_next_step(&ws, &ws.deals[0]));
    ws.deals[1].next_step = "Встреча".into();
    assert!(!lacks_next_step(&ws, &ws.deals[1]));
}

#[test]
fn completing_asks_what_next_so_no_open_deal_is_left_without_a_step() {
    let mut ws = small_workspace();
    let mut t = task("t1", "ivan", d0());
    t.deal_id = Some(id("d1"));
    t.client_id = None;
    ws.add_task(t).unwrap();
    assert_eq!(ws.task(&id("t1")).unwrap().client_id, Some(id("c1")));
    let before = ws.clone();
    assert_eq!(
        ws.complete_task(&id("t1"), Some(id("ivan")), None, later(1)),
        Err(WorkspaceError::NextStepRequired(id("d1")))
    );
    assert_eq!(ws, before);
    let answer = next("Отправить договор", day(1));
    ws.complete_task(
        &id("t1"),
        Some(id("ivan")),
        Some((answer, id("t2"))),
        later(1),
    )
    .unwrap();
    let d1 = ws.deal(&id("d1")).unwrap();
    assert_eq!(
        (d1.next_step.as_str(), d1.next_step_date),
        ("Отправить договор", Some(day(1)))
    );
    assert!(
        ws.task(&id("t2")).is_none(),
        "a deal's next step lives on the deal"
    );
    let done = ws.task(&id("t1")).unwrap().done.clone().unwrap();
    assert_eq!((done.at, done.by), (later(1), Some(id("ivan"))));
    assert!(!lacks_next_step(&ws, ws.deal(&id("d1")).unwrap()));

    // A task of a client only: the answer is a new task, and may be left out.
    ws.add_task(task("t3", "anna", d0())).unwrap();
    let answer = next("Перезвонить", day(7));
    ws.complete_task(
        &id("t3"),
        Some(id("ivan")),
        Some((answer, id("t4"))),
        later(2),
    )
    .unwrap();
    let t4 = ws.task(&id("t4")).unwrap();
    assert_eq!(
        (t4.due, &t4.assignee_id, &t4.client_id),
        (day(7), &id("ivan"), &Some(id("c1")))
    );
    ws.complete_task(&id("t4"), None, None, later(3)).unwrap();
    assert!(!ws.task(&id("t4")).unwrap().is_open());

    // The next step itself: replaced by the answer, never emptied.
    assert_eq!(
        ws.complete_next_step(&id("d1"), &next(" ", day(2)), later(4)),
        Err(WorkspaceError::NextStepRequired(id("d1")))
    );
    ws.complete_next_step(&id("d1"), &next("Подписать", day(2)), later(4))
        .unwrap();
    assert_eq!(ws.deal(&id("d1")).unwrap().next_step, "Подписать");
    assert!(ws.integrity_problems().is_empty());
}

#[test]
fn tasks_need_text_a_member_and_existing_links() {
    let mut ws = small_workspace();
    let mut t = task("t1", "ivan", d0());
    t.what = "  ".into();
    assert_eq!(ws.add_task(t), Err(WorkspaceError::NameRequired));
    let stranger = ws.add_task(task("t1", "nobody", d0()));
    assert!(matches!(stranger, Err(WorkspaceError::UnknownMember(_))));
    let mut t = task("t1", "ivan", d0());
    t.deal_id = Some(id("nope"));
    assert!(matches!(
        ws.add_task(t),
        Err(WorkspaceError::UnknownDeal(_))
    ));
    let mut a = activity("a1", "c1", d0(), None);
    a.deal_id = Some(id("d2")); // a deal of c2
    assert!(matches!(
        ws.log_activity(a),
        Err(WorkspaceError::UnknownDeal(_))
    ));
    assert!(ws.tasks.is_empty() && ws.activities.is_empty());
}

#[test]
fn a_late_regular_client_gets_a_suggested_call_until_accepted_or_dismissed() {
    let mut ws = catalogue_workspace();
    ws.clients[1].owner_id = id("anna");
    ws.clients[1].status = ClientStatus::Regular;
    // c2 orders every 30 days; the last order was 50 days ago (over 1.5 × 30).
    for (i, back) in [110, 80, 50].into_iter().enumerate() {
        ws.orders
            .push(order_on(&format!("o{i}"), "c2", 1_000, day(-back)));
    }
    let index = HistoryIndex::build(&ws.orders, &ws.products);
    let calls = suggested_calls(&ws, &index, &id("anna"), d0(), &[]);
    assert_eq!(calls.len(), 1);
    let call = &calls[0];
    assert_eq!(
        (call.days_since, call.usual_interval, call.last_order),
        (50, 30, day(-50))
    );
    // At 45 days it is not late yet (45 × 4 = 180 = 3 × 60).
    assert!(suggested_calls(&ws, &index, &id("anna"), day(-5), &[]).is_empty());
    let dismissed = [call.id.clone()];
    assert!(suggested_calls(&ws, &index, &id("anna"), d0(), &dismissed).is_empty());
    assert!(suggested_calls(&ws, &index, &id("ivan"), d0(), &[]).is_empty());

    // Accepting stores a task with the suggestion's id: two devices accepting merge to one.
    let what = "Позвонить: давно не заказывал";
    let task = call.accept(what, &id("anna"), d0(), later(1));
    let (mut a, mut b) = (ws.clone(), ws.clone());
    a.add_task(task.clone()).unwrap();
    b.add_task(call.accept(what, &id("anna"), d0(), later(2)))
        .unwrap();
    let merged = merge(&a, &b).workspace;
    assert_eq!(merged.tasks.len(), 1);
    assert!(suggested_calls(&merged, &index, &id("anna"), d0(), &[]).is_empty());
    // Done, it is not suggested again until a new order starts a new silence.
    a.complete_task(&task.id, None, None, later(3)).unwrap();
    assert!(suggested_calls(&a, &index, &id("anna"), d0(), &[]).is_empty());
}

#[test]
fn two_copies_keep_both_sides_tasks_changes_and_every_activity() {
    let mut ws = small_workspace();
    ws.add_task(task("t1", "ivan", d0())).unwrap();
    let (mut a, mut b) = (ws.clone(), ws.clone());
    a.complete_task(&id("t1"), Some(id("ivan")), None, later(5))
        .unwrap();
    a.log_activity(activity("a1", "c1", d0(), Some((10, 0))))
        .unwrap();
    let slot = b.tasks.iter_mut().find(|t| t.id == id("t1")).unwrap();
    crate::domain::stamps::edit(slot, later(6), |t| t.due = day(3));
    b.log_activity(activity("a2", "c1", d0(), Some((11, 0))))
        .unwrap();
    let ab = merge(&a, &b);
    let ba = merge(&b, &a).workspace;
    let t1 = ab.workspace.task(&id("t1")).unwrap();
    assert!(!t1.is_open(), "the completion on one side stays");
    assert_eq!(t1.due, day(3), "the new date on the other side stays");
    assert!(ab.report.conflicts.is_empty());
    let mut logged: Vec<&str> = ab
        .workspace
        .activities
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    logged.sort_unstable();
    assert_eq!(logged, ["a1", "a2"]);
    assert_eq!(ba.task(&id("t1")), ab.workspace.task(&id("t1")));
    assert_eq!(merge(&ab.workspace, &ab.workspace).workspace, ab.workspace);

    // A client removed on one side takes its tasks and activities along in the merge too.
    let mut gone = ab.workspace.clone();
    gone.remove_client(&id("c1"), later(10)).unwrap();
    assert!(gone.tasks.is_empty() && gone.activities.is_empty());
    let back = merge(&ab.workspace, &gone).workspace;
    assert!(back.tasks.is_empty() && back.activities.is_empty());
    assert!(back.integrity_problems().is_empty());
}

#[test]
fn removing_a_deal_drops_its_tasks_and_keeps_the_clients_activities() {
    let mut ws = small_workspace();
    let mut t = task("t1", "ivan", d0());
    t.deal_id = Some(id("d1"));
    ws.add_task(t).unwrap();
    let mut a = activity("a1", "c1", d0(), None);
    a.deal_id = Some(id("d1"));
    ws.log_activity(a).unwrap();
    ws.remove_deal(&id("d1"), later(1)).unwrap();
    assert!(ws.tasks.is_empty());
    assert_eq!(ws.activities.len(), 1);
    assert!(ws.integrity_problems().is_empty());
    assert!(ws.removed.iter().any(|r| r.id == id("t1")));
}

#[test]
fn the_timeline_lists_everything_about_the_client_newest_first() {
    let mut ws = catalogue_workspace();
    ws.orders.push(order_on("o1", "c1", 5_000, day(-3)));
    ws.log_activity(activity("a-old", "c1", day(-3), Some((9, 30))))
        .unwrap();
    ws.log_activity(activity("a-new", "c1", d0(), Some((8, 0))))
        .unwrap();
    ws.log_activity(activity("a-other", "c2", d0(), None))
        .unwrap();
    ws.assessments
        .push(assessment("as1", "d1", [3, 3, 3, 3], 60));
    // Moscow: t0 (09:00 UTC) is 12:00 local, after the call logged at 08:00.
    let msk = FixedOffset::east_opt(3 * 3600).unwrap();
    let line = timeline(&ws, &id("c1"), msk);
    let ids: Vec<String> = line
        .iter()
        .map(|e| match e.event {
            TimelineEvent::Activity(a) => a.id.to_string(),
            TimelineEvent::StageChange(s, _) => s.id.to_string(),
            TimelineEvent::Order(o) => o.id.to_string(),
            TimelineEvent::Transfer(t) => t.id.to_string(),
            TimelineEvent::Assessment(a, _) => a.id.to_string(),
        })
        .collect();
    assert_eq!(
        ids,
        ["as1", "d3-created", "d1-created", "a-new", "a-old", "o1"]
    );
    assert_eq!(line[0].time, NaiveTime::from_hms_opt(13, 0, 0));
    // In Vladivostok the same instants are 19:00 and 20:00 of the same local day.
    let vvo = FixedOffset::east_opt(10 * 3600).unwrap();
    let far = timeline(&ws, &id("c1"), vvo);
    assert_eq!(
        (far[0].date, far[0].time),
        (d0(), NaiveTime::from_hms_opt(20, 0, 0))
    );
    assert!(timeline(&ws, &id("c3"), msk).is_empty());
}

#[test]
fn empty_lists_are_not_written_and_older_data_reads() {
    let ws = small_workspace();
    let json = serde_json::to_string(&ws).unwrap();
    assert!(!json.contains("\"tasks\"") && !json.contains("\"activities\""));
    let back: Workspace = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ws);
}
