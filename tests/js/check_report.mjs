// SPDX-License-Identifier: Apache-2.0
// kgraph's HTML report (report.html) in Debian's Chromium, headless, as an analyst opens it:
// from the file, offline. The expected counts come from the GraphML of the same run, read with
// graphology-graphml (not from the report's own data).
// Checks: no console error or warning, no page error, no request leaves the file (no network,
// no CDN); the tables hold every document, entity and relation, and the per-class and
// per-type counts add up; every quoted sentence links to its document; the diagram's nodes
// open their card (click, and Enter from the keyboard); the filter narrows every table and
// the diagram (by relation type, class, status, entity and date) and "Clear" restores them;
// printed, the controls are hidden and the evidence keeps its width; with --inject TEXT, a
// document whose text holds TEXT (a <script> element) shows it as text and runs nothing.
// Usage: node check_report.mjs report.html graph.graphml --documents N [--inject TEXT] [--screenshot PNG] [--timing]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { MultiGraph } from "graphology";
import graphml from "graphology-graphml";
import { DOMParser } from "@xmldom/xmldom";
import { launch, watchedPage } from "./browser.mjs";

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
const [reportFile, graphmlFile] = args;
const documents = Number(opt("--documents"));
const inject = opt("--inject"), screenshot = opt("--screenshot");
const fail = (m) => { console.error("FAIL: report: " + m); process.exit(1); };
const check = (ok, m) => { if (!ok) fail(m); };

globalThis.DOMParser = globalThis.DOMParser || DOMParser;
const graph = graphml.parse(MultiGraph, readFileSync(graphmlFile, "utf8"));
const entities = graph.order, relations = graph.size;
const typeCounts = new Map();
graph.forEachEdge((e, a) => typeCounts.set(a.type, (typeCounts.get(a.type) || 0) + 1));

const { context, close } = await launch();
try {
  const { page, problems } = await watchedPage(context);
  const t0 = Date.now();
  await page.goto("file://" + resolve(reportFile), { waitUntil: "load" });
  const loadMs = Date.now() - t0;
  const shown = (sel) => page.evaluate((s) => [...document.querySelectorAll(s)].filter((e) => e.offsetParent !== null || e.getClientRects().length > 0).length, sel);
  const section = (id) => page.evaluate((s) => Number(document.getElementById(s).dataset.shown), id);
  const showAll = async () => {
    for (let more = page.locator(".more:not([hidden]) button"); await more.count() > 0;) await more.first().click();
  };

  // Counts, with every row drawn.
  await showAll();
  check(await shown("#t-documents tbody tr") === documents, `documents: ${await shown("#t-documents tbody tr")} rows, expected ${documents}`);
  check(await shown("#t-entities tbody tr") === entities, `entities: ${await shown("#t-entities tbody tr")} rows, expected ${entities}`);
  check(await shown("#t-relations tbody tr") === relations, `relations: ${await shown("#t-relations tbody tr")} rows, expected ${relations}`);
  const sums = await page.evaluate(() => ["t-classes", "t-types"].map((id) =>
    [...document.querySelectorAll(`#${id} tbody tr td.n:nth-child(2)`)].reduce((n, td) => n + Number(td.textContent), 0)));
  check(sums[0] === entities && sums[1] === relations, `per-class and per-type counts add up to ${sums}, expected ${entities}, ${relations}`);
  // Every quoted sentence links to its source: the document's URL, or else its row in the corpus table.
  const cites = await page.evaluate(() => [...document.querySelectorAll("#t-relations cite")].map((c) => {
    const a = c.querySelector("a[href]");
    return a && (/^https?:/.test(a.getAttribute("href")) || document.getElementById(a.getAttribute("href").slice(1)) !== null);
  }));
  check(cites.length > 0 && cites.every(Boolean), `${cites.filter((ok) => !ok).length} of ${cites.length} evidence sentences link to no document`);
  const headline = await page.textContent("#kg-counts");
  check(headline.includes(`${entities} entities, ${relations} relations`), `headline: ${headline}`);

  // The diagram: nodes are the entities; a click and the keyboard open the card.
  const nodes = page.locator("#kg-svg g.node[tabindex]");
  const nodeCount = await nodes.count();
  check(nodeCount > 0 && nodeCount <= entities, `diagram: ${nodeCount} clickable nodes`);
  const first = nodes.first();
  const firstTitle = await first.locator("title").textContent();
  // A real click; on a large drawing, where another shape may lie over the node at this
  // zoom, the click event itself.
  await first.click({ timeout: 5000 }).catch(() => first.dispatchEvent("click"));
  check(await page.isVisible("#kg-card"), "a click on a node opened no card");
  const cardHead = await page.textContent("#kg-card h3");
  const expectLabel = graph.getNodeAttribute(firstTitle, "label");
  check(cardHead === expectLabel, `card says "${cardHead}", the node is "${expectLabel}"`);
  await page.click("#kg-card button");
  check(!(await page.isVisible("#kg-card")), "Close left the card open");
  await nodes.nth(nodeCount - 1).focus();
  await page.keyboard.press("Enter");
  check(await page.isVisible("#kg-card"), "Enter on a focused node opened no card");

  // Filter by relation type: the most frequent typed one.
  const [type, typeCount] = [...typeCounts].filter(([t]) => t !== "mentioned_with").sort((a, b) => b[1] - a[1])[0];
  await page.selectOption("#f-type", type);
  await showAll();
  check(await shown("#t-relations tbody tr") === typeCount, `type ${type}: ${await shown("#t-relations tbody tr")} rows, expected ${typeCount}`);
  const edgeClasses = await page.evaluate(() => [...document.querySelectorAll("#kg-svg g.edge:not(.off)")].map((g) => g.getAttribute("class")));
  check(edgeClasses.length > 0 && edgeClasses.every((c) => c.split(" ").includes(type)), `type ${type}: the diagram still shows ${edgeClasses.filter((c) => !c.includes(type)).length} other edges`);
  const hiddenEdges = await page.evaluate(() => document.querySelectorAll("#kg-svg g.edge.off").length);
  check(hiddenEdges > 0, `type ${type}: the diagram hid no edge`);
  await page.click("#f-clear");
  await page.waitForFunction((n) => document.getElementById("relations").dataset.shown === String(n), relations);

  // Filter by class (the largest) and by status (the rarest): entities of the class and the
  // relations that touch one; relations of the status.
  const count = (items, key) => items.reduce((m, v) => m.set(key(v), (m.get(key(v)) || 0) + 1), new Map());
  const classCounts = [...count(graph.nodes(), (n) => graph.getNodeAttribute(n, "type"))].sort((a, b) => b[1] - a[1]);
  const [cls, clsCount] = classCounts[0];
  await page.selectOption("#f-class", cls);
  await showAll();
  const clsRelations = graph.edges().filter((e) => [graph.source(e), graph.target(e)].some((n) => graph.getNodeAttribute(n, "type") === cls)).length;
  check(await section("entities") === clsCount, `class ${cls}: ${await section("entities")} entities, expected ${clsCount}`);
  check(await section("relations") === clsRelations, `class ${cls}: ${await section("relations")} relations, expected ${clsRelations}`);
  await page.click("#f-clear");
  const [status, statusCount] = [...count(graph.edges(), (e) => graph.getEdgeAttribute(e, "status"))].sort((a, b) => a[1] - b[1])[0];
  await page.selectOption("#f-status", status);
  await showAll();
  check(await shown("#t-relations tbody tr") === statusCount, `status ${status}: ${await shown("#t-relations tbody tr")} rows, expected ${statusCount}`);
  await page.click("#f-clear");
  await page.waitForFunction((n) => document.getElementById("relations").dataset.shown === String(n), relations);

  // Filter by entity: the most mentioned one, by its label.
  let best = null;
  graph.forEachNode((n, a) => { if (!best || a.mentions > best[1].mentions) best = [n, a]; });
  const [bestId, bestAttrs] = best;
  await page.fill("#f-text", bestAttrs.label);
  await showAll();
  const entityRows = await section("entities");
  const relatedCount = graph.edges().filter((e) => {
    const s = graph.source(e), t = graph.target(e);
    const match = (n) => [n, graph.getNodeAttribute(n, "label"), ...(graph.getNodeAttribute(n, "aliases") || "").split("|")]
      .some((x) => x.toLowerCase().includes(bestAttrs.label.toLowerCase()));
    return match(s) || match(t);
  }).length;
  check(entityRows >= 1 && entityRows < entities, `entity "${bestAttrs.label}": ${entityRows} entity rows`);
  check(await section("relations") === relatedCount, `entity "${bestAttrs.label}": ${await section("relations")} relations, expected ${relatedCount}`);
  const nodesShown = await page.evaluate(() => document.querySelectorAll("#kg-svg g.node[tabindex]:not(.off)").length);
  check(nodesShown > 0 && nodesShown < nodeCount, `entity "${bestAttrs.label}": the diagram shows ${nodesShown} of ${nodeCount} nodes`);
  check(await page.evaluate((id) => [...document.querySelectorAll("#kg-svg g.node:not(.off) title")].some((t) => t.textContent === id), bestId),
    `entity "${bestAttrs.label}": its own node is hidden`);
  await page.click("#f-clear");

  // Filter by date: the first dated sentence's day.
  const dates = await page.evaluate(() => [...document.querySelectorAll("#t-timeline time")].map((t) => t.getAttribute("datetime")));
  if (dates.length) {
    const day = dates[0];
    await page.fill("#f-from", day);
    await page.fill("#f-to", day);
    await showAll();
    const after = await page.evaluate(() => [...document.querySelectorAll("#t-timeline li")].map((li) => li.querySelector("time").getAttribute("datetime")));
    check(after.length > 0 && after.every((d) => day.startsWith(d) || d.startsWith(day)), `dates ${day}: the timeline shows ${after.join(",")}`);
    check(await section("relations") < relations, `dates ${day}: the relation table was not narrowed`);
    await page.click("#f-clear");
  }
  await page.waitForFunction((n) => document.getElementById("entities").dataset.shown === String(n), entities);

  if (inject) {
    const body = await page.evaluate(() => document.body.innerText);
    check(body.includes(inject), `the injected text is not shown as text: ${JSON.stringify(inject)}`);
    const ran = await page.evaluate(() => [window.kgInjected, document.querySelectorAll("script").length, document.querySelectorAll("img,iframe,object,embed").length]);
    check(ran[0] === undefined, "the injected script ran");
    check(ran[1] === 2 && ran[2] === 0, `the page holds ${ran[1]} script elements and ${ran[2]} img/iframe/object elements`);
  }
  // Printed (A4 width): no controls, and the evidence keeps over a third of the relation table
  // (before the print rules: 19%, the table wider than the page).
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  const print = await page.evaluate(() => {
    const t = document.getElementById("t-relations"), row = t.tBodies[0].rows[0];
    return { filter: getComputedStyle(document.querySelector(".filter")).display, table: t.offsetWidth, evidence: row ? row.lastElementChild.offsetWidth : 0 };
  });
  check(print.filter === "none", `printed, the filter box shows (display: ${print.filter})`);
  check(print.table <= 794 && print.evidence > print.table / 3, `printed, the evidence column is ${print.evidence} px of a ${print.table} px table`);
  await page.emulateMedia({ media: "screen" });
  if (screenshot) {
    await page.click("#f-clear");
    await page.screenshot({ path: screenshot });
  }
  check(problems.length === 0, problems.join("; "));
  console.log(`ok: report in Chromium: ${documents} documents, ${entities} entities, ${relations} relations, ${nodeCount} diagram nodes; ` +
    `cards, filters by type (${type}), class (${cls}), status (${status}), entity and date work; no console error, no request; loaded in ${loadMs} ms`);
} finally {
  await close();
}
