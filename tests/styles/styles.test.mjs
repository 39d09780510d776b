// The stylesheets: collected from their folders with no hand-kept list (scripts/styles.mjs, run
// by Trunk before every build), and named by component: every class a component's CSS or markup
// names starts with its folder's name, or is shared (style/), or is another component's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import {
  BUNDLE, bundle, checkClassNames, cssClasses, rustClasses, styleFiles, writeBundle,
} from '../../scripts/styles.mjs';

const ROOT = process.cwd();

/** A throwaway source tree with the given files. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'salesdesk-styles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const BASE = {
  'style/base.css': ':root { --gap: 16px; }\n.panel { padding: var(--gap); }\n',
  'style/forms.css': '.field { display: flex; }\n.field.grow { flex: 1; }\n',
  'src/ui/shell/shell.css': '.shell-topbar { color: #fff; }\n',
  'src/ui/shell/header.rs': 'view! { <header class="shell-topbar"></header> }\n',
  'src/ui/welcome/welcome.css': '.welcome { margin: 0; }\n',
  'src/ui/board/board.css': '.board { display: grid; }\n.board-card { padding: .5rem; }\n',
  'src/ui/client_card/client_card.css': '.client-card { max-width: 980px; }\n',
  'shell/shell.css': '.sh-bar { height: 40px; }\n#boot .shell-topbar { opacity: .5; }\n',
  'shell/shell.html': '<div class="sh-bar"></div><header class="shell-topbar"></header>\n',
};

test('the app follows the naming rule', () => {
  assert.deepEqual(checkClassNames(ROOT), []);
});

test('index.html links one stylesheet, the collected one', () => {
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<link[^>]*rel="css"[^>]*>/g)].map(([tag]) => tag);
  assert.deepEqual(links, [`<link data-trunk rel="css" href="${BUNDLE}">`]);
  const trunk = readFileSync(join(ROOT, 'Trunk.toml'), 'utf8');
  assert.match(trunk, /stage = "pre_build"\s+command = "node"\s+command_arguments = \["scripts\/styles\.mjs"\]/);
});

test('every stylesheet of the app is collected: style/, the first paint\'s folders, then the rest by name', () => {
  const { critical, rest } = styleFiles(ROOT);
  assert.deepEqual(critical.slice(0, 2), ['style/base.css', 'style/forms.css']);
  assert.ok(critical.includes('src/ui/shell/shell.css') && critical.includes('src/ui/welcome/welcome.css'));
  assert.ok(rest.includes('src/ui/board/board.css') && !rest.includes('src/ui/shell/shell.css'));
  assert.deepEqual(rest, [...rest].sort());
});

test('a new component\'s stylesheet is picked up with no edit anywhere else, in a stable order', () => {
  const root = tree({ ...BASE, 'src/ui/agenda/agenda.css': '.agenda { gap: 4px; }\n', 'src/ui/agenda/parts/agenda-day.css': '.agenda-day { gap: 2px; }\n' });
  try {
    assert.deepEqual(styleFiles(root), {
      critical: ['style/base.css', 'style/forms.css', 'src/ui/shell/shell.css', 'src/ui/welcome/welcome.css'],
      rest: ['src/ui/agenda/agenda.css', 'src/ui/agenda/parts/agenda-day.css', 'src/ui/board/board.css', 'src/ui/client_card/client_card.css'],
    });
    const text = bundle(root);
    assert.ok(text.indexOf('.shell-topbar') < text.indexOf('.agenda {') && text.indexOf('.agenda-day') < text.indexOf('.board {'));
    assert.equal(writeBundle(root), true, 'the first run writes the file');
    assert.equal(writeBundle(root), false, 'an unchanged tree leaves it untouched');
    assert.equal(readFileSync(join(root, BUNDLE), 'utf8'), text);
    assert.deepEqual(checkClassNames(root), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a stylesheet directly in src/ui/ (no component folder) is refused', () => {
  const root = tree({ ...BASE, 'src/ui/loose.css': '.loose {}\n' });
  try {
    assert.throws(() => styleFiles(root), /src\/ui\/loose\.css: a stylesheet belongs in style\/ \(shared\) or in a component's folder/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the check names every class without its component\'s prefix, in CSS and in markup', () => {
  const root = tree({
    ...BASE,
    // Unprefixed; a modifier too; another component's prefix that its CSS does not define.
    'src/ui/board/board.css': '.board { display: grid; }\n.board-card.dragging { opacity: .9; }\n.column { padding: 0; }\n',
    'src/ui/client_card/client_card.css': '.client-card .board-card { margin: 0; }\n.client-card .board-lane { margin: 0; }\n@media (max-width: 640px) { .crumbs { margin: 0; } }\n',
    'src/ui/client_card/mod.rs': 'view! { <p class="client-card-title field grow" class:active=on></p><p class="status-{}"></p> }\n',
    'src/ui/welcome/mod.rs': 'body.class_list().add_1("dragging");\n',
    'shell/shell.html': '<div class="sh-bar boot-shell"></div>\n',
  });
  try {
    assert.deepEqual(checkClassNames(root), [
      'src/ui/board/board.css: class "column" should start with "board-"',
      'src/ui/board/board.css: class "dragging" should start with "board-"',
      'src/ui/client_card/client_card.css: class "board-lane" looks like src/ui/board/\'s, but its CSS does not define it',
      'src/ui/client_card/client_card.css: class "crumbs" should start with "client-card-"',
      'src/ui/client_card/mod.rs: class "active" should start with "client-card-"',
      'src/ui/welcome/mod.rs: class "dragging" should start with "welcome-"',
      'shell/shell.html: class "boot-shell" should start with "sh-"',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('class names are read from selectors only, not from declarations, comments or strings', () => {
  const css = `/* .not-this */
    @media (max-width: 640px) { .a, .b > .c:hover { opacity: .5; } }
    @keyframes spin { from { opacity: .1; } to { opacity: 1; } }
    .d[data-x=".e"]::before { content: ".f"; }
    @supports (display: grid) { .g .h { display: grid; } }`;
  assert.deepEqual([...cssClasses(css)].sort(), ['a', 'b', 'c', 'd', 'g', 'h']);
  assert.deepEqual([...rustClasses('<a class="x y" class:z=on></a> class=format!("v v-{}", k) b.class_list().remove_1("w")')].sort(),
    ['v', 'w', 'x', 'y', 'z']);
});
