// Sharing a plan (D4) and the retrospective (F5), as people use them: a link copied on one device
// opens on another with the server gone, a meeting file imports through a preview, feedback and
// improvement notes gathered after one meeting show on the next meeting of the series and in the
// review.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, openApp, waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

async function restore(page, url, meetings) {
  const backup = JSON.stringify({ app: "crossmeet", kind: "backup", schema: 2, meetings });
  await page.goto(url + "#/settings");
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await page.getByTestId("restore-confirm").click();
  // Stored before the test moves on (leaving while a restore is written asks first).
  await page.getByTestId("toast").filter({ hasText: /已恢复 \d+ 个会议/ }).waitFor();
}

test("a share link opens offline on another device, previews, and imports; a cut link is refused", async () => {
  const local = await serveDist();
  // The sender plans a meeting and copies its link.
  const sender = await openApp(shared.browser, local.url);
  await sender.page.locator('[data-template="ProblemSolving"]').click();
  await sender.page.locator('input[name="title"]').fill("客诉复盘 | \"Q4\" <b>加粗</b>");
  await sender.page.locator(".share-plan summary").click();
  await sender.page.getByTestId("copy-share-link").click();
  const link = await sender.page.getByTestId("share-link").inputValue();
  assert.match(link, /#\/share\/[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 2500, `a template-sized plan makes a short link (${link.length} chars)`);

  // The receiver has visited the app once; now the server is gone.
  const receiver = await openApp(shared.browser, local.url);
  await receiver.page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15000 });
  await local.stop();
  await receiver.page.goto(link);
  await waitForApp(receiver.page);
  const preview = receiver.page.getByTestId("share-preview");
  await preview.waitFor();
  const text = await preview.textContent();
  assert.match(text, /客诉复盘 \| "Q4" <b>加粗<\/b>/, "the title is shown as text, markup and all");
  assert.match(text, /60 分钟 · 0 位参会人 · 5 个议程项/);
  assert.equal(await receiver.page.locator("b").count(), 0);
  assert.equal(await receiver.page.locator(".meeting-card").count(), 0, "nothing imported before confirming");
  await receiver.page.getByTestId("share-import").click();
  await receiver.page.getByTestId("workspace-title").waitFor();
  assert.equal(await receiver.page.getByTestId("workspace-title").textContent(), "客诉复盘 | \"Q4\" <b>加粗</b>");
  assert.match(await receiver.page.getByTestId("toast").textContent(), /已导入/);

  // The same link again lands beside it, never over it.
  await receiver.page.goto(link);
  await waitForApp(receiver.page);
  await receiver.page.getByTestId("share-import").click();
  await receiver.page.getByTestId("workspace-title").waitFor();
  assert.match(await receiver.page.getByTestId("toast").textContent(), /作为副本/);
  await receiver.page.goto(local.url);
  await waitForApp(receiver.page);
  assert.equal(await receiver.page.locator(".meeting-card").count(), 2);

  // A link cut short in a chat message is refused with a reason.
  await receiver.page.goto(link.slice(0, link.length - 40));
  await waitForApp(receiver.page);
  assert.match(await receiver.page.getByTestId("share-error").textContent(), /分享链接不完整或已被改动.*未做任何更改/);
  await sender.context.close();
  await receiver.context.close();
});

test("a meeting file carries the plan only and imports through a preview", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.locator('[data-template="StrategyRollout"]').click();
  await page.locator('input[name="title"]').fill("=HYPERLINK(\"http://x\") 战略宣贯");
  const id = page.url().split("/m/")[1].split("/")[0];
  await waitForStored(page, id, (m) => m.title === "=HYPERLINK(\"http://x\") 战略宣贯", "the title");
  await page.locator(".share-plan summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-plan").click()]);
  const file = Buffer.concat(await (await download.createReadStream()).toArray());
  const parsed = JSON.parse(file.toString("utf8"));
  assert.equal(parsed.kind, "meeting");
  assert.equal(parsed.meetings.length, 1);
  assert.deepEqual(parsed.meetings[0].meeting.run_log, []);

  // A foreign file is refused; the meeting file previews, then imports.
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.getByTestId("open-shared").click();
  await page.getByTestId("share-file").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"hello":1}') });
  assert.match(await page.getByTestId("share-error").textContent(), /不是跨部门会议助手导出的备份或会议文件/);
  await page.getByTestId("share-file").setInputFiles({ name: "plan.json", mimeType: "application/json", buffer: file });
  assert.match(await page.getByTestId("share-preview").textContent(), /=HYPERLINK\("http:\/\/x"\) 战略宣贯/);
  await page.getByTestId("share-import").click();
  await page.getByTestId("workspace-title").waitFor();
  assert.match(await page.getByTestId("toast").textContent(), /作为副本/, "this device already holds it");
  assert.deepEqual(errors, []);
  await context.close();
});

test("feedback and improvement notes reach the series' next meeting and the review", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const series = { id: "ser-1", name: "产品周会" };
  const held = {
    id: "s1",
    title: "产品周会 11/16",
    series,
    created_at: "2026-11-10T02:00:00Z",
    updated_at: "2026-11-16T04:00:00Z",
    schedule: { starts_at: "2026-11-16T02:00:00Z", duration_minutes: 60 },
    run_log: [
      { at: "2026-11-16T02:00:00Z", kind: "Started" },
      { at: "2026-11-16T03:15:00Z", kind: "Ended" },
    ],
    actions: [
      { id: "x1", task: "上线清单", owner: "张工", deadline: "2026-11-20", status: "Done", completed_on: "2026-11-19" },
      { id: "x2", task: "压测报告", owner: "Li", deadline: "2026-11-18", status: "Done", completed_on: "2026-11-21" },
    ],
  };
  const next = {
    id: "s2",
    title: "产品周会 11/23",
    series,
    created_at: "2026-11-17T02:00:00Z",
    updated_at: "2026-11-17T02:00:00Z",
    schedule: { starts_at: "2026-11-23T02:00:00Z", duration_minutes: 60 },
  };
  await restore(page, shared.server.url, [{ schema: 2, meeting: held }, { schema: 2, meeting: next }]);

  // After the meeting: one participant's feedback, one improvement note.
  await page.goto(shared.server.url + "#/m/s1/follow-up");
  await waitForApp(page);
  await page.getByTestId("fb-record").click();
  await page.getByText("请先回答前两个问题并评分").waitFor();
  await page.getByTestId("fb-agenda-false").check();
  await page.getByTestId("fb-materials-true").check();
  await page.getByTestId("fb-rating-4").check();
  await page.getByTestId("fb-record").click();
  assert.match(await page.getByTestId("feedback-summary").textContent(), /已收到 1 份:议程时间合适 0 份,材料够用 1 份,平均评分 4\.0/);
  assert.equal(await page.getByTestId("fb-rating-4").isChecked(), false, "the form is ready for the next person");
  await page.getByTestId("improvement-input").fill("议程压缩到 45 分钟");
  await page.getByTestId("improvement-input").press("Enter");
  await page.getByTestId("improvement-notes").getByText("议程压缩到 45 分钟").waitFor();
  await waitForStored(page, "s1", (m) => JSON.stringify(m.improvement_notes ?? []).includes("议程压缩到 45 分钟"), "the note");

  // The next meeting's plan starts from the note.
  await page.goto(shared.server.url + "#/m/s2/plan");
  await waitForApp(page);
  assert.equal(await page.getByTestId("series").inputValue(), "产品周会");
  assert.match(await page.getByTestId("carried-notes").textContent(), /产品周会 11\/16.*议程压缩到 45 分钟/s);

  // A new meeting joins the series by name and sees the same note.
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.locator('[data-template="ProjectCollaboration"]').click();
  await page.getByTestId("series").fill("产品周会");
  await page.getByTestId("series").press("Tab");
  assert.match(await page.getByTestId("carried-notes").textContent(), /议程压缩到 45 分钟/);

  // The review: achievement, overrun, feedback, notes; then by quarter.
  await page.locator('nav[aria-label="primary"] a', { hasText: "复盘" }).click();
  const group = page.getByTestId("retro-group").filter({ hasText: "产品周会" });
  await group.waitFor();
  const text = await group.textContent();
  assert.match(text, /3 场会议/);
  assert.match(text, /行动项按时完成率 50%/);
  assert.doesNotMatch(text, /目标达成率/, "the figure is named for what it measures");
  assert.deepEqual(await group.locator("[data-testid=retro-legend] .swatch").evaluateAll((s) => s.map((e) => e.classList[1])), ["bar-on-time", "bar-late", "bar-open"], "each part of the bar has its colour in the legend");
  assert.match(text, /按时完成 1 · 延期完成 1 · 未完成 0（已逾期 0）/);
  assert.match(text, /平均超时 \+15 分钟/);
  assert.match(text, /已收到 1 份/);
  assert.match(text, /议程压缩到 45 分钟/);
  assert.equal(await group.locator("svg.overrun rect").count(), 1, "one bar per held meeting");
  await page.getByRole("button", { name: "按季度" }).click();
  assert.match(await page.getByTestId("retro-group").first().textContent(), /2026 年第 4 季度/);
  assert.deepEqual(errors, []);
  await context.close();
});
