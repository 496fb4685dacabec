// SPDX-License-Identifier: Apache-2.0
// Debian's Chromium, headless, for the browser checks: never a browser of a tool's own.
// Flags: no sandbox (CI runs as root), no GPU, and nothing that reaches the network.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const chromiumPath = process.env.KG_CHROMIUM || "/usr/bin/chromium";

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "kg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
    viewport: { width: 1400, height: 1000 },
  });
  const close = async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); };
  return { context, close };
}

/// A page that records console errors, page errors and every request that is not file: or data:.
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => { if (!/^(file|data|about):/.test(r.url())) problems.push(`network request: ${r.url()}`); });
  await page.route(/^(?!file:|data:|about:)/, (route) => route.abort());
  return { page, problems };
}
