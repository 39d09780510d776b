// A worker the loader (shell/loader.js) starts at once: it inflates the stored workspace while
// the page's main thread paints the shell and feeds the wasm to the compiler, so neither waits
// for the other. It gets the stored value as it is and answers with the JSON its pieces inflate
// to (transferred, not copied), or null for anything but the shape this build writes
// (`SDZ2<revision>:<lengths>;<bytes>`: pieces of raw deflate, one byte per character) and for
// any failure; the app then reads the value itself. Nothing here decides what the data means:
// the app restores the JSON through its one path with every check.
onmessage = async ({ data: raw }) => {
  try {
    const semi = raw.indexOf(';');
    const head = semi > 0 && /^SDZ2\d+:([\d,]+)$/.exec(raw.slice(0, semi));
    if (!head || typeof DecompressionStream !== 'function') throw new Error('not this shape');
    const bytes = new Uint8Array(raw.length - semi - 1);
    for (let i = 0; i < bytes.length; i += 1) {
      const code = raw.charCodeAt(semi + 1 + i);
      if (code > 255) throw new Error('not one byte per character');
      bytes[i] = code;
    }
    const lengths = head[1].split(',').map(Number);
    if (lengths.some((n) => !(n > 0)) || lengths.reduce((a, b) => a + b) !== bytes.length) {
      throw new Error('the pieces do not add up');
    }
    let at = 0;
    const parts = await Promise.all(lengths.map((n) => {
      const piece = new Blob([bytes.subarray(at, (at += n))]).stream()
        .pipeThrough(new DecompressionStream('deflate-raw'));
      return new Response(piece).arrayBuffer();
    }));
    const json = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
    let to = 0;
    for (const part of parts) {
      json.set(new Uint8Array(part), to);
      to += part.byteLength;
    }
    postMessage(json, [json.buffer]);
  } catch {
    postMessage(null);
  }
};
