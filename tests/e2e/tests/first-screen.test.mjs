// The first visit before the module arrives (issue 15): the static first screen is the real
// meeting list, in the user's language, drawn from the app's own templates and texts; the app
// replaces it without moving anything, and a click made meanwhile is carried out, not lost.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { slowConnection, waitForApp, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

/** A page whose module is held back until `release()` is called. */
async function withModuleHeld({ url = shared.server.url, prefs = null, viewport = { width: 1280, height: 720 } } = {}) {
  const context = await shared.browser.newContext({ serviceWorkers: "block", viewport });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  await context.addInitScript((stored) => {
    if (stored) localStorage.setItem("crossmeet.prefs", stored);
    // Every layout shift of the visit, whatever the input.
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value && { value: entry.value, at: Math.round(entry.startTime), sources: entry.sources.map((s) => `${s.node?.outerHTML?.slice(0, 80)} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`) });
    }).observe({ type: "layout-shift", buffered: true });
  }, prefs);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return { context, page, problems, release };
}

/** Positions of what the list page shows first, keyed by what they say. */
async function layoutOf(page, root) {
  return page.evaluate((rootSelector) => {
    const scope = rootSelector ? document.querySelector(rootSelector) : document;
    const visible = [...scope.querySelectorAll(".app-header .brand, .app-header nav a, .lang-switch, .list-toolbar h1, .search, .list-toolbar .button, .create h2, [data-template], .empty h2, .empty p")]
      .filter((element) => element.getClientRects().length > 0);
    return visible.map((element) => {
      const box = element.getBoundingClientRect();
      return { text: element.textContent.trim() || element.getAttribute("placeholder"), x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
    });
  }, root);
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1920, height: 1080 }]) {
  test(`the first screen is the app's own list page and the app takes over without a shift (${viewport.width} px)`, async () => {
    const { context, page, problems, release } = await withModuleHeld({ viewport });
    const shell = page.locator("#app-shell");
    await shell.locator("h1").first().waitFor();
    assert.equal(await page.locator("main#main").count(), 0, "the app has not mounted yet");
    const before = await layoutOf(page, "#app-shell");
    assert.deepEqual(
      before.filter((item) => item.text && item.width > 0).map((item) => item.text).slice(0, 1),
      ["⇄跨部门会议助手"],
    );
    assert.equal(await shell.locator("[data-template]:visible").count(), 5, "four templates and a blank meeting");

    release();
    await waitForApp(page);
    const after = await layoutOf(page, null);
    assert.deepEqual(after, before, "every heading, link and card keeps its text, place and size");
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift at all");
    assert.deepEqual(problems, [], "no errors, no policy violations");
    await context.close();
  });
}

test("a template clicked before the module arrived is opened once the app is ready", async () => {
  const { context, page, problems, release } = await withModuleHeld();
  const card = page.locator('#app-shell [data-template="ProblemSolving"]:visible');
  await card.click();
  assert.equal(await card.getAttribute("aria-busy"), "true", "the card shows it is on its way");
  const status = page.locator("#app-shell .loading:visible");
  assert.equal(await status.evaluate((element) => getComputedStyle(element).fontWeight), "600", "the status line stands out");

  release();
  await page.getByTestId("workspace-title").waitFor();
  assert.equal(await page.getByTestId("workspace-title").textContent(), "问题解决会");
  // Edited, so leaving keeps it (an untouched new meeting is discarded).
  await page.locator("#title").fill("问题解决会(周二)");
  await page.goto(shared.server.url.replace(/\/?$/, "/#/"));
  await waitForApp(page);
  assert.equal(await page.locator('[data-testid="meeting-list"] .meeting-card').count(), 1, "exactly one meeting, stored");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the first screen speaks the language the user chose, and a switch on it is kept", async () => {
  // A user who chose English before: the first screen is English from the first paint.
  {
    const { context, page, release } = await withModuleHeld({ prefs: JSON.stringify({ lang: "En" }) });
    await page.locator("#app-shell h1:visible").waitFor();
    assert.equal(await page.locator("#app-shell h1:visible").textContent(), "Meetings");
    assert.equal(await page.locator("#app-shell .template:visible strong").first().textContent(), "Project collaboration");
    release();
    await waitForApp(page);
    assert.equal(await page.locator("h1").textContent(), "Meetings");
    await context.close();
  }
  // Switching on the static screen shows English at once, and the app adopts and stores it.
  {
    const { context, page, problems, release } = await withModuleHeld();
    await page.locator("#app-shell .lang-switch:visible").click();
    assert.equal(await page.locator("#app-shell h1:visible").textContent(), "Meetings");
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    release();
    await waitForApp(page);
    assert.equal(await page.locator("h1").textContent(), "Meetings");
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator("h1").textContent(), "Meetings", "the switch was stored");
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a returning user with meetings is not told 'no meetings yet' on the first screen", async () => {
  const { context, page, release } = await withModuleHeld();
  await page.locator("#app-shell .empty:visible").waitFor();
  release();
  await waitForApp(page);
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("crossmeet.hasMeetings")), "1", "the list remembers it had meetings");
  const later = await context.newPage();
  let releaseLater;
  const held = new Promise((resolve) => (releaseLater = resolve));
  await later.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await later.goto(shared.server.url, { waitUntil: "domcontentloaded" });
  await later.locator("#app-shell .template:visible").first().waitFor();
  assert.equal(await later.locator("#app-shell .empty:visible").count(), 0, "no empty-list text over a list that has meetings");
  releaseLater();
  await waitForApp(later);
  await later.locator('[data-testid="meeting-list"] .meeting-card').first().waitFor();
  await context.close();
});

test("another page in the address shows the header and a loading line, not the list", async () => {
  const { context, page, release } = await withModuleHeld({ url: `${shared.server.url}#/tracker` });
  await page.locator("#app-shell .app-header:visible").waitFor();
  assert.equal(await page.locator("#app-shell .template:visible").count(), 0);
  await page.locator("#app-shell .loading:visible").waitFor();
  release();
  await waitForApp(page);
  assert.equal(await page.locator("h1").textContent(), "行动项跟踪");
  await context.close();
});

test("on a slow phone connection the first screen paints long before the app arrives", async () => {
  const context = await shared.browser.newContext({ serviceWorkers: "block", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await slowConnection(context, page);
  await page.goto(shared.server.url, { waitUntil: "commit" });
  await page.locator("#app-shell h1:visible").waitFor();
  const painted = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? performance.now());
  await waitForApp(page);
  const mounted = await page.evaluate(() => performance.now());
  assert.ok(painted < mounted / 2, `first paint at ${Math.round(painted)} ms, the app at ${Math.round(mounted)} ms`);
  await context.close();
});

test("an ask link's answer page paints its introduction before the module arrives, and the app's is the same (A1)", async () => {
  const { sampleAskFragment } = await import("../lighthouse-lcp.mjs");
  const { context, page, problems, release } = await withModuleHeld({ url: shared.server.url + sampleAskFragment(), viewport: { width: 390, height: 844 } });
  const intro = page.locator("#app-shell .answer-intro:visible");
  await intro.waitFor();
  assert.match(await intro.textContent(), /这是会议组织者发来的询问/);
  assert.equal(await page.locator("#app-shell .app-header:visible").count(), 0, "no organiser's header on a participant's phone");
  assert.equal(await page.locator("#app-shell .list-page:visible").count(), 0, "no meeting list");
  const box = await intro.boundingBox();
  release();
  await page.getByTestId("answer-title").waitFor();
  await page.locator("#app-shell").waitFor({ state: "detached" });
  const after = await page.locator(".answer-page .answer-intro").boundingBox();
  assert.ok(after.width === box.width && after.height === box.height, `the app's introduction is no larger (${JSON.stringify(box)} → ${JSON.stringify(after)})`);
  assert.deepEqual(problems, []);
  await context.close();
});
