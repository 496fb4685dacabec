// SPDX-License-Identifier: Apache-2.0
// A CommonJS package as one script for a page, with no bundler: every file it requires
// (found by Node's own resolution) wrapped in a function, and a require() over them.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

export function bundle(entry, global) {
  const modules = new Map(); // absolute path -> [source, {specifier: path}]
  const visit = (file) => {
    if (modules.has(file)) return;
    const source = readFileSync(file, "utf8");
    const deps = {};
    modules.set(file, [source, deps]);
    const req = createRequire(file);
    for (const m of source.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) {
      deps[m[1]] = req.resolve(m[1]);
      visit(deps[m[1]]);
    }
  };
  const root = createRequire(import.meta.url).resolve(entry);
  visit(root);
  let out = "(function(){var defs={},cache={};\n";
  for (const [file, [source, deps]] of modules)
    out += `defs[${JSON.stringify(file)}]=[function(module,exports,require){${source}\n},${JSON.stringify(deps)}];\n`;
  out += "function load(f){if(cache[f])return cache[f].exports;var m=cache[f]={exports:{}},d=defs[f];" +
    "d[0].call(m.exports,m,m.exports,function(s){if(!(s in d[1]))throw new Error('not bundled: '+s);return load(d[1][s]);});return m.exports;}\n";
  out += `window[${JSON.stringify(global)}]=load(${JSON.stringify(root)});})();\n`;
  return out;
}
