// The release build's first paint, used by scripts/post-build.mjs on Trunk's staged index.html:
//  - the static shell (shell/shell.html) in place of <div id="boot">, its words in Russian and
//    English from the app's own translation tables (src/i18n/*table.rs) and shell/texts.json;
//  - one small critical <style> block (style/, the top bar, the welcome screen and the shell) and
//    every other style in one app-<hash>.css that the loader adds without blocking the first paint
//    (which files are which: scripts/styles.mjs, by folder);
//  - a preload hint for the wasm and a modulepreload for its JS glue, the glue minified;
//  - the loader (shell/loader.js) as the page's one inline script, in place of Trunk's.
// It returns the page and the hashes the Content-Security-Policy must allow.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, unlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { styleFiles, SHELL_CSS } from './styles.mjs';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('base64');
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every `Key => "ru", "en";` of a texts! table. */
function readTable(path) {
  const table = new Map();
  const literal = '"((?:[^"\\\\]|\\\\.)*)"';
  const entry = new RegExp(`^\\s*(\\w+)\\s*=>\\s*${literal}\\s*,\\s*${literal}\\s*;`, 'gm');
  const unescape = (s) => JSON.parse(`"${s}"`);
  for (const [, key, ru, en] of readFileSync(path, 'utf8').matchAll(entry)) table.set(key, [unescape(ru), unescape(en)]);
  return table;
}

export function loadTexts(source) {
  const shell = JSON.parse(readFileSync(join(source, 'shell/texts.json'), 'utf8'));
  delete shell._;
  return {
    '': readTable(join(source, 'src/i18n/table.rs')),
    Snapshot: readTable(join(source, 'src/i18n/snapshot_table.rs')),
    Sales: readTable(join(source, 'src/i18n/sales_table.rs')),
    Dash: readTable(join(source, 'src/i18n/dash_table.rs')),
    Task: readTable(join(source, 'src/i18n/task_table.rs')),
    Shell: new Map(Object.entries(shell)),
  };
}

/** The shell's markup with every placeholder replaced. */
export function renderShell(source, texts = loadTexts(source)) {
  const lookup = (name) => {
    const [table, key] = name.includes('.') ? name.split('.') : ['', name];
    const pair = texts[table]?.get(key);
    if (!pair) throw new Error(`shell/shell.html: no text ${name} in the translation tables`);
    return pair;
  };
  const template = readFileSync(join(source, 'shell/shell.html'), 'utf8').replace(/^<!--[\s\S]*?-->\s*/, '');
  return template
    .replace(/\{\{attr:([\w-]+):([\w.]+)\}\}/g, (_, attr, name) => {
      const [ru, en] = lookup(name).map(escapeHtml);
      return `${attr}="${ru}" data-ru-${attr}="${ru}" data-en-${attr}="${en}"`;
    })
    .replace(/\{\{([\w.]+)\}\}/g, (_, name) => {
      const [ru, en] = lookup(name).map(escapeHtml);
      return `<span class="sh-ru">${ru}</span><span class="sh-en" lang="en">${en}</span>`;
    })
    .trim();
}

async function minify(code, loader) {
  const out = await transform(code, { loader, minify: true, legalComments: 'none', charset: 'utf8' });
  return out.code.trim();
}

export async function firstPaint({ stage, source, html }) {
  // Trunk's loader names the glue and the wasm; it is replaced by ours below.
  const trunkScript = html.match(/<script type="module">\s*import init[^]*?from '([^']+\.js)';[^]*?module_or_path: '([^']+\.wasm)'[^]*?<\/script>/);
  if (!trunkScript) throw new Error('Trunk\'s inline loader script was not found in index.html');
  const [, js, wasm] = trunkScript;
  html = html.replace(trunkScript[0], '');
  // Trunk's own preload links (with SRI of the unminified glue) make way for ours.
  html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>\s*/g, '');

  // Styles: Trunk's link (the stylesheet scripts/styles.mjs collected) makes way for the same
  // files split by folder: style/ and the first paint's components (plus the shell's own CSS)
  // inlined, every other component in one file.
  const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*>\s*/g)];
  if (!links.length) throw new Error('expected Trunk\'s stylesheet link in index.html');
  for (const [tag, href] of links) {
    html = html.replace(tag, () => '');
    unlinkSync(join(stage, href));
  }
  const parts = styleFiles(source);
  const read = (files) => files.map((f) => readFileSync(join(source, f), 'utf8')).join('\n');
  const rest = await minify(read(parts.rest), 'css');
  const cssName = `app-${createHash('sha256').update(rest).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(stage, cssName), rest);
  const critical = await minify(read([...parts.critical, SHELL_CSS]), 'css');

  // The JS glue, minified in place (its name already changes with its content).
  const gluePath = join(stage, js);
  writeFileSync(gluePath, await minify(readFileSync(gluePath, 'utf8'), 'js'));

  const loader = await minify(readFileSync(join(source, 'shell/loader.js'), 'utf8')
    .replace('__JS__', js).replace('__WASM__', wasm).replace('__CSS__', `./${cssName}`)
    .replace('__WASM_SIZE__', String(statSync(join(stage, wasm)).size)), 'js');

  const head = [
    `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin fetchpriority="high">`,
    `<link rel="modulepreload" href="${js}">`,
    `<style>${critical}</style>`,
    `<script>${loader}</script>`,
  ].join('\n    ');
  html = html.replace('</title>', () => `</title>\n    ${head}`);

  const shell = renderShell(source);
  const boot = /<div id="boot"[^>]*>[^<]*<\/div>\s*<noscript>[^]*?<\/noscript>/;
  if (!boot.test(html)) throw new Error('index.html: <div id="boot"> and its <noscript> were not found');
  html = html.replace(boot, () => shell);
  return {
    html,
    scriptHash: sha256(loader),
    styleHash: sha256(critical),
    sizes: { critical: critical.length, rest: rest.length, loader: loader.length, shell: shell.length },
  };
}
