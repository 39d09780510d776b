// Draws the app icon (a white sales funnel on the brand blue) as PNG files for the web app
// manifest, with no image library: raw RGBA rows, zlib-deflated into a minimal PNG.
// Run once when the icon changes: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const BLUE = [0x1f, 0x4e, 0x79, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// The funnel in a 64×64 design grid: a trapezoid from (14,18)-(50,18) narrowing to the spout.
function inFunnel(x, y) {
  if (y >= 18 && y < 32) {
    const half = 18 - ((y - 18) * 10) / 14;
    return Math.abs(x - 32) <= half;
  }
  if (y >= 32 && y < 48) return x >= 28 && x <= 36 - (y - 32) * 0.25;
  return false;
}

function icon(size, maskable) {
  const rows = [];
  const pad = maskable ? 0.1 : 0; // maskable icons keep the motif inside the safe zone
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      const x = ((px + 0.5) / size - pad) / (1 - 2 * pad) * 64;
      const y = ((py + 0.5) / size - pad) / (1 - 2 * pad) * 64;
      row.push(...(inFunnel(x, y) ? WHITE : BLUE));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(`assets/icons/icon-${size}.png`, icon(size, false));
writeFileSync('assets/icons/icon-maskable-512.png', icon(512, true));
console.log('icons written to assets/icons/');
