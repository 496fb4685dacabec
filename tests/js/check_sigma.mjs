// SPDX-License-Identifier: Apache-2.0
// The GraphML drawn by sigma.js 3 in Debian's Chromium (headless), as the README says to:
// graphology-graphml reads the file in the page, and the renderer is created with the one-line
// reducers that map the node attribute `type` (the entity class, which sigma.js would take for
// the name of a drawing program) to sigma's own programs. Checks: no console error, every node
// and edge of kgraph's counts has display data, and pixels were drawn on the canvases.
// Usage: node check_sigma.mjs graph.graphml --nodes N --edges M
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { launch, watchedPage } from "./browser.mjs";
import { bundle } from "./cjs_bundle.mjs";

const args = process.argv.slice(2);
const arg = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : Number(args[i + 1]); };
const [file] = args;
const nodes = arg("--nodes"), edges = arg("--edges");
const fail = (m) => { console.error("FAIL: sigma.js: " + m); process.exit(1); };
const require = createRequire(import.meta.url);
// The browser builds of graphology and sigma (their UMD files, which set window.graphology and
// window.Sigma), found beside each package's main file (both in dist/).
const distFile = (name, file) => join(dirname(require.resolve(name)), file);
const scripts = [
  readFileSync(distFile("graphology", "graphology.umd.min.js"), "utf8"),
  readFileSync(distFile("sigma", "sigma.min.js"), "utf8"),
  bundle("graphology-graphml/browser", "graphologyGraphml"),
];

const { context, close } = await launch();
try {
  const { page, problems } = await watchedPage(context);
  await page.setContent('<!DOCTYPE html><html><body style="margin:0"><div id="c" style="width:1000px;height:800px"></div></body></html>');
  for (const content of scripts) await page.addScriptTag({ content });
  const seen = await page.evaluate((text) => {
    const graph = graphologyGraphml.parse(graphology.MultiGraph, text);
    // The README's one line: sigma's programs, not the entity class, as the type.
    const renderer = new Sigma(graph, document.getElementById("c"), {
      nodeReducer: (n, a) => ({ ...a, type: "circle" }), edgeReducer: (e, a) => ({ ...a, type: "arrow" }) });
    renderer.refresh();
    let painted = 0;
    for (const canvas of document.querySelectorAll("canvas")) {
      const gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
      if (!gl) continue;
      const px = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
      gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, px);
      for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) painted++;
    }
    const shownNodes = graph.nodes().filter((n) => { const d = renderer.getNodeDisplayData(n); return d && !d.hidden; }).length;
    const shownEdges = graph.edges().filter((e) => { const d = renderer.getEdgeDisplayData(e); return d && !d.hidden; }).length;
    return { order: graph.order, size: graph.size, shownNodes, shownEdges, painted };
  }, readFileSync(file, "utf8"));
  if (problems.length) fail(problems.join("; "));
  if (seen.order !== nodes || seen.shownNodes !== nodes) fail(`${seen.order} nodes read, ${seen.shownNodes} drawn; kgraph wrote ${nodes}`);
  if (seen.size !== edges || seen.shownEdges !== edges) fail(`${seen.size} edges read, ${seen.shownEdges} drawn; kgraph wrote ${edges}`);
  if (seen.painted === 0) fail("nothing was painted on the WebGL canvases");
  console.log(`ok: sigma.js in Chromium: ${seen.shownNodes} nodes and ${seen.shownEdges} edges drawn (${seen.painted} pixels painted), no console error`);
} finally {
  await close();
}
