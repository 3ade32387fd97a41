// node bundle_files.mjs ROOT OUT.bin: the language packs (languages/*.toml) and the library
// written in the language (stdlib/**/*.py) as one file the page fetches: a little-endian
// 32-bit length, that many bytes of JSON listing [path, byte length] pairs, then each file's
// bytes in that order. The worker puts each file in the module's file system as a view of the
// fetched buffer (web/playground/engine.mjs): nothing to parse or re-encode at start-up.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [root, out] = process.argv.slice(2);
const index = [], bodies = [];
function add(dir, keep) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) add(full, keep);
    else if (keep(name)) {
      const bytes = readFileSync(full);
      index.push([relative(root, full), bytes.length]);
      bodies.push(bytes);
    }
  }
}
add(join(root, 'languages'), (n) => n.endsWith('.toml'));
add(join(root, 'stdlib'), (n) => n.endsWith('.py'));
const head = Buffer.from(JSON.stringify(index));
const size = Buffer.alloc(4);
size.writeUInt32LE(head.length);
writeFileSync(out, Buffer.concat([size, head, ...bodies]));
