// Every largest-contentful-paint candidate of the meeting list's first visit, with its size, time
// and whether it is in the static first screen, as the browser itself reports them (set THROTTLE=1
// for a slow phone). `node tests/e2e/lcp-probe.mjs [runs]`; see BENCHMARKS.md.
import { chromium } from "playwright-core";
import { serveDist, CHROMIUM_ARGS, slowConnection } from "./harness.mjs";

const server = await serveDist({ gzip: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
for (let run = 0; run < Number(process.argv[2] ?? 8); run++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, serviceWorkers: "block" });
  const page = await context.newPage();
  if (process.env.THROTTLE) {
    await slowConnection(context, page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        const inShell = !!(el && el.closest && el.closest("#app-shell"));
        const r = el && el.getBoundingClientRect ? el.getBoundingClientRect() : {};
        window.__lcp.push({ t: Math.round(e.startTime), size: e.size, shell: inShell, text: (el?.textContent ?? "").slice(0, 20), y: Math.round(r.y ?? -1), h: Math.round(r.height ?? -1), w: Math.round(r.width ?? -1) });
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  await page.goto(server.url);
  await page.locator("#app-shell").waitFor({ state: "detached", timeout: 30000 });
  await page.waitForTimeout(500);
  console.log(run, JSON.stringify(await page.evaluate(() => window.__lcp)));
  await context.close();
}
await browser.close();
await server.stop();
