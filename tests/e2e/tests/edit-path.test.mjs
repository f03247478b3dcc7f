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
  fillDiskOnRequest,
  launchBrowser,
  openApp,
  serveDist,
  startChromium,
  storedRecord,
  waitForApp,
  waitForStored,
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
    // Leaving the editor stores it in every build, so what is tested below is the undo.
    await editor.blur();
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

test("a meeting deleted in one tab does not come back from another tab that has it open", async () => {
  const { context, page: first } = await openApp(browser, server.url);
  try {
    const id = await newMeeting(first);
    await first.locator('input[name="title"]').fill("将被删除的会议");
    await waitForStored(first, id, (m) => m.title === "将被删除的会议", "the title");
    const second = await context.newPage();
    await second.goto(`${server.url}#/m/${encodeURIComponent(id)}/plan`);
    await waitForApp(second);
    await second.locator('input[name="title"]').waitFor();

    await first.goto(server.url);
    await waitForApp(first);
    await first.locator(".meeting-card").filter({ hasText: "将被删除的会议" }).getByRole("button", { name: "删除" }).click();
    await first.locator(".meeting-card").filter({ hasText: "将被删除的会议" }).waitFor({ state: "detached" });

    for (let tries = 0; (await storedRecord(first, id)) !== null && tries < 100; tries++) {
      await first.waitForTimeout(50);
    }
    assert.equal(await storedRecord(first, id), null, "deleted from the store");
    // One keystroke in the other tab, if its title field is still there.
    await second.locator('input[name="title"]').press("x", { timeout: 1000 }).catch(() => {});
    // Proving a write does NOT happen: nothing to wait for, so the other tab is given a moment.
    await second.waitForTimeout(500);
    assert.equal(await storedRecord(first, id), null, "a keystroke elsewhere does not bring it back");
    await first.reload();
    await waitForApp(first);
    assert.equal(await first.locator(".meeting-card").filter({ hasText: "将被删除的会议" }).count(), 0);
    // The other tab was told: the meeting went from it too, with a word.
    await second.getByTestId("meeting-not-found").waitFor();
    assert.match(await second.getByTestId("toast").textContent(), /已在另一个标签页或窗口中删除/);
  } finally {
    await context.close();
  }
});

/** Restores a backup holding `meetings` (each `{ id, title, updated_at, actions }`). */
async function restoreMeetings(page, meetings) {
  const text = JSON.stringify({
    app: "crossmeet",
    kind: "backup",
    schema: 2,
    meetings: meetings.map((meeting) => ({ schema: 2, meeting })),
  });
  await page.goto(server.url + "#/settings");
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByTestId("restore-confirm").click();
  await page.getByTestId("toast").filter({ hasText: /已恢复 \d+ 个会议/ }).waitFor();
}

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const action = (id, task, owner, deadline, status = "Open") => ({ id, task, owner, department: "研发部", deadline, status });

test("a half-typed progress note stays with its action when the tracker is re-sorted, and Enter files it there", async () => {
  const { context, page } = await openApp(browser, server.url);
  try {
    await restoreMeetings(page, [
      {
        id: "m1",
        title: "排期会",
        updated_at: new Date().toISOString(),
        actions: [action("a1", "完成技术方案初稿", "赵工", day(-2)), action("a2", "确认投放预算", "Amy", day(3))],
      },
    ]);
    await page.goto(server.url + "#/tracker");
    await waitForApp(page);
    const rowOf = (task) => page.locator("[data-testid=tracker] tbody tr").filter({ hasText: task });
    const note = (task) => rowOf(task).getByPlaceholder("添加今日进展");
    await note("完成技术方案初稿").fill("已完成一半");
    // By owner, Amy comes before 赵工: the two actions swap places.
    await page.getByTestId("sort").selectOption("Owner");
    await page.waitForFunction(() => document.querySelector("[data-testid=tracker] tbody tr").textContent.includes("确认投放预算"));
    assert.equal(await note("完成技术方案初稿").inputValue(), "已完成一半", "the draft moved with its action");
    assert.equal(await note("确认投放预算").inputValue(), "", "the other action shows no draft");
    await note("完成技术方案初稿").press("Enter");
    const stored = await waitForStored(page, "m1", (m) => m.actions.some((a) => a.progress?.length), "the note");
    const notes = Object.fromEntries(stored.actions.map((a) => [a.id, (a.progress ?? []).map((p) => p.text)]));
    assert.deepEqual(notes, { a1: ["已完成一半"], a2: [] });
  } finally {
    await context.close();
  }
});

test("a restore confirmed after the meeting was edited in another tab keeps that edit", async () => {
  const { context, page } = await openApp(browser, server.url);
  try {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const twoHoursAgo = new Date(Date.now() - 7_200_000).toISOString();
    await restoreMeetings(page, [{ id: "r1", title: "最初的标题", updated_at: twoHoursAgo, actions: [] }]);
    // A newer backup of it is chosen: the plan says it will be updated.
    const newer = JSON.stringify({
      app: "crossmeet",
      kind: "backup",
      schema: 2,
      meetings: [{ schema: 2, meeting: { id: "r1", title: "备份里的标题", updated_at: hourAgo } }],
    });
    await page.getByTestId("restore-file").setInputFiles({ name: "b2.json", mimeType: "application/json", buffer: Buffer.from(newer) });
    await page.getByTestId("restore-confirm").waitFor();
    // Meanwhile the meeting is edited in another tab.
    const other = await context.newPage();
    await other.goto(`${server.url}#/m/r1/plan`);
    await waitForApp(other);
    await other.locator('input[name="title"]').fill("另一个标签页刚改的标题");
    await waitForStored(other, "r1", (m) => m.title === "另一个标签页刚改的标题", "the other tab's edit");
    // The other tab's save reaches this one over the BroadcastChannel and is read back; there
    // is nothing on the settings page to wait for, so a moment is given.
    await page.waitForTimeout(300);
    await page.getByTestId("restore-confirm").click();
    await page.getByTestId("toast").filter({ hasText: /已恢复 \d+ 个会议|没有恢复任何内容/ }).waitFor();
    const stored = await waitForStored(page, "r1", () => true, "r1");
    assert.match(await page.getByTestId("toast").textContent(), /已全部保留/);
    assert.equal(stored.title, "另一个标签页刚改的标题", "the edit made after the file was chosen is kept");
  } finally {
    await context.close();
  }
});

test("an action calendar downloaded again after marking an action done carries a higher SEQUENCE", async () => {
  const { context, page } = await openApp(browser, server.url);
  try {
    await restoreMeetings(page, [
      { id: "s1", title: "周会", updated_at: new Date().toISOString(), actions: [action("c1", "提交测试报告", "钱工", day(4))] },
    ]);
    await page.goto(server.url + "#/tracker");
    await waitForApp(page);
    const sequenceOf = async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-action-ics").click()]);
      const file = path.join(os.tmpdir(), `crossmeet-seq-${Date.now()}.ics`);
      await download.saveAs(file);
      const ics = fs.readFileSync(file, "utf8");
      const event = ics.split("BEGIN:VEVENT").find((block) => block.includes("c1"));
      return { sequence: Number(/SEQUENCE:(\d+)/.exec(event)[1]), status: /STATUS:(\w+)/.exec(event)?.[1] };
    };
    const first = await sequenceOf();
    await page.locator("[data-testid=tracker] tbody tr").filter({ hasText: "提交测试报告" }).getByRole("combobox").selectOption("Done");
    await waitForStored(page, "s1", (m) => m.actions[0].status === "Done", "done");
    const second = await sequenceOf();
    assert.equal(second.status, "CANCELLED");
    assert.ok(second.sequence > first.sequence, `SEQUENCE ${first.sequence} → ${second.sequence}`);
  } finally {
    await context.close();
  }
});

test("a tab holding unsaved edits of a meeting deleted elsewhere asks: keep it, or let it go", async () => {
  const context = await browser.newContext();
  await context.addInitScript(fillDiskOnRequest);
  try {
    const first = await context.newPage();
    await first.goto(server.url);
    await waitForApp(first);
    const id = await newMeeting(first);
    await first.locator('input[name="title"]').fill("两边都在改的会议");
    await waitForStored(first, id, (m) => m.title === "两边都在改的会议", "the title");
    const second = await context.newPage();
    await second.goto(`${server.url}#/m/${encodeURIComponent(id)}/plan`);
    await waitForApp(second);
    // The second tab's edit cannot be stored (its disk is full): it is held there, unsaved.
    await second.evaluate(() => (window.__diskFull = true));
    await second.locator("#field-objective").fill("这里还没保存的目标");
    await second.locator('[data-testid="storage-error"]').waitFor();

    await first.goto(server.url);
    await waitForApp(first);
    await first.locator(".meeting-card").filter({ hasText: "两边都在改的会议" }).getByRole("button", { name: "删除" }).click();
    await first.locator(".meeting-card").filter({ hasText: "两边都在改的会议" }).waitFor({ state: "detached" });

    // Space again: the held edit meets the deletion, and the user is asked.
    await second.evaluate(() => (window.__diskFull = false));
    const conflict = second.locator('[data-testid="conflict"][data-deleted="true"]');
    await conflict.waitFor();
    assert.match(await conflict.textContent(), /已在另一个标签页或窗口中删除.*未保存的修改/s);
    assert.equal(await storedRecord(first, id), null, "nothing written back before the user chose");
    assert.equal(await second.locator("#field-objective").inputValue(), "这里还没保存的目标", "the edit is still there");

    // Kept: written again, as a new meeting, with the edit.
    await conflict.getByTestId("conflict-mine").click();
    const kept = await waitForStored(first, id, (m) => m.objective === "这里还没保存的目标", "the kept meeting");
    assert.equal(kept.title, "两边都在改的会议");

    // Deleted again, with a held edit again: let go this time, and it stays deleted.
    await second.evaluate(() => (window.__diskFull = true));
    await second.locator("#field-objective").fill("又改了一次");
    await first.reload();
    await waitForApp(first);
    await first.locator(".meeting-card").filter({ hasText: "两边都在改的会议" }).getByRole("button", { name: "删除" }).click();
    await first.locator(".meeting-card").filter({ hasText: "两边都在改的会议" }).waitFor({ state: "detached" });
    await second.evaluate(() => (window.__diskFull = false));
    await conflict.waitFor();
    await conflict.getByTestId("conflict-let-go").click();
    await second.getByTestId("meeting-not-found").waitFor();
    // Proving a write does not happen: a moment for one that would.
    await second.waitForTimeout(500);
    assert.equal(await storedRecord(first, id), null, "let go: not written back");
  } finally {
    await context.close();
  }
});
