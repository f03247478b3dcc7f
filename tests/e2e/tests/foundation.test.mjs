// The foundation, as a user clicks it: create from a template, reload and find it, keep working
// with the server gone, back up and restore, and refuse a broken backup (issue 2, D1–D3, S1, D5).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveDist, openApp, waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

const cards = (page) => page.locator('[data-testid="meeting-list"] .meeting-card');
/** The id of the meeting open in `page` (`#/m/<id>/…`). */
const meetingId = (page) => decodeURIComponent(page.url().split("#/m/")[1].split("/")[0]);

test("a meeting created from a template survives a reload", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId("empty-list").waitFor();
  await page.locator('[data-template="ProblemSolving"]').click();

  await assert.doesNotReject(page.getByTestId("workspace-title").waitFor());
  assert.equal(await page.getByTestId("workspace-title").textContent(), "问题解决会");
  await page.getByRole("tab", { name: "筹备" }).click();
  assert.equal(await page.locator('[data-testid="agenda"] li').count(), 5);
  assert.match(await page.getByTestId("agenda-total").textContent(), /60 分钟 \/ 会议 60 分钟/);

  // Type a title and reload one second later: the debounced save must already be stored.
  await page.getByRole("tab", { name: "策划" }).click();
  const title = page.locator('input[name="title"]');
  await title.fill("客诉责任界定会");
  await page.waitForTimeout(1000);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByTestId("workspace-title").textContent(), "客诉责任界定会");

  await page.goto(shared.server.url);
  await waitForApp(page);
  assert.equal(await cards(page).count(), 1);
  assert.match(await cards(page).first().textContent(), /客诉责任界定会.*问题解决.*决策型/s);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the interface switches to English and remembers it", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  assert.equal(await page.locator("h1").textContent(), "会议");
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.locator("h1").textContent(), "Meetings");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator("h1").textContent(), "Meetings");
  await context.close();
});

test("delete offers undo, and undo brings the meeting back", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await page.locator('[data-template="StrategyRollout"]').click();
  await page.getByTestId("workspace-title").waitFor();
  const id = meetingId(page);
  await page.goto(shared.server.url);
  await waitForApp(page);
  await cards(page).first().getByRole("button", { name: "删除" }).click();
  await page.getByTestId("empty-list").waitFor();
  await page.getByTestId("toast").getByRole("button", { name: "撤销" }).click();
  await cards(page).first().waitFor();
  await waitForStored(page, id, () => true, "the meeting brought back by undo");
  await page.reload();
  await waitForApp(page);
  assert.equal(await cards(page).count(), 1, "the undone delete is stored again");
  await context.close();
});

test("after one visit the app opens and works with the server gone", async () => {
  const local = await serveDist();
  const { context, page } = await openApp(shared.browser, local.url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
    timeout: 15000,
  });
  await local.stop();

  await page.reload();
  await waitForApp(page);
  await page.locator('[data-template="MechanismBuilding"]').click();
  assert.equal(await page.getByTestId("workspace-title").textContent(), "协作机制共识会");
  await page.goto(local.url + "#/settings");
  await waitForApp(page);
  assert.equal(await page.locator("h1").textContent(), "设置");
  await context.close();
});

test("served from a sub-folder (a project site), the app works, and offline after one visit", async () => {
  const server = await serveDist({ base: "/team/crossmeet/" });
  const { context, page, errors } = await openApp(shared.browser, server.url);
  await page.locator('[data-template="MechanismBuilding"]').click();
  await page.getByTestId("workspace-title").waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15000 });
  await server.stop();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByTestId("workspace-title").textContent(), "协作机制共识会");
  assert.deepEqual(errors, []);
  await context.close();
});

test("backup and restore bring meetings back; a newer local copy is never replaced", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await page.locator('[data-template="ProjectCollaboration"]').click();
  await page.locator('input[name="title"]').fill("备份测试 | =SUM(A1)");
  await waitForStored(page, meetingId(page), (m) => m.title === "备份测试 | =SUM(A1)", "the title");

  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("backup").click(),
  ]);
  assert.match(download.suggestedFilename(), /^crossmeet-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = path.join(os.tmpdir(), `crossmeet-e2e-${process.pid}.json`);
  await download.saveAs(backupPath);
  const backup = JSON.parse(fs.readFileSync(backupPath, "utf8"));
  assert.equal(backup.app, "crossmeet");
  assert.equal(backup.meetings.length, 1);

  // Lose the meeting, then restore it.
  await page.goto(shared.server.url);
  await waitForApp(page);
  await cards(page).first().getByRole("button", { name: "删除" }).click();
  await page.getByTestId("empty-list").waitFor();
  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles(backupPath);
  assert.match(await page.getByTestId("restore-plan").textContent(), /新增 1 个/);
  await page.getByTestId("restore-confirm").click();
  // Stored before leaving the page (leaving while a restore is written asks first).
  await page.getByTestId("toast").filter({ hasText: /已恢复 1 个会议/ }).waitFor();
  await page.goto(shared.server.url);
  await waitForApp(page);
  assert.equal(await cards(page).count(), 1);
  assert.match(await cards(page).first().textContent(), /备份测试 \| =SUM\(A1\)/);

  // Edit after the backup: restoring the older backup must not overwrite the edit.
  await cards(page).first().locator(".meeting-title").click();
  await page.locator('input[name="title"]').fill("备份后修改");
  await waitForStored(page, meetingId(page), (m) => m.title === "备份后修改", "the edit after the backup");
  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles(backupPath);
  const plan = await page.getByTestId("restore-plan").textContent();
  assert.match(plan, /跳过 1 个/);
  assert.equal(await page.getByTestId("restore-confirm").count(), 0, "nothing to apply");
  await page.goto(shared.server.url);
  await waitForApp(page);
  assert.match(await cards(page).first().textContent(), /备份后修改/);
  fs.rmSync(backupPath);
  await context.close();
});

test("a broken or foreign backup file is refused and changes nothing", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  // Edited, so leaving keeps it (an untouched new meeting is discarded).
  await page.locator("#title").fill("问题解决会(周二)");
  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);

  const files = [
    ["broken.json", '{"app": "crossmeet", "meetings": [', /不是有效的 JSON 文件/],
    ["foreign.json", '{"name": "some other app", "items": []}', /不是跨部门会议助手导出的备份或会议文件/],
    ["future.json", '{"app":"crossmeet","kind":"backup","schema":99,"meetings":[]}', /更新版本/],
  ];
  for (const [name, text, message] of files) {
    await page.getByTestId("restore-file").setInputFiles({
      name,
      mimeType: "application/json",
      buffer: Buffer.from(text),
    });
    const error = page.getByTestId("restore-error");
    await error.waitFor();
    assert.match(await error.textContent(), message);
    assert.match(await error.textContent(), /未做任何更改/);
    assert.equal(await page.getByTestId("restore-plan").count(), 0);
  }
  await page.goto(shared.server.url);
  await waitForApp(page);
  assert.equal(await cards(page).count(), 1, "the existing meeting is untouched");
  await context.close();
});

test("long lists draw a page at a time: meetings and tracker rows by 30", async () => {
  const { generateMeetings } = await import("../bench-data.mjs");
  const meetings = generateMeetings(35, { actionItems: 6 }).map(({ text }) => JSON.parse(text));
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);
  const backup = JSON.stringify({ app: "crossmeet", kind: "backup", schema: 3, meetings });
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await page.getByTestId("restore-confirm").click();
  await page.getByTestId("toast").filter({ hasText: /已恢复 35 个会议/ }).waitFor();
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.getByTestId("show-more").waitFor();
  assert.equal(await cards(page).count(), 30);
  assert.match(await page.getByTestId("show-more").textContent(), /再显示 5 项\(共 35 项\)/);
  await page.getByTestId("show-more").click();
  assert.equal(await cards(page).count(), 35);
  assert.equal(await page.getByTestId("show-more").count(), 0);

  await page.goto(shared.server.url + "#/tracker");
  await waitForApp(page);
  await page.getByTestId("show-more").waitFor();
  const rows = page.locator("[data-testid=tracker] tbody tr");
  assert.equal(await rows.count(), 30);
  assert.match(await page.getByTestId("show-more").textContent(), /再显示 30 项\(共 210 项\)/);
  // Filtering looks at every row, not only the drawn ones.
  const toms = meetings.flatMap((m) => m.meeting.actions).filter((a) => a.owner === "Tom").length;
  assert.ok(toms > 0 && toms <= 30, `${toms} rows for Tom`);
  await page.getByTestId("filter-person").fill("Tom");
  assert.equal(await rows.count(), toms);
  await page.getByTestId("filter-person").fill("");
  for (let page_ = 0; page_ < 6; page_++) await page.getByTestId("show-more").click();
  assert.equal(await rows.count(), 210);
  assert.equal(await page.getByTestId("show-more").count(), 0);
  await context.close();
});
