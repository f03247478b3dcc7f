// Typing into a large meeting (issue 19): how long each keystroke takes to reach the screen, and
// how many writes to IndexedDB the typing causes. Run by bench.mjs; alone, against dist/:
//   node tests/e2e/bench-typing.mjs
import { serveDist, launchBrowser, waitForApp } from "./harness.mjs";
import { generateMeetings, seedIndexedDb } from "./bench-data.mjs";

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * Types 80 characters into the title of a meeting of `agendaItems` items (half as many actions),
 * at about 12 keys a second.
 */
export async function typingFigures(browser, server, agendaItems = 40) {
  const [meeting] = generateMeetings(1, { seed: 7, agendaItems, actionItems: agendaItems / 2 });
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(() => {
    // Every readwrite transaction: one write.
    window.__writes = 0;
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
      if (mode === "readwrite") window.__writes += 1;
      return open.call(this, stores, mode, ...rest);
    };
    // Input event to the next frame painted, for every keystroke.
    window.__latencies = [];
    document.addEventListener(
      "input",
      () => {
        const started = performance.now();
        requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - started), 0));
      },
      true,
    );
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  await seedIndexedDb(page, [meeting]);
  await page.goto(`${server.url}#/m/${meeting.id}/plan`);
  await page.reload();
  await waitForApp(page);
  const title = page.locator('input[name="title"]');
  await title.click();
  await page.keyboard.press("End");
  await page.evaluate(() => {
    window.__writes = 0;
    window.__latencies = [];
  });
  const started = Date.now();
  await page.keyboard.type("跨部门会议的标题在这里被逐字修改，每一次按键都应当立刻保存到本机".repeat(3).slice(0, 80), { delay: 80 });
  const seconds = (Date.now() - started) / 1000;
  await page.waitForTimeout(1000);
  const { writes, latencies } = await page.evaluate(() => ({ writes: window.__writes, latencies: window.__latencies }));
  await context.close();
  return {
    keys: latencies.length,
    median: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    writesPerSecond: writes / seconds,
    writes,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serveDist();
  const browser = await launchBrowser();
  for (const items of [40, 200]) console.log(items, await typingFigures(browser, server, items));
  await browser.close();
  await server.stop();
}
