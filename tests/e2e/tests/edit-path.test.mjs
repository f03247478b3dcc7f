// One edit path: every change is a named edit with its inverse (core/domain/edit.rs), applied
// through one dispatch. What this proves as a user meets it: minutes typed with the cursor still
// in the editor survive a crash; undo takes back exactly what it names and leaves later edits;
// regenerating the minutes can be undone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  addParticipant,
  launchBrowser,
  openApp,
  serveDist,
  startChromium,
  storedRecord,
  waitForApp,
} from "../harness.mjs";

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new meeting from the problem-solving template; returns its page and id. */
async function newMeeting(page) {
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.locator('input[name="title"]').waitFor();
  const id = decodeURIComponent(page.url().split("#/m/")[1].split("/")[0]);
  return id;
}

/** Waits until the stored record of `id` satisfies `check` (no fixed sleeps for saves). */
async function waitForStored(page, id, check, what) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const record = await storedRecord(page, id).catch(() => null);
    if (record && check(record.meeting ?? record)) return record.meeting ?? record;
    if (Date.now() > deadline) throw new Error(`not stored in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("minutes typed with the cursor still in the editor survive the browser killed 1.5 s later", async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "crossmeet-minutes-"));
  try {
    const first = await startChromium(profile);
    const page = await first.context.newPage();
    await page.goto(server.url);
    await waitForApp(page);
    const id = await newMeeting(page);
    await page.goto(`${server.url}#/m/${encodeURIComponent(id)}/follow-up`);
    const editor = page.getByTestId("minutes-editor");
    await editor.click();
    await editor.press("Control+End");
    const typed = "\n补充：王工下周一前给出测试报告";
    await page.keyboard.type(typed);
    // The cursor stays in the editor: no blur, no change event.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await first.kill();

    const second = await startChromium(profile);
    const again = await second.context.newPage();
    await again.goto(`${server.url}#/m/${encodeURIComponent(id)}/follow-up`);
    await waitForApp(again);
    const shown = await again.getByTestId("minutes-editor").inputValue();
    await second.kill();
    assert.ok(shown.endsWith(typed), `the minutes end with what was typed: …${shown.slice(-40)}`);
  } finally {
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {}
  }
});

test("undoing a removed participant brings back the row and keeps the title and objective typed since", async () => {
  const { context, page } = await openApp(browser, server.url);
  try {
    const id = await newMeeting(page);
    await addParticipant(page, "李雷", "研发部");
    await addParticipant(page, "韩梅梅", "市场部");
    await addParticipant(page, "王芳", "质量部");
    const rows = page.locator("[data-testid=participants] li");
    await rows.nth(1).getByRole("button", { name: "删除" }).click();
    await page.getByTestId("toast").waitFor();
    await page.locator('input[name="title"]').fill("新版上线评审");
    await page.locator("#field-objective").fill("确定上线日期并明确各部门交付物");
    await page.getByTestId("toast").getByRole("button", { name: "撤销" }).click();

    const names = await rows.evaluateAll((items) =>
      items.map((item) => item.querySelector('input[placeholder="姓名"]').value),
    );
    assert.deepEqual(names, ["李雷", "韩梅梅", "王芳"], "the removed row is back in its place");
    assert.equal(await page.locator('input[name="title"]').inputValue(), "新版上线评审");
    assert.equal(await page.locator("#field-objective").inputValue(), "确定上线日期并明确各部门交付物");
    const stored = await waitForStored(
      page,
      id,
      (m) => m.participants.length === 3 && m.title === "新版上线评审",
      "the undo and the later title",
    );
    assert.equal(stored.objective, "确定上线日期并明确各部门交付物");
  } finally {
    await context.close();
  }
});

test("undoing finish-on-time gives the minutes back and keeps the turn, the next item and the decision made since", async () => {
  const { context, page } = await openApp(browser, server.url);
  try {
    await page.clock.install({ time: new Date("2026-03-03T09:00:00+08:00") });
    await page.goto(server.url);
    await waitForApp(page);
    const id = await newMeeting(page);
    await page.goto(`${server.url}#/m/${encodeURIComponent(id)}/run`);
    await waitForApp(page);
    await page.getByTestId("start-meeting").click();
    await page.getByTestId("current-item").filter({ hasText: "问题与影响同步" }).waitFor();
    // 45 minutes into the 10-minute first item the rest no longer fits the hour.
    await page.clock.fastForward(45 * 60_000);
    await page.getByTestId("finish-on-time").click();
    await page.getByTestId("rebalance-apply").click();
    const minutes = async () => (await storedRecord(page, id)).meeting.agenda.map((item) => item.minutes);
    const planned = [10, 20, 15, 10, 5];
    await waitForStored(page, id, (m) => m.agenda.some((item, n) => item.minutes !== planned[n]), "the shortened agenda");
    assert.notDeepEqual(await minutes(), planned);

    // Meanwhile the meeting goes on: a speaking turn, the next item, a decision.
    await page.locator('input[aria-label="发言人"]').fill("李工");
    await page.locator('input[aria-label="发言人"]').press("Enter");
    await page.getByTestId("next-item").click();
    await page.getByTestId("current-item").filter({ hasText: "原因分析与责任界定" }).waitFor();
    await page.keyboard.press("Escape");
    await page.keyboard.press("d");
    await page.keyboard.type("同意按方案A推进");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");

    await page.getByTestId("toast").filter({ hasText: "已压缩剩余议程" }).getByRole("button", { name: "撤销" }).click();
    const stored = await waitForStored(page, id, (m) => m.agenda.every((item, n) => item.minutes === planned[n]), "the planned minutes back");
    assert.equal(await page.getByTestId("current-item").textContent(), "原因分析与责任界定", "still on the item moved to since");
    assert.deepEqual(stored.decisions.map((d) => d.text), ["同意按方案A推进"]);
    const kinds = stored.run_log.map((event) => Object.keys(event.kind)[0] ?? event.kind);
    assert.ok(kinds.includes("SpeakerTurn"), `the turn stays in the run log: ${JSON.stringify(kinds)}`);
    assert.equal(stored.run_log.filter((e) => e.kind.ItemStarted).length, 2, "both items started stay");
  } finally {
    await context.close();
  }
});

test("regenerating the minutes can be undone: a line written by hand comes back", async () => {
  const { context, page } = await openApp(browser, server.url);
  try {
    const id = await newMeeting(page);
    await page.goto(`${server.url}#/m/${encodeURIComponent(id)}/follow-up`);
    const editor = page.getByTestId("minutes-editor");
    await editor.click();
    await editor.press("Control+End");
    const line = "\n手写：会后请财务确认预算";
    await page.keyboard.type(line);
    await waitForStored(page, id, (m) => m.minutes.text.endsWith(line), "the hand-written line");
    await page.reload();
    await waitForApp(page);
    await page.getByRole("button", { name: "按会议内容重新生成" }).click();
    assert.ok(!(await editor.inputValue()).includes("手写"), "regenerated without the line");
    await page.getByTestId("toast").getByRole("button", { name: "撤销" }).click();
    assert.ok((await editor.inputValue()).endsWith(line), "undo brings the line back");
    await waitForStored(page, id, (m) => m.minutes.text.endsWith(line), "the line stored again");
  } finally {
    await context.close();
  }
});
