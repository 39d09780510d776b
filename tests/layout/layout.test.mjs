// The house rules, checked on the source as it is (run: node --test tests/layout/):
//  - no cycles: between the files of src/, and between the children of every folder (a folder
//    counts as one module: src/domain/merge/ is one child of src/domain/);
//  - no source file of 450 lines or more (tests included);
//  - only src/ui/persist/ names the storage boundary, the stored codec or the packed form;
//  - the pure core imports nothing of the browser: only src/ui/, src/storage/browser.rs,
//    src/main.rs and src/bin/ may name leptos, web_sys, js_sys or wasm_bindgen.
// Imports are read from `use` trees (braces expanded) and from paths written inline
// (`crate::domain::stamps::edit(…)`); code under `#[cfg(test)] mod … { }` is left out, since a
// test may use what it tests. It prints the module list with line counts and the edges it found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const SRC = join(ROOT, 'src');
const MAX_LINES = 450;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.rs') ? [path] : [];
  });
}

const files = walk(SRC).map((path) => relative(SRC, path).split(sep).join('/')).sort();
const isTestFile = (f) => /(^|\/)tests(\.rs|\/)/.test(f) || f.endsWith('_tests.rs');
const isProgram = (f) => f === 'main.rs' || f.startsWith('bin/');

/** The module path of a file: `domain/merge/mod.rs` → ['domain', 'merge']. */
function modulePath(file) {
  const parts = file.replace(/\.rs$/, '').split('/');
  if (parts.at(-1) === 'mod' || parts.at(-1) === 'lib') parts.pop();
  return parts;
}
const byModule = new Map(files.filter((f) => !isProgram(f)).map((f) => [modulePath(f).join('::'), f]));

/** Removes comments, strings and `#[cfg(test)] mod x { … }` blocks. */
function code(text) {
  let out = text
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/r#"[\s\S]*?"#/g, '""')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (;;) {
    const m = /#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{/.exec(out);
    if (!m) return out;
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < out.length; end++) {
      if (out[end] === '{') depth++;
      if (out[end] === '}' && --depth === 0) break;
    }
    out = out.slice(0, m.index) + out.slice(end + 1);
  }
}

/** Expands a `use` tree into whole paths: `a::{b, c::{d, e}}` → a::b, a::c::d, a::c::e. */
function expand(tree) {
  tree = tree.replace(/\s+/g, '');
  const brace = tree.indexOf('{');
  if (brace < 0) return [tree.replace(/ as \w+$/, '')];
  const prefix = tree.slice(0, brace);
  const inner = tree.slice(brace + 1, tree.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const ch = inner[i];
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if ((ch === ',' && depth === 0) || i === inner.length) {
      if (inner.slice(start, i)) parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  return parts.flatMap((p) => expand(p === 'self' ? prefix.replace(/::$/, '') : prefix + p));
}

/** The file a path names, the deepest module that is a file; null outside the crate. */
function resolve(fromFile, path) {
  let segs = path.split('::').filter(Boolean);
  const here = modulePath(fromFile);
  if (segs[0] === 'crate' || segs[0] === 'salesdesk') segs = segs.slice(1);
  else if (segs[0] === 'super' || segs[0] === 'self') {
    // A file's `super` is its parent module; `mod.rs`'s module is the folder itself.
    let base = [...here];
    while (segs[0] === 'super' || segs[0] === 'self') {
      if (segs.shift() === 'super') base = base.slice(0, -1);
    }
    segs = [...base, ...segs];
  } else return null;
  for (let n = segs.length; n > 0; n--) {
    const file = byModule.get(segs.slice(0, n).join('::'));
    if (file) return file;
  }
  return null;
}

function importsOf(file) {
  const text = code(readFileSync(join(SRC, file), 'utf8'));
  const paths = [];
  for (const m of text.matchAll(/\buse\s+([^;]+);/g)) paths.push(...expand(m[1]));
  for (const m of text.matchAll(/\b(?:crate|super)(?:::\w+)+/g)) paths.push(m[0]);
  const targets = new Set(paths.map((p) => resolve(file, p)).filter((t) => t && t !== file));
  return [...targets];
}

const source = files.filter((f) => !isTestFile(f) && !isProgram(f));
const edges = new Map(source.map((f) => [f, importsOf(f).filter((t) => !isTestFile(t))]));

/** Strongly connected components of more than one node (Tarjan). */
function cycles(nodes, next) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of next(v)) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) {
        info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
      }
    }
    if (info.get(v).low === info.get(v).index) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of nodes) if (!info.has(v)) visit(v);
  return found;
}

test('no two files import each other, directly or round a circle', () => {
  const found = cycles(source, (f) => edges.get(f) ?? []);
  assert.deepEqual(found, [], `file cycles:\n${found.map((c) => c.join(' → ')).join('\n')}`);
});

test('no two modules of one folder import each other', () => {
  // The child of `folder` a file belongs to: src/domain/merge/fields.rs → domain/merge under domain.
  const childOf = (folder, file) => {
    const prefix = folder ? `${folder}/` : '';
    if (!file.startsWith(prefix)) return null;
    const rest = file.slice(prefix.length);
    const head = rest.split('/')[0];
    return head === 'mod.rs' || head === 'lib.rs' ? null : prefix + head.replace(/\.rs$/, '');
  };
  const folders = ['', ...new Set(source.map((f) => f.split('/').slice(0, -1).join('/')).filter(Boolean))];
  const report = [];
  for (const folder of folders) {
    const graph = new Map();
    for (const [from, targets] of edges) {
      const a = childOf(folder, from);
      if (!a) continue;
      for (const to of targets) {
        const b = childOf(folder, to);
        if (b && b !== a) graph.set(a, new Set([...(graph.get(a) ?? []), b]));
      }
    }
    for (const c of cycles([...graph.keys()], (n) => graph.get(n) ?? [])) {
      report.push(`${folder || 'src'}: ${c.join(' ↔ ')}`);
    }
  }
  assert.deepEqual(report, [], `module cycles:\n${report.join('\n')}`);
});

test(`every source file is under ${MAX_LINES} lines`, () => {
  const counts = files.map((f) => [f, readFileSync(join(SRC, f), 'utf8').split('\n').length - 1]);
  const modules = new Map();
  for (const [f, n] of counts) {
    const mod = f.includes('/') ? f.split('/').slice(0, -1).join('/') : f;
    modules.set(mod, (modules.get(mod) ?? 0) + n);
  }
  const largest = [...counts].sort((a, b) => b[1] - a[1])[0];
  console.log(`modules (lines): ${[...modules].map(([m, n]) => `${m} ${n}`).join(', ')}`);
  console.log(`largest file: ${largest[0]} (${largest[1]} lines)`);
  const long = counts.filter(([, n]) => n >= MAX_LINES);
  assert.deepEqual(long, [], `files of ${MAX_LINES} lines or more`);
});

test('the pure core names nothing of the browser', () => {
  const browser = (f) => f.startsWith('ui/') || f === 'storage/browser.rs' || isProgram(f);
  const offenders = files
    .filter((f) => !browser(f))
    .filter((f) => /\b(leptos|web_sys|js_sys|wasm_bindgen)::/.test(code(readFileSync(join(SRC, f), 'utf8'))));
  assert.deepEqual(offenders, []);
});

test('only the persistence module of the UI reads or writes storage', () => {
  const offenders = files
    .filter((f) => f.startsWith('ui/') && !f.startsWith('ui/persist/'))
    .filter((f) => /\b(storage::(browser|codec)|format::packed)\b/.test(code(readFileSync(join(SRC, f), 'utf8'))));
  assert.deepEqual(offenders, []);
});
