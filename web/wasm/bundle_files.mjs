// node bundle_files.mjs ROOT OUT.json: the language packs (languages/*.toml) and the library
// written in the language (stdlib/**/*.py) as one JSON object, path -> text, for the page.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [root, out] = process.argv.slice(2);
const files = {};
function add(dir, keep) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) add(full, keep);
    else if (keep(name)) files[relative(root, full)] = readFileSync(full, 'utf8');
  }
}
add(join(root, 'languages'), (n) => n.endsWith('.toml'));
add(join(root, 'stdlib'), (n) => n.endsWith('.py'));
writeFileSync(out, JSON.stringify(files));
