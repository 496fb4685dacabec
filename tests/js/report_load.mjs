// SPDX-License-Identifier: Apache-2.0
// Load time of an HTML report in Debian's Chromium, headless (for the README and bench/, not
// a test): the median of RUNS fresh page loads from the file, the load event's time after
// navigation start (the page's script draws the tables and wires the diagram before it).
// Usage: node report_load.mjs report.html [RUNS]
import { resolve } from "node:path";
import { statSync } from "node:fs";
import { launch, watchedPage } from "./browser.mjs";

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 3);
const { context, close } = await launch();
try {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { page, problems } = await watchedPage(context);
    await page.goto("file://" + resolve(file), { waitUntil: "load" });
    const t = await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);
    if (problems.length) throw new Error(problems.join("; "));
    times.push(t);
    await page.close();
  }
  times.sort((a, b) => a - b);
  const mb = (statSync(file).size / 1e6).toFixed(1);
  console.log(`${file}: ${mb} MB, load ${Math.round(times[Math.floor(times.length / 2)])} ms (median of ${runs}: ${times.map(Math.round).join(", ")} ms)`);
} finally {
  await close();
}
