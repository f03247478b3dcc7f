// Running a meeting (issue 4, E1–E8): keyboard only; clocks right after a reload, after the page
// was frozen like a background tab, and after the browser was closed and reopened; and a clock
// tick that rewrites only the clock texts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, openApp, waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

/** Creates a problem-solving meeting and opens its run tab; returns the meeting id. */
async function newMeetingAtRun(page) {
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  const id = page.url().split("/m/")[1].split("/")[0];
  await page.goto(`${shared.server.url}#/m/${id}/run`);
  await waitForApp(page);
  await page.getByTestId("start-meeting").waitFor();
  return id;
}

const seconds = (text) => {
  const negative = text.trim().startsWith("-");
  const parts = text.trim().replace("-", "").split(":").map(Number);
  const value = parts.reduce((total, part) => total * 60 + part, 0);
  return negative ? -value : value;
};

/** The displayed item clock and the truth from the stored run log, read at the same instant. */
async function itemClockAndTruth(page, id) {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("crossmeet");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction("meetings").objectStore("meetings").get(id);
          request.onsuccess = () => {
            const meeting = JSON.parse(request.result).meeting;
            const started = meeting.run_log.find((e) => typeof e.kind === "object" && e.kind.ItemStarted);
            const shown = document.querySelector('[data-testid="item-elapsed"]').textContent;
            const truth = (Date.now() - Date.parse(started.at)) / 1000;
            open.result.close();
            resolve({ shown, truth });
          };
        };
      }),
    id,
  );
}

async function assertClockTrue(page, id) {
  // One tick after showing, the text has caught up with the log.
  await page.waitForTimeout(600);
  const { shown, truth } = await itemClockAndTruth(page, id);
  assert.ok(Math.abs(seconds(shown) - truth) <= 1, `shown ${shown}, truth ${truth.toFixed(2)} s`);
}

test("a meeting is run with the keyboard alone", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  // The speaking-turn limit is a setting (default 3 minutes).
  await page.goto(`${shared.server.url}#/settings`);
  await page.locator("#turn-minutes").fill("2");
  await page.locator("#turn-minutes").dispatchEvent("change");
  await page.goto(shared.server.url);
  await waitForApp(page);
  await newMeetingAtRun(page);
  await page.keyboard.press("Space");
  const current = page.getByTestId("current-item");
  await current.waitFor();
  assert.equal(await current.textContent(), "问题与影响同步");

  await page.keyboard.press("p");
  await page.keyboard.type("预算口径会后单独沟通");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("d");
  await page.keyboard.type("同意按方案A推进");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("a");
  await page.keyboard.type("完成技术方案初稿");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  assert.match(await page.getByTestId("incomplete").textContent(), /缺:负责人、部门、交付标准、截止/);

  await page.keyboard.press("n");
  await page.waitForFunction(() => document.querySelector('[data-testid="current-item"]')?.textContent === "原因分析与责任界定");
  await page.keyboard.press("t");
  await page.keyboard.type("研发部");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  assert.match(await page.getByTestId("turn-left").textContent(), /研发部 · 发言剩余 0[12]:[0-9]{2}/);

  await page.keyboard.press("Space");
  await page.getByText("已暂停").waitFor();
  await page.keyboard.press("Space");
  await page.getByText("已暂停").waitFor({ state: "detached" });
  await page.keyboard.press("?");
  await page.getByTestId("shortcut-help").waitFor();
  await page.keyboard.press("r");
  assert.match(await page.getByTestId("run").getAttribute("class"), /room/);
  await page.keyboard.press("Escape");
  assert.doesNotMatch(await page.getByTestId("run").getAttribute("class"), /room/);

  await page.keyboard.press("e");
  await page.getByTestId("summary").waitFor();
  assert.match(await page.getByTestId("summary-decisions").textContent(), /同意按方案A推进/);
  assert.match(await page.getByTestId("summary-actions").textContent(), /完成技术方案初稿/);
  assert.match(await page.getByTestId("summary-parked").textContent(), /预算口径会后单独沟通/);

  // On to follow-up: the minutes and the action table come out as files.
  await page.getByRole("link", { name: "进入跟进" }).click();
  // The 2-hour and 24-hour limits count down from the end (F1); marking stops a countdown.
  assert.match(await page.getByTestId("minutes-countdown").first().textContent(), /初稿还剩 (1:59:[0-9]{2}|2:00:00)/);
  assert.match(await page.getByTestId("minutes-countdown").nth(1).textContent(), /终稿还剩 (23:59:[0-9]{2}|24:00:00)/);
  await page.getByTestId("mark-draft").click();
  assert.equal(await page.getByTestId("minutes-status").textContent(), "初稿已发");
  assert.equal(await page.getByTestId("minutes-countdown").count(), 1, "only the final is still due");
  const read = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
    return Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  };
  const minutes = await read("download-minutes");
  assert.match(minutes, /## 决议\n\n1\. 同意按方案A推进\n/);
  assert.ok(minutes.indexOf("## 决议") < minutes.indexOf("## 出席情况"), "decisions lead the minutes");
  const csv = await read("download-actions");
  assert.ok(csv.startsWith("\ufeff编号,任务,负责人"), "BOM and Chinese headers");
  assert.match(csv, /\r\n[0-9a-f]{16},完成技术方案初稿,,,,,待开始,,问题解决会\r\n$/);
  await context.close();
});

test("the item clock is right after a reload and after the page was frozen", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  const id = await newMeetingAtRun(page);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("item-elapsed").waitFor();
  // Fixed on purpose: the item clock runs on the real clock for a while before the reload.
  await page.waitForTimeout(2500);
  await page.reload();
  await waitForApp(page);
  await page.getByTestId("item-elapsed").waitFor();
  await assertClockTrue(page, id);

  // Frozen, as Chromium does to background tabs: no timer runs at all for 5 seconds.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.setWebLifecycleState", { state: "frozen" });
  await new Promise((resolve) => setTimeout(resolve, 5000));
  await cdp.send("Page.setWebLifecycleState", { state: "active" });
  await assertClockTrue(page, id);
  assert.ok(seconds(await page.getByTestId("item-elapsed").textContent()) >= 8);
  await context.close();
});

test("a running meeting is still running after the browser is closed and reopened", async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "crossmeet-profile-"));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_ARGS,
    });
  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto(shared.server.url);
  await waitForApp(page);
  const id = await newMeetingAtRun(page);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("item-elapsed").waitFor();
  await waitForStored(page, id, (m) => m.run_log.some((e) => e.kind?.ItemStarted), "the started item");
  // Fixed on purpose: the clock runs on the real clock too (≥ 3 s in all are checked on reopening).
  await page.waitForTimeout(700);
  await context.close();

  await new Promise((resolve) => setTimeout(resolve, 2000));
  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${shared.server.url}#/m/${id}/run`);
  await waitForApp(page);
  await page.getByTestId("item-elapsed").waitFor();
  await assertClockTrue(page, id);
  assert.ok(seconds(await page.getByTestId("item-elapsed").textContent()) >= 3);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

test("the minutes countdown rewrites only its text each second (issue 16)", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await newMeetingAtRun(page);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("item-elapsed").waitFor();
  await page.keyboard.press("e");
  await page.getByRole("link", { name: "进入跟进" }).click();
  await page.getByTestId("minutes-countdown").first().waitFor();
  const changes = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const section = document.querySelector('[data-testid="minutes-status"]').closest("section");
        const seen = { elements: 0, texts: 0 };
        const observer = new MutationObserver((list) => {
          for (const record of list) {
            if (record.type === "characterData") seen.texts += 1;
            else seen.elements += 1;
          }
        });
        observer.observe(section, { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(seen);
        }, 3500);
      }),
  );
  assert.ok(changes.texts >= 3, `the countdown moves: ${JSON.stringify(changes)}`);
  assert.equal(changes.elements, 0, `no element is replaced or restyled: ${JSON.stringify(changes)}`);
  await context.close();
});

test("a clock tick changes only the clock texts (DOM mutations per second)", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await newMeetingAtRun(page);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("item-elapsed").waitFor();
  // Fixed on purpose: the first ticks on the real clock pass before the mutations are counted.
  await page.waitForTimeout(1200);
  const perTick = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let records = 0;
        const observer = new MutationObserver((list) => (records += list.length));
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(records / 5); // per second: one visible tick
        }, 5000);
      }),
  );
  console.log(`DOM mutation records per clock tick: ${perTick}`);
  assert.ok(perTick <= 5, `${perTick} mutations per tick`);
  await context.close();
});
