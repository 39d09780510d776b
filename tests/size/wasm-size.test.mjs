// The release wasm's size budget: reads the built dist/*_bg.wasm (run after
// `trunk build --release`), gzips it at level 9 and fails when it grows past BUDGET_GZIP_BYTES.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

// A ratchet, not the target: what this test measured for the current release build, rounded up
// to the next 10 000 B (Node's zlib, level 9: 662 743 B with one deserializer path, 673 562 B with
// Leptos's erased mode alone, 780 619 B before it; GNU `gzip -9` gives about 6–9 KB less). Lower
// it whenever a step shrinks the wasm; never raise it without a reason in the commit message.
// Issue 14's target is 350 000 B gzipped (aim 250 000 B).
// Raised by 54 881 B for issue 12's closed deals and stage history (base 63450dd measured
// 656 414 B, with them 711 295 B): the new records' reading, checks, merge and migration, and
// the closing dialog, board cards, timeline and pipeline settings. Then by 1 294 B to 726 175 B
// measured after merging it with the stored pieces, the stepped export and the stacked tables
// (+5 618 B on their own, 662 743 -> 668 361 B).
// Then for issue 13's dashboard («Обзор») by exactly what it adds: +44 535 B (670 668 ->
// 715 203 B measured on its own branch; GNU `gzip -9` +44 539 B; raw +115 418 B), and 1 019 B
// more measured after the merge: 771 729 B; +98 B for data-labels on «Обзор»'s tables: 771 827 B.
// Then for issue 15's table import (core, csv, the xlsx reader, the screen) by what it adds,
// measured after merging it: +71 393 B to 843 220 B (on its own base 662 871 -> 734 629 B).
// Then for issue 12's role homes («Мои клиенты», the home choice, the top bar's search) by
// what they add: +18 325 B on their own branch (726 175 -> 744 500 B); merged: 861 312 B.
// Then for session 6's seven branches, each measured on its own against main b173a03 (861 312 B):
// issue 12's tasks and activities («Мои дела», the completion prompt, suggested calls, the client
// timeline) +55 052 B; issue 12's playbook (editable stages, checklists and their gate, the phone
// board's tabs, the folding client card) +47 305 B; issue 13's plans (funnel, plan / fact,
// forecast, sleeping / lost by month, the plan grid) +42 738 B; issue 13's «Что изменилось»
// +22 510 B; issue 15's export to Excel and CSV (own sheet writer on miniz_oxide; rust_xlsxwriter
// measured +216 159 B alone) +19 594 B; issue 15's import in slices, the storage fit, КПП and
// quantities +10 635 B; issue 16's sync core +282 B. Together +198 116 B; merged with the
// version 6 migration: 1 058 157 B (raw 2 835 936 B). Issue 14's size target is now 3.0x away.
// Then +7 089 B for issue 15's finish (the write and the undo in steps, «Обзор»'s two exports
// with a Decimal cell): main's build 1 057 662 B -> 1 064 751 B on branch import-finish.
// Then by exactly +5 733 B for issue 13's dashboard speed (the orders index and the grouped stage
// histories kept beside the old scans' public entry points, «Обзор» drawn in steps, the deleted
// records in «Что изменилось» and its paged tables): main be277b0 measured 1 057 662 B, the
// branch 1 063 395 B.
// Then for issue 16's live sync in the app (the engine and its fetch driver now reached from the
// UI, login, rounds, the top bar's status, «Настройки» → «Синхронизация»): +51 658 B measured on
// branch sync-live against its base be277b0 (1 057 662 -> 1 109 320 B; raw 2 835 003 ->
// 2 973 525 B), after reading and writing JSON through the existing text serializer and the
// restore path's reader instead of serde_json's Value (+106 094 B with to_value/from_value).
// Session 7, restore-steps (a snapshot file restored in slices with a progress bar, read as
// bytes, a progress bar whose «Отмена» stays put): +7 794 B against that budget (1 065 951 B,
// raw 2 853 177 B).
// Merged on 2026-11-30 with issue 16's sync in the app (+51 658 B) and issue 14's snapshot read in
// steps (+7 794 B): the merged build measured 1 129 216 B (raw 3 019 702 B); the budget is that.
// Then +776 B for sync polls that only pull (SyncRound::pull_only): 1 129 992 B, raw 3 021 543 B.
// Then +16 575 B for sync-roles (forms read-only by the server's rules with `may_write`, «кто вы»
// from the session, errors by HTTP status, the sync state in IndexedDB in a compact form — the
// Idb* bindings and the codec): 1 129 992 -> 1 146 567 B, raw 3 021 543 -> 3 067 149 B.
// Then +14 473 B for sync at team scale (issue 16: the incremental cut LocalCut — typed
// comparison and cutting per record kind —, the round's progress and its pause between merging
// and pushing, the live-workspace runner): 1 144 465 B, raw 3 074 160 B.
// Session 8, preview-slices (the import preview in slices: MergeSteps, the report counted in
// steps, ImportPreviewSteps, the refusal of a stale preview): +12 658 B against that budget,
// measured 1 142 650 B (raw 3 049 950 B).
// Merged on 2026-11-30 (session 8): sync-roles + sync-scale + preview-slices measured together
// 1 171 600 B gzipped (raw 3 147 671 B), 2 098 B under the sum of the three raises; the budget is that.
// sync-gates (session 9): a deal on the client card by its own owner, the board's locked cards,
// import for the director only with sync on: 1 171 600 → 1 174 980 B measured (+3 380 B).
// Then cold-fast (inflate at opt-level 3, the Latin-1 text read byte by byte): 457 B smaller
// gzipped, 1 171 143 B (raw 3 148 468 B, 797 B larger).
// sync-apply (session 9): pulled documents merged by id (merge_into, its per-list merge for the
// 13 record lists) and read in slices (ApplySteps): 1 181 816 B gzipped (raw 3 183 776 B),
// +10 216 B over main's 1 171 600 B (raw 3 147 671 B) measured on the same machine.
// table-gates (session 9): a hunter's table import leaves out the rows the server would refuse,
// with the reasons in words: int at 5fb04ed 1 181 635 → 1 189 298 B measured (+7 663 B).
// The lead's sync work (session 9): a hand-over or deletion cuts only the records it reaches
// (sync/changes.rs, a deletion followed in place per list), a page's first cut in slices
// (sync/first_cut.rs), the sync state encoded in steps (StateEncoder): +6 655 B on sync-gates.
// Merged on 2026-11-30 (session 9): all of the above measured together 1 198 997 B gzipped
// (raw 3 234 780 B), +27 397 B over the session's start (1 171 600 B); the budget is that.
// Session 10, the cold load: restore::strict_text reads sound stored data straight from the text
// into its types (a second serde path beside the strict one over the JSON tree: every record
// type's reader compiled again), 1 198 997 → 1 250 697 B (+51 700 B, raw +141 652 B), for
// 154 → 97 ms of the start's task in Chromium at 5 000 clients / 100 000 orders. With it: the
// board's first cards 50 → 20 a column and the planned-deals set (no measurable size).
// wasm-size (session 10, issue 14): one stable sort for the app's lists (domain::sort, -27 266 B),
// the unstable sorts of numbers and ids through it (-4 545 B), wasm-opt --low-memory-unused
// (-8 106 B), wasm-opt --one-caller-inline-max-function-size=20 (-16 155 B), the sync state's
// header read with from_str, not serde_json's second reader from_slice (-2 850 B):
// 1 198 997 -> 1 140 075 B gzipped (raw 3 234 780 -> 3 094 240 B).
// other-tab (session 10): another tab's save read and merged in short tasks (StoredSteps,
// UnpackSteps, the order books read record by record, ui/persist/other_tab.rs): main at 8f33dc6
// built on this machine 1 199 023 B (raw 3 234 907 B; 26 B above the budget before), this branch
// 1 203 169 B (raw 3 243 483 B): +4 146 B; the budget is that measure.
// Merged on 2026-12-01 (session 10): the lead's cold-load work, wasm-size and other-tab measured
// together 1 191 833 B gzipped (raw 3 241 185 B): -7 164 B over the session's start.
// The workspace change counter named once (AppState::count_changes): 1 191 744 B (-89 B).
const BUDGET_GZIP_BYTES = 1_191_744;
const TARGET_GZIP_BYTES = 350_000;

const DIST = join(process.cwd(), 'dist');

test('the release wasm stays within its gzip size budget', () => {
  const wasms = readdirSync(DIST).filter((name) => name.endsWith('_bg.wasm'));
  assert.equal(wasms.length, 1, `one *_bg.wasm in dist/ (run trunk build --release), found: ${wasms}`);
  const bytes = readFileSync(join(DIST, wasms[0]));
  const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  console.log(
    `${wasms[0]}: ${bytes.length} B raw, ${gzip} B gzipped (zlib level 9) ` +
      `(budget ${BUDGET_GZIP_BYTES} B, issue 14 target ${TARGET_GZIP_BYTES} B)`,
  );
  assert.ok(
    gzip <= BUDGET_GZIP_BYTES,
    `the wasm is ${gzip} B gzipped, over the ${BUDGET_GZIP_BYTES} B budget`,
  );
});
