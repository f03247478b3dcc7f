// What an organiser tripped over in the room and at the desk (E2, E8, F5): a refused screen wake
// lock is said in the user's language, on a line of its own and not over the capture boxes; the
// review names its figure for what it measures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { addParticipant, storedRecord, waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

/** An init script: the browser refuses the wake lock the way Chromium does in battery saver. */
function refuseWakeLock() {
  Object.defineProperty(navigator, "wakeLock", {
    configurable: true,
    value: { request: () => Promise.reject(new DOMException("Wake Lock permission request denied", "NotAllowedError")) },
  });
}

/** An init script: a browser without the Screen Wake Lock API. */
function noWakeLock() {
  Object.defineProperty(navigator, "wakeLock", { configurable: true, value: undefined });
}

/** Creates a meeting from `template` on the meeting list and waits for its workspace; returns its id. */
async function newMeeting(page, template) {
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.locator(`[data-template="${template}"]`).click();
  await page.getByTestId("workspace-title").waitFor();
  return page.url().split("/m/")[1].split("/")[0];
}

async function startMeeting(page, people = []) {
  const id = await newMeeting(page, "ProblemSolving");
  for (const [name, department] of people) await addParticipant(page, name, department);
  await page.goto(`${shared.server.url}#/m/${id}/run`);
  await waitForApp(page);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("current-item").waitFor();
}

/** Creates a meeting from `template` and opens its `tab`; returns the meeting's id. */
async function newMeetingAt(page, template, tab) {
  const id = await newMeeting(page, template);
  await page.goto(`${shared.server.url}#/m/${id}/${tab}`);
  await waitForApp(page);
  return id;
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("a refused wake lock is said in the user's language, away from the inputs", async () => {
  const cases = [
    [refuseWakeLock, "Zh", "浏览器没有允许屏幕保持常亮(常见于省电模式):开会时请把系统的自动锁屏时间调长。"],
    [noWakeLock, "Zh", "这个浏览器不能让屏幕保持常亮:开会时请把系统的自动锁屏时间调长。"],
    [refuseWakeLock, "En", "The browser did not let the screen stay on (often in battery saver): set a longer screen timeout for the meeting."],
  ];
  for (const [script, lang, expected] of cases) {
    const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
    await context.addInitScript((lang) => localStorage.setItem("crossmeet.prefs", JSON.stringify({ lang })), lang);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.addInitScript(script);
    await startMeeting(page);
    const note = page.getByTestId("wake-note");
    await note.waitFor();
    assert.equal((await note.textContent()).trim(), expected, `${script.name}, ${lang}`);
    assert.equal(await page.getByTestId("toast").count(), 0, "no toast over the capture boxes");
    assert.doesNotMatch(await page.locator("body").textContent(), /Wake Lock|permission request/, "not the browser's words");
    const box = await note.boundingBox();
    for (const input of await page.locator("[data-testid=run] input, [data-testid=run] textarea").all()) {
      if (!(await input.isVisible())) continue;
      assert.ok(!overlaps(box, await input.boundingBox()), "the note covers no input");
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

const CAPTURED = {
  decisions: ["采用方案 A", "上线日期定为 12 月 20 日", "周五前完成供应商比选,预算不超过二十万元,由采购部牵头并同步财务部和法务部,下周一在例会上汇报结果", "客服话术由客服部统一发布"],
  actions: ["整理近三个月的客诉清单", "更新客服话术", "联系外部供应商", "排查支付超时"],
  parked: ["下季度预算", "招聘计划", "办公室搬迁", "年会安排"],
};
const INPUT = { decisions: "decision-input", actions: "action-input", parked: "park-input" };

async function capture(page, kind, text) {
  await page.getByTestId(INPUT[kind]).fill(text);
  await page.getByTestId(INPUT[kind]).press("Enter");
}

/** The texts of a captured list, top to bottom. */
const listed = (page, kind) => page.getByTestId(kind).locator("li textarea").evaluateAll((boxes) => boxes.map((box) => box.value));

test("while the clocks run, capture and the newest three of each kind stay in the first screen of a laptop", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await startMeeting(page);
  for (const [kind, texts] of Object.entries(CAPTURED)) for (const text of texts) await capture(page, kind, text);
  await page.keyboard.press("Escape");
  await page.evaluate(() => window.scrollTo(0, 0));

  // Each list has its heading and count, newest first.
  const headings = await page.getByTestId("capture").locator("h3").evaluateAll((hs) => hs.map((h) => h.textContent.replace(/\s+/g, " ").trim()));
  assert.deepEqual(headings, ["决议 4 (D)", "行动项 4 (A)", "会后单独沟通 4 (P)"]);
  assert.deepEqual(await listed(page, "decisions"), [...CAPTURED.decisions].reverse());
  assert.deepEqual(await listed(page, "parked"), [...CAPTURED.parked].reverse());
  assert.deepEqual(await listed(page, "actions"), [...CAPTURED.actions].reverse());

  // In view without scrolling: the three inputs, and the top of each of the newest three items.
  const outOfView = await page.evaluate(() => {
    const seen = (el, inside) => {
      const box = el.getBoundingClientRect();
      const limit = inside ? Math.min(innerHeight, inside.getBoundingClientRect().bottom) : innerHeight;
      return box.top >= 0 && box.top + 12 <= limit && box.right <= innerWidth;
    };
    const missing = [];
    for (const id of ["decision-input", "action-input", "park-input"]) if (!seen(document.querySelector(`[data-testid=${id}]`))) missing.push(id);
    for (const kind of ["decisions", "actions", "parked"]) {
      const list = document.querySelector(`[data-testid=${kind}]`);
      [...list.children].slice(0, 3).forEach((item, n) => { if (!seen(item, list)) missing.push(`${kind} ${n + 1}`); });
    }
    return missing;
  });
  assert.deepEqual(outOfView, [], "in the first screen");
  assert.ok(await page.getByTestId("item-elapsed").isVisible());

  // A long decision wraps instead of running out of its box.
  const long = page.getByTestId("decisions").locator("textarea").nth(1);
  const { scrollWidth, clientWidth } = await long.evaluate((box) => ({ scrollWidth: box.scrollWidth, clientWidth: box.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, "no sideways overflow");
  assert.ok((await long.boundingBox()).height > 40, "more than one line");
  assert.deepEqual(errors, []);
  await context.close();
});

test("captured decisions, actions and parked points are fixed in place and removed with undo", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await startMeeting(page);
  const id = page.url().split("/m/")[1].split("/")[0];
  for (const [kind, texts] of Object.entries(CAPTURED)) for (const text of texts.slice(0, 2)) await capture(page, kind, text);
  const stored = async () => (await storedRecord(page, id)).meeting;

  // Fixed in place: the stored meeting follows what is typed, in each kind.
  await page.getByTestId("decisions").locator("textarea").nth(1).fill("采用方案 B");
  await page.getByTestId("parked").locator("textarea").first().fill("招聘计划(下月)");
  await page.getByTestId("actions").locator("textarea").first().fill("更新客服话术(含英文版)");
  await waitForStored(page, id, (m) => m.decisions[0].text === "采用方案 B" && m.parking_lot[1].text === "招聘计划(下月)" && m.actions[1].task === "更新客服话术(含英文版)", "edits stored");

  // Removed, then later edits elsewhere, then undo: only the removed row comes back.
  for (const kind of ["decisions", "actions", "parked"]) {
    const before = await stored();
    await page.getByTestId(kind).locator("li").first().getByRole("button", { name: "删除" }).click();
    assert.equal((await page.getByTestId(kind).locator("li").count()), 1, `${kind}: one left`);
    await page.getByTestId("decision-input").fill(`${kind} 之后的决议`);
    await page.getByTestId("decision-input").press("Enter");
    await page.getByTestId("toast").filter({ hasText: "已删除一行" }).last().getByRole("button", { name: "撤销" }).click();
    await page.waitForFunction((kind) => document.querySelectorAll(`[data-testid=${kind}] li`).length === (kind === "decisions" ? 3 : 2), kind);
    const field = { decisions: "decisions", actions: "actions", parked: "parking_lot" }[kind];
    const removed = before[field][before[field].length - 1];
    await waitForStored(page, id, (m) => m[field].some((row) => row.id === removed.id) && m.decisions.some((d) => d.text === `${kind} 之后的决议`),
      `${kind}: the removed row is back, and the decision typed after it stays`);
  }
  await context.close();
});

test("on a phone the capture follows the clocks on the first screen, without keyboard hints", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await startMeeting(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const testid of ["item-elapsed", "meeting-elapsed", "next-item", "decision-input"]) {
    const box = await page.getByTestId(testid).boundingBox();
    assert.ok(box && box.y + box.height <= 844, `${testid} on the first screen`);
  }
  const hints = await page.locator(".key-hint").evaluateAll((hints) => hints.filter((h) => h.getBoundingClientRect().width > 0).length);
  assert.equal(hints, 0, "no (N), (D) on a phone");
  assert.doesNotMatch(await page.getByTestId("next-item").innerText(), /\(N\)/);
  await context.close();
});

test("room mode shows the room the clocks, the item, the agenda and what was decided, and the host's prompts and controls not", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await startMeeting(page, [["李工", "研发部"], ["张经理", "客服部"]]);
  for (const [kind, texts] of Object.entries(CAPTURED)) for (const text of texts.slice(0, 2)) await capture(page, kind, text);
  await page.getByRole("button", { name: /^下一议题/ }).click();
  await page.locator('input[aria-label="发言人"]').fill("李工（研发部）");
  await page.getByRole("button", { name: /^开始发言/ }).click();
  await page.getByTestId("not-heard").waitFor();
  await page.keyboard.press("Escape");
  await page.getByTestId("room-mode").click();
  assert.match(await page.getByTestId("run").getAttribute("class"), /\broom\b/);

  const shown = async (selector) => page.locator(selector).evaluateAll((els) => els.filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== "hidden";
  }).length);
  for (const selector of [".prompts", "[data-testid=not-heard]", "[data-testid=airtime]", "[data-testid=pause]", "[data-testid=next-item]",
    "[data-testid=end-meeting]", "input[aria-label=发言人]", "[data-testid=decision-input]", "[data-testid=action-input]", "[data-testid=park-input]",
    "[data-testid=capture] button", "[data-testid=incomplete]", ".key-hint", "label.check"]) {
    assert.equal(await shown(selector), 0, `${selector} stays on the host's screen`);
  }
  for (const testid of ["item-elapsed", "meeting-elapsed", "current-item", "turn-left", "decisions", "actions", "parked"]) {
    assert.ok(await page.getByTestId(testid).isVisible(), `${testid} is shown to the room`);
  }
  assert.equal(await page.locator(".progress li").count(), 5, "the agenda is shown to the room");
  await page.screenshot({ path: "/tmp/room-desk-room.png" });

  // The shortcuts still capture: D shows the field while it is typed in; Escape hides it again.
  await page.keyboard.press("d");
  assert.ok(await page.getByTestId("decision-input").isVisible());
  await page.keyboard.type("会上确认的第三条");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  assert.equal(await shown("[data-testid=decision-input]"), 0);
  assert.match(await page.getByTestId("run").getAttribute("class"), /\broom\b/, "the first Escape only leaves the field");
  assert.ok((await listed(page, "decisions")).includes("会上确认的第三条"));
  await page.keyboard.press("Escape");
  assert.doesNotMatch(await page.getByTestId("run").getAttribute("class"), /\broom\b/);
  await context.close();
});

test("a meeting whose start has passed cannot be sent, and its copy is planned for the same slot next week", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 }, timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.clock.install({ time: new Date("2026-12-14T10:00:00+08:00") });
  const id = await newMeetingAt(page, "ProjectCollaboration", "prepare");
  // Last Thursday, 14:00.
  await page.locator("#field-start").fill("2026-12-10T14:00");
  await page.locator("#field-start").dispatchEvent("change");
  await waitForStored(page, id, (m) => m.schedule.starts_at === "2026-12-10T06:00:00Z", "the start is stored");
  assert.equal((await page.getByTestId("working-days").textContent()).trim(), "开始时间已过", "not '-2 working days'");
  const finding = page.locator('[data-testid=readiness] [data-code="R1-start-past"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /必须修改/);
  assert.equal(await page.getByTestId("ready").count(), 0, "not ready to send");

  // Duplicated from the list: the copy is next Thursday 14:00, and has nothing to fix about its time.
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.getByTestId("meeting-list").locator("li").first().getByRole("button", { name: "复制" }).click();
  const copy = page.getByTestId("meeting-list").locator("li").filter({ hasText: "(副本)" });
  await copy.waitFor();
  await copy.locator("a.meeting-title").click();
  await page.getByTestId("workspace-title").waitFor();
  const copyId = page.url().split("/m/")[1].split("/")[0];
  await page.goto(`${shared.server.url}#/m/${copyId}/prepare`);
  await waitForApp(page);
  assert.equal(await page.locator("#field-start").inputValue(), "2026-12-17T14:00");
  assert.equal(await page.locator('[data-testid=readiness] [data-code="R1-start-past"]').count(), 0);
  await context.close();
});

test("the notice gives the weekday and end, offers 'mark as sent' once copied, counts its pre-reads as sent, and the checks end once the meeting is held", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 }, timezoneId: "Asia/Shanghai" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.clock.install({ time: new Date("2026-12-04T10:00:00+08:00") });
  const id = await newMeetingAt(page, "ProjectCollaboration", "prepare");
  await page.locator("#field-start").fill("2026-12-10T14:00");
  await page.locator("#field-start").dispatchEvent("change");
  await page.getByRole("button", { name: "+ 添加预读材料" }).click();
  await page.getByTestId("materials").locator("li").first().getByPlaceholder("标题").fill("Q3 排期两种方案");
  await waitForStored(page, id, (m) => m.materials[0]?.title === "Q3 排期两种方案" && m.schedule.starts_at, "plan stored");

  // The notice: weekday and end time, and the heading is the objective, not the form's hint.
  await page.getByTestId("notice-preview").evaluate((el) => el.closest("details").open = true);
  const preview = await page.getByTestId("notice-preview").textContent();
  assert.match(preview, /12月10日\(周四\)14:00–15:00/);
  assert.match(preview, /会议目标/);
  assert.doesNotMatch(preview, /动词\+结果/);

  // Copied: marking it sent is offered; marked: the pre-read counts as sent too; undo takes both back.
  assert.equal(await page.getByTestId("notice-sent-offer").count(), 0);
  await page.getByTestId("copy-notice").click();
  await page.getByTestId("notice-sent-offer").waitFor();
  assert.match(await page.getByTestId("mark-notice-sent").getAttribute("class"), /primary/);
  await page.getByTestId("mark-notice-sent").click();
  const marked = await waitForStored(page, id, (m) => m.schedule.notice_sent_at && m.materials[0].sent_at, "notice and pre-read marked");
  assert.equal(marked.materials[0].sent_at, marked.schedule.notice_sent_at);
  await page.getByTestId("notice-sent-offer").waitFor({ state: "detached" });
  assert.match(await page.getByTestId("notice-sent-at").textContent(), /通知已于 2026-12-04 10:00 发出/);
  assert.ok(await page.getByTestId("materials").locator("input[type=checkbox]").isChecked(), "the pre-read shows as sent");
  // An edit made after it is kept by the undo.
  await page.locator("#field-duration").fill("90");
  await page.locator("#field-duration").dispatchEvent("change");
  await waitForStored(page, id, (m) => m.schedule.duration_minutes === 90, "a later edit");
  await page.getByTestId("toast").filter({ hasText: "已标记通知已发送" }).getByRole("button", { name: "撤销" }).click();
  await waitForStored(page, id, (m) => !m.schedule.notice_sent_at && !m.materials[0].sent_at && m.schedule.duration_minutes === 90,
    "undo takes both back and keeps the later edit");

  // Once the meeting has started, the checks before sending are over.
  await page.goto(`${shared.server.url}#/m/${id}/run`);
  await waitForApp(page);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("current-item").waitFor();
  await page.goto(`${shared.server.url}#/m/${id}/prepare`);
  await waitForApp(page);
  const readiness = page.getByTestId("readiness");
  await readiness.waitFor();
  assert.match(await readiness.textContent(), /会议已经开始,发送前检查到此结束。/);
  assert.equal(await readiness.locator("li.finding").count(), 0);
  await context.close();
});

test("the stand-up takes blocked and overdue first, owners in pinyin order, shows the last progress line and is edited on the spot", async () => {
  const day = (offset) => new Date(Date.now() + offset * 86400000).toLocaleDateString("sv");
  const action = (id, task, owner, deadline, status = "Open", progress = []) => ({ id, task, owner, department: "", deadline, status, progress });
  const backup = JSON.stringify({
    app: "crossmeet", kind: "backup", schema: 4,
    meetings: [{ schema: 4, meeting: { id: "m1", title: "Q3 新品上线", updated_at: new Date().toISOString(), actions: [
      action("s1", "确认渠道备货", "孙磊", day(5)),
      action("w1", "制定推广计划", "王芳", day(7), "Blocked"),
      action("z1", "测算成本差异", "赵敏", day(9)),
      action("c1", "输出研发冻结计划", "陈建国", day(10), "InProgress"),
      action("c2", "提交测试报告", "陈建国", day(-1), "InProgress", [{ on: day(-3), text: "用例已写完" }, { on: day(-1), text: "等测试环境" }]),
    ] } }],
  });
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await page.getByTestId("restore-confirm").click();
  await page.getByTestId("toast").filter({ hasText: /已恢复 \d+ 个会议/ }).waitFor();
  await page.goto(shared.server.url + "#/standup");
  await waitForApp(page);
  const standup = page.getByTestId("standup");
  await standup.waitFor();

  const owners = await standup.locator(".standup-owner h2").allTextContents();
  assert.deepEqual(owners, ["陈建国", "王芳", "孙磊", "赵敏"], "blocked and overdue first, then pinyin (not 孙 王 赵 陈)");
  const chen = await standup.locator(".standup-owner").first().locator("li").evaluateAll((lis) => lis.map((li) => li.dataset.action));
  assert.deepEqual(chen, ["c2", "c1"], "the overdue item first");
  const late = standup.locator("li[data-action=c2]");
  assert.equal((await late.getByTestId("overdue").textContent()).trim(), "已逾期");
  assert.equal((await late.getByTestId("last-note").textContent()).trim(), `${day(-1)} 等测试环境`);

  // On the spot: a status, and today's progress with Enter.
  await standup.locator("li[data-action=z1] select").selectOption("InProgress");
  await waitForStored(page, "m1", (m) => m.actions.find((a) => a.id === "z1").status === "InProgress", "status stored");
  const note = standup.locator("li[data-action=s1] input");
  await note.fill("已和渠道确认");
  await note.press("Enter");
  await waitForStored(page, "m1", (m) => m.actions.find((a) => a.id === "s1").progress.at(-1)?.text === "已和渠道确认", "progress stored");
  assert.equal((await standup.locator("li[data-action=s1]").getByTestId("last-note").textContent()).trim(), `${day(0)} 已和渠道确认`);
  await page.screenshot({ path: "/tmp/room-desk-standup.png" });
  await context.close();
});

test("minutes go to the chat as plain text, say a draft is due, and the mark due next is the primary one", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await startMeeting(page);
  await capture(page, "decisions", "采用方案 A|B 的折中");
  await capture(page, "actions", "整理客诉清单");
  await page.getByTestId("end-meeting").click();
  await page.getByTestId("summary").waitFor();
  await page.getByRole("link", { name: "进入跟进" }).click();
  const status = page.getByTestId("minutes-status");
  await status.waitFor();
  assert.equal(await status.textContent(), "初稿待发", "a draft exists once the meeting has ended");
  const isPrimary = async (testid) => /\bprimary\b/.test(await page.getByTestId(testid).getAttribute("class"));
  assert.deepEqual([await isPrimary("mark-draft"), await isPrimary("mark-final")], [true, false]);

  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await page.getByTestId("copy-minutes").click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.length > 0));
  const plain = await clipboard();
  assert.match(plain, /【决议】/);
  assert.match(plain, /1\. 采用方案 A\|B 的折中/, "the user's own | comes through unescaped");
  assert.match(plain, /· 整理客诉清单/);
  for (const line of plain.split("\n")) assert.doesNotMatch(line, /^(#|\|)/, `no Markdown in the chat text: ${line}`);
  await page.getByTestId("copy-minutes-md").click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes("## ")));

  await page.getByTestId("mark-draft").click();
  await page.waitForFunction(() => document.querySelector("[data-testid=minutes-status]").textContent === "初稿已发");
  assert.deepEqual([await isPrimary("mark-draft"), await isPrimary("mark-final")], [false, true]);
  await context.close();
});

test("the agenda is found from the plan, one line per item on a laptop, totals follow typing, and new items go before the closing one", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  assert.match(await page.getByTestId("empty-list").textContent(), /从上面的模板开始/, "the templates are above");
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  const examples = await page.locator("details.examples li").allTextContents();
  assert.ok(examples.length > 0 && examples.every((e) => !/[A-Za-z]{3}/.test(e)), `Chinese examples only: ${examples}`);

  await page.getByTestId("plan-to-agenda").click();
  const agenda = page.getByTestId("agenda");
  await agenda.waitFor();
  assert.match(page.url(), /\/prepare$/);
  await page.waitForFunction(() => document.activeElement?.id === "field-agenda");

  const heights = await agenda.locator("li.agenda-row").evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
  assert.ok(heights.every((h) => h < 60), `one line per item: ${heights}`);

  const total = () => page.getByTestId("agenda-total").textContent();
  const before = await total();
  const minutes = agenda.locator("li.agenda-row").first().locator("input.minutes");
  await minutes.fill("25");
  assert.notEqual(await total(), before, "the total follows typing, before the field is left");
  assert.match(await total(), /议程合计 75 分钟/);

  const titles = () => agenda.locator("input.agenda-title").evaluateAll((inputs) => inputs.map((i) => i.value));
  const count = (await titles()).length;
  await page.getByRole("button", { name: "+ 添加议题" }).click();
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=agenda] li").length === n + 1, count);
  const after = await titles();
  assert.equal(after.at(-1), "总结与跟进方式", "the closing item stays last");
  assert.equal(after.at(-2), "", "the new item goes before it");
  await context.close();
});

test("people and departments are remembered, Enter starts the next row, asks start from the departments, and a substitute can join", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await newMeeting(page, "ProblemSolving");
  await addParticipant(page, "李工", "研发部");
  await addParticipant(page, "王总", "运营部");

  // A second meeting: the names come back with their departments.
  const id = await newMeeting(page, "ProjectCollaboration");
  assert.deepEqual(await page.locator("#known-people option").evaluateAll((os) => os.map((o) => o.value)), ["李工", "王总"]);
  assert.deepEqual(await page.locator("#known-departments option").evaluateAll((os) => os.map((o) => o.value)), ["研发部", "运营部"].sort());
  await page.getByRole("button", { name: "+ 添加参会人" }).click();
  const rows = page.getByTestId("participants").locator("li");
  await rows.first().getByPlaceholder("姓名").fill("李工");
  assert.equal(await rows.first().getByPlaceholder("部门").inputValue(), "研发部", "a known person brings their department");
  // Enter starts the next row, its name field focused.
  await rows.first().getByPlaceholder("部门").press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=participants] li").length === 2);
  await page.waitForFunction(() => document.activeElement?.closest("[data-testid=participants] li:nth-child(2)") && document.activeElement.placeholder === "姓名");
  await page.keyboard.type("孙磊");
  await page.keyboard.press("Tab");
  await page.keyboard.type("市场部");
  await waitForStored(page, id, (m) => m.participants.length === 2 && m.participants[1].department === "市场部", "rows stored");

  // The asks start from the invited departments.
  await page.goto(`${shared.server.url}#/m/${id}/prepare`);
  await waitForApp(page);
  await page.getByTestId("asks-from-departments").click();
  const asks = await waitForStored(page, id, (m) => m.preparation_asks.length === 2, "asks stored");
  assert.deepEqual(asks.preparation_asks.map((a) => [a.department, a.ask]), [["研发部", "提交当前进度和风险点"], ["市场部", "提交当前进度和风险点"]]);

  // 李工 is away; his substitute joins as a participant, with his department.
  const attendance = page.getByTestId("attendance").locator("li").first();
  await attendance.locator("select").selectOption("Declined");
  await attendance.getByPlaceholder("同级替代人员").fill("赵经理");
  await attendance.getByTestId("substitute-join").click();
  const joined = await waitForStored(page, id, (m) => m.participants.some((p) => p.name === "赵经理"), "substitute joined");
  assert.equal(joined.participants.find((p) => p.name === "赵经理").department, "研发部");
  await attendance.getByTestId("substitute-join").waitFor({ state: "detached" });
  await page.locator("#field-duration").fill("90");
  await page.locator("#field-duration").dispatchEvent("change");
  await page.getByTestId("toast").filter({ hasText: "替补人已加为参会人" }).getByRole("button", { name: "撤销" }).click();
  await waitForStored(page, id, (m) => !m.participants.some((p) => p.name === "赵经理") && m.schedule.duration_minutes === 90,
    "undo takes the substitute out and keeps the later edit");
  await context.close();
});

test("a parked point gets an owner and a date, becomes an action in one step, and open points reach the tracker", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await startMeeting(page, [["李工", "研发部"]]);
  const id = page.url().split("/m/")[1].split("/")[0];
  await capture(page, "parked", "预算口径会后单独沟通");
  const parked = page.getByTestId("parked").locator("li").first();
  await parked.getByPlaceholder("负责人").fill("李工");
  await parked.locator("input[type=date]").fill("2026-12-20");
  await parked.getByTestId("parked-to-action").click();
  const made = await waitForStored(page, id, (m) => m.parking_lot.length === 0 && m.actions.length === 1, "the point is an action now");
  assert.deepEqual([made.actions[0].task, made.actions[0].owner, made.actions[0].department, made.actions[0].deadline], ["预算口径会后单独沟通", "李工", "研发部", "2026-12-20"]);
  assert.equal(await page.getByTestId("actions").locator("li").count(), 1);
  await capture(page, "decisions", "随后的决议");
  await page.getByTestId("toast").filter({ hasText: "已转为行动项" }).getByRole("button", { name: "撤销" }).click();
  await waitForStored(page, id, (m) => m.parking_lot.length === 1 && m.actions.length === 0 && m.decisions.length === 1,
    "undo puts the point back and keeps the decision made since");

  // Still open when the meeting ends: the tracker lists it, until it is marked resolved.
  await page.getByTestId("end-meeting").click();
  await page.getByTestId("summary").waitFor();
  await page.goto(shared.server.url + "#/tracker");
  await waitForApp(page);
  const open = page.getByTestId("open-parked");
  await open.waitFor();
  assert.match(await open.textContent(), /预算口径会后单独沟通.*李工.*2026-12-20/);
  await open.getByTestId("parked-resolve").click();
  await open.waitFor({ state: "detached" });
  await waitForStored(page, id, (m) => m.parking_lot[0].resolved, "resolved is stored");
  await context.close();
});

test("a meeting opened from a template only to look at it is discarded when left untouched, with undo", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await newMeeting(page, "StrategyRollout");
  // A look at the prepare tab is not an edit.
  await page.getByRole("link", { name: "筹备" }).click();
  await page.getByTestId("agenda").waitFor();
  await page.getByRole("link", { name: "← 全部会议" }).click();
  await page.getByTestId("empty-list").waitFor();
  const toast = page.getByTestId("toast").filter({ hasText: "没有任何修改,已丢弃" });
  await toast.waitFor();
  await toast.getByRole("button", { name: "撤销" }).click();
  await page.getByTestId("meeting-list").locator("li").first().waitFor();

  // Touched, it stays.
  await page.locator('[data-template="StrategyRollout"]').click();
  await page.getByTestId("workspace-title").waitFor();
  await page.locator("#title").fill("战略宣贯(华东区)");
  await page.getByRole("link", { name: "← 全部会议" }).click();
  await page.getByTestId("meeting-list").locator("li", { hasText: "战略宣贯(华东区)" }).waitFor();
  assert.equal(await page.getByTestId("meeting-list").locator("li").count(), 2);
  await context.close();
});

test("a projector window shows the room's view and follows the host's window, which keeps its controls", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const host = await context.newPage();
  await startMeeting(host);
  const [projector] = await Promise.all([context.waitForEvent("page"), host.getByTestId("projector-window").click()]);
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await waitForApp(projector);
  await projector.getByTestId("current-item").waitFor();
  assert.match(projector.url(), /#\/m\/[^/]+\/projector$/);
  assert.match(await projector.getByTestId("run").getAttribute("class"), /\broom\b/);
  assert.equal(await projector.locator(".run-toolbar").count(), 0, "no toolbar on the projector");
  assert.equal(await projector.getByTestId("next-item").isVisible(), false, "no controls on the projector");

  // What the host captures and does reaches the projector; the host keeps the controls.
  await capture(host, "decisions", "采用方案 A");
  await projector.waitForFunction(() => [...document.querySelectorAll("[data-testid=decisions] textarea")].some((t) => t.value === "采用方案 A"));
  await host.getByTestId("next-item").click();
  const next = await host.getByTestId("current-item").textContent();
  await projector.waitForFunction((title) => document.querySelector("[data-testid=current-item]")?.textContent === title, next);
  assert.ok(await host.getByTestId("decision-input").isVisible(), "the host's window keeps capture");
  assert.doesNotMatch(await host.getByTestId("run").getAttribute("class"), /\broom\b/);
  await projector.screenshot({ path: "/tmp/room-desk-projector.png" });
  await context.close();
});
