// Exported snapshots validate against docs/snapshot.schema.json (JSON Schema 2020-12, Ajv).
// The samples come from the Rust exporter itself: `bench_snapshot --write-samples` writes the
// demo workspace and a synthetic one with orders and transfers. Run after `cargo test` (which
// builds the binary): node --test tests/schema/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = new URL("../../", import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, "docs/snapshot.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const dir = mkdtempSync(join(tmpdir(), "salesdesk-snapshots-"));
execFileSync(
  "cargo",
  ["run", "--quiet", "--offline", "--features", "testkit", "--bin", "bench_snapshot", "--", "--write-samples", dir],
  { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
);
const sample = (name) => JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));

function assertValid(doc, label) {
  const ok = validate(doc);
  assert.ok(ok, `${label}: ${ajv.errorsText(validate.errors, { separator: "\n" })}`);
}

test("the demo workspace's snapshot matches the schema", () => {
  const doc = sample("demo");
  assert.ok(doc.workspace.assessments.length > 0);
  assertValid(doc, "demo");
});

test("a synthetic snapshot with orders and transfers matches the schema", () => {
  const doc = sample("synthetic");
  assert.ok(doc.workspace.orders.length >= 3000);
  assert.ok(doc.workspace.transfers.length >= 10);
  // Tasks (open, done, on a deal, timed, one made by «Что дальше?») and activities.
  assert.ok(doc.workspace.tasks.length >= 6 && doc.workspace.tasks.some((t) => t.done && t.done.at));
  assert.ok(doc.workspace.activities.length >= 6);
  assertValid(doc, "synthetic");
});

test("a snapshot whose rule has every kind of condition matches the schema", () => {
  const doc = sample("every-condition");
  const kinds = new Set(doc.workspace.transfer_policy.rule.conditions.map((c) => c.kind));
  assert.ok(kinds.has("minimum_order"));
  assert.equal(kinds.size, doc.workspace.transfer_policy.rule.conditions.length);
  assert.ok(doc.workspace.transfers.length >= 10);
  // Every transfer records every condition's figures, the new kind among them.
  for (const t of doc.workspace.transfers) {
    assert.deepEqual(t.outcomes.map((o) => o.kind), doc.workspace.transfer_policy.rule.conditions.map((c) => c.kind));
  }
  assertValid(doc, "every-condition");
  // A minimum-order condition without a window or with a zero amount is refused.
  const broken = structuredClone(doc);
  broken.workspace.transfer_policy.rule.conditions.find((c) => c.kind === "minimum_order").at_least = 0;
  assert.equal(validate(broken), false);
});

test("the version 5 fixture (field stamps, closed deals, stage history, pipeline settings) matches the schema", () => {
  const doc = JSON.parse(readFileSync(join(root, "tests/fixtures/snapshot-v5.json"), "utf8"));
  assert.ok(doc.workspace.deals.some((d) => d.closed?.outcome === "lost"));
  assert.ok(doc.workspace.stage_history.some((e) => e.kind === "reopened"));
  assert.ok(doc.workspace.pipeline_settings.stage_limits.length > 0);
  assertValid(doc, "snapshot-v5.json");
});

test("the version 6 fixture (what this build exports for the version 5 history) matches the schema", () => {
  const doc = JSON.parse(readFileSync(join(root, "tests/fixtures/snapshot-v6.json"), "utf8"));
  assert.equal(doc.version, 6);
  assertValid(doc, "snapshot-v6.json");
});

test("the schema refuses what the format forbids", () => {
  const base = sample("synthetic");
  const broken = [
    ["a fractional amount", (d) => { d.workspace.orders[0].lines[0].amount = 1.5; }],
    ["a zero line amount", (d) => { d.workspace.orders[0].lines[0].amount = 0; }],
    ["a negative deal amount", (d) => { d.workspace.deals[0].amount = -1; }],
    ["an amount above the maximum", (d) => { d.workspace.deals[0].amount = 100_000_000_000_001; }],
    ["a date in DD.MM.YYYY", (d) => { d.workspace.orders[0].date = "10.03.2026"; }],
    ["an unknown status", (d) => { d.workspace.clients[0].status = "vip"; }],
    ["an unknown role", (d) => { d.workspace.members[0].job_title = "ceo"; }],
    ["an unknown condition kind", (d) => { d.workspace.transfer_policy.rule.conditions[0].kind = "luck"; }],
    ["column-wise orders", (d) => { d.workspace.order_book = {}; }],
    ["a newer version", (d) => { d.version = 7; }],
    ["a lost deal without a reason", (d) => { d.workspace.deals[0].closed = { outcome: "lost", reason: {}, at: "2026-03-10T12:00:00Z" }; }],
    ["an unknown kind of stage change", (d) => { d.workspace.stage_history[0].kind = "teleported"; }],
    ["a stage limit of zero days", (d) => { d.workspace.pipeline_settings.stage_limits = [{ stage_id: "stage-lead", days: 0 }]; }],
    ["a field stamp that is not a pair", (d) => { d.workspace.clients[0].stamps = { fields: { notes: { at: "2026-01-01T00:00:00Z" } } }; }],
    ["a missing client id", (d) => { delete d.workspace.clients[0].id; }],
    ["an order without lines", (d) => { d.workspace.orders[0].lines = []; }],
    ["a КПП of 5 digits", (d) => { d.workspace.clients[0].kpp = "77360"; }],
    ["a КПП with lower-case letters", (d) => { d.workspace.clients[0].kpp = "7736ab001"; }],
    ["a quantity of zero", (d) => { d.workspace.orders[0].lines[0].quantity_thousandths = 0; }],
    ["a fractional quantity", (d) => { d.workspace.orders[0].lines[0].quantity_thousandths = 1.5; }],
  ];
  for (const [what, edit] of broken) {
    const doc = structuredClone(base);
    edit(doc);
    assert.equal(validate(doc), false, `${what} should be refused`);
  }
});

test("the director's plans, stage probabilities and ABC shares match the schema; a bad plan does not", () => {
  const doc = sample("demo");
  assert.ok(doc.workspace.sales_plans.length > 0, "the demo has plans");
  assert.ok(doc.workspace.deals.some((d) => d.closed?.outcome === "lost"), "and lost deals");
  const set = structuredClone(doc);
  set.workspace.pipeline_settings.stage_probabilities = [{ stage_id: "stage-lead", percent: 15 }];
  set.workspace.pipeline_settings.abc_shares = { a: 70, b: 20, c: 10 };
  assertValid(set, "settings");
  const broken = structuredClone(doc);
  broken.workspace.sales_plans[0].month = "2026-13";
  assert.equal(validate(broken), false);
  const negative = structuredClone(doc);
  negative.workspace.sales_plans[0].target = -1;
  assert.equal(validate(negative), false);
});

test("a КПП and an exact quantity match the schema", () => {
  const doc = sample("synthetic");
  doc.workspace.clients[0].kpp = "773601001";
  doc.workspace.clients[1].kpp = "7736AB001";
  doc.workspace.orders[0].lines[0].quantity_thousandths = 1234500;
  assertValid(doc, "synthetic with kpp and quantity");
});
