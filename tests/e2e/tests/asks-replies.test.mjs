// Ask and reply links (A1), with four browser profiles: the organiser makes the asks; a
// participant opens hers on a phone and asks for leave with a substitute and two risk points
// (her draft survives a reload, and the page opens offline after its first visit); two owners
// update their actions (one late, with a new date); a third person answers the feedback through
// the group link. All replies come back in one block of chat text with other messages around
// them: the preview shows exactly those changes, applying updates attendance, readiness, the
// tracker and the review; a reply with one changed character and one signed with another ask's
// secret are refused, and a replayed one changes nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import zlib from "node:zlib";
import { waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });
const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const date = (ms) => iso(ms).slice(0, 10);
const NOW = Date.now();

const MEETING = {
  id: "m-ask", title: "Q1 项目协调会", objective: "确定 Q1 排期",
  created_at: iso(NOW - 10 * DAY), updated_at: iso(NOW - DAY),
  schedule: { starts_at: iso(NOW + 3 * DAY), duration_minutes: 60 },
  format: { mode: "Offline", room: "3 楼中立会议室" },
  participants: [
    { id: "p0", name: "王芳", department: "市场部" },
    { id: "p1", name: "李雷", department: "研发部" },
    { id: "p2", name: "张伟", department: "财务部" },
  ],
  agenda: [{ id: "i1", title: "排期讨论", minutes: 30, phase: "Discuss" }],
  materials: [{ id: "r1", title: "排期方案 v2", link: "https://example.com/plan" }],
  preparation_asks: [{ department: "市场部", ask: "本部门当前风险" }],
  actions: [
    { id: "a1", task: "接口文档", owner: "李雷", department: "研发部", deadline: date(NOW - 2 * DAY), status: "Open" },
    { id: "a2", task: "测试计划", owner: "李雷", department: "研发部", deadline: date(NOW + 5 * DAY), status: "Open" },
    { id: "a3", task: "预算表", owner: "张伟", department: "财务部", deadline: date(NOW + 4 * DAY), status: "Open" },
  ],
};

async function organiser(meetings = [MEETING]) {
  const context = await shared.browser.newContext({ acceptDownloads: true, timezoneId: "Asia/Shanghai" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(shared.server.url).origin });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${shared.server.url}#/settings`);
  await waitForApp(page);
  const backup = JSON.stringify({ app: "crossmeet", kind: "backup", schema: 7, meetings: meetings.map((meeting) => ({ schema: 7, meeting })) });
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await page.getByTestId("restore-confirm").click();
  await page.getByTestId("toast").filter({ hasText: `已恢复 ${meetings.length} 个会议` }).waitFor();
  return { context, page, errors };
}

/** The ask link in a message. */
const linkIn = (message) => message.match(/https?:\/\/\S+#\/a\/[A-Za-z0-9_-]+/)[0];
/** What an ask link carries, read as the app reads it: base64url, raw DEFLATE, JSON. */
const askOf = (link) => JSON.parse(zlib.inflateRawSync(Buffer.from(link.split("#/a/")[1], "base64url")).toString("utf8"));

/** The messages the ask panel made, by person. */
async function messages(page) {
  const made = page.getByTestId("ask-message");
  await made.first().waitFor();
  const out = {};
  for (const message of await made.all()) {
    out[(await message.locator("strong").textContent()).trim()] = await message.getByTestId("ask-message-text").inputValue();
  }
  return out;
}

/** A phone that opens `link`, answers with `fill`, and returns the reply text it made. */
async function answer(link, fill, { offlineCheck = false } = {}) {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "Asia/Shanghai", isMobile: true, hasTouch: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(shared.server.url).origin });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(link);
  await page.getByTestId("answer-title").waitFor();
  assert.equal(await page.locator(".app-header nav").count(), 0, "no organiser's navigation on the answer page");
  await fill(page);
  if (offlineCheck) {
    // What was typed survives a reload, and the page opens with no network after its first visit.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId("answer-title").waitFor();
    assert.equal(await page.getByTestId("answer-reason").inputValue(), "出差深圳");
    assert.equal(await page.getByTestId("answer-risks").inputValue(), "渠道价格战\n预算冻结");
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scroll at 390 px (${width})`);
  await page.getByTestId("answer-send").click();
  await page.getByTestId("answer-sent").waitFor();
  const reply = await page.getByTestId("answer-reply").inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), reply, "the reply is on the clipboard");
  assert.deepEqual(errors, []);
  await context.close();
  return reply;
}

const replyLink = (text) => text.match(/https?:\/\/\S+#\/r\/[A-Za-z0-9_.-]+/)[0];

test("asks go out, replies come back through the chat, are checked, previewed and applied in one undoable step", async () => {
  const { context, page, errors } = await organiser();

  // The organiser asks each participant before the meeting…
  await page.goto(`${shared.server.url}#/m/m-ask/prepare`);
  await page.getByTestId("ask-each-attendance").click();
  const before = await messages(page);
  assert.deepEqual(Object.keys(before), ["王芳", "李雷", "张伟"]);
  assert.match(before["王芳"], /王芳,请在会前 24 小时确认是否出席/);
  const wangLink = linkIn(before["王芳"]);
  const wangAsk = askOf(wangLink);
  assert.deepEqual(wangAsk.e.map((p) => p.n), ["王芳"], "a link carries only its person");
  assert.equal(wangAsk.e[0].q, "本部门当前风险");
  assert.equal(wangAsk.x, undefined, "no actions in an attendance ask");
  // The same messages as Markdown, for chats that render it.
  await page.getByTestId("ask-format").selectOption("md");
  await page.waitForFunction(() => document.querySelector("[data-testid=ask-message-text]").value.includes("[点此回复]("));
  const markdown = await page.getByTestId("ask-message-text").first().inputValue();
  assert.match(markdown, /^\*\*Q1 项目协调会\*\* · /);
  assert.ok(markdown.includes(`[点此回复](${wangLink})`), markdown);

  // …each owner after it, and the whole group for the review's feedback.
  await page.goto(`${shared.server.url}#/m/m-ask/follow-up`);
  await page.getByTestId("ask-each-actions").click();
  const owners = await messages(page);
  assert.deepEqual(Object.keys(owners), ["李雷", "张伟"]);
  const liAsk = askOf(linkIn(owners["李雷"]));
  assert.deepEqual(liAsk.x.map((a) => a.i), ["a1", "a2"], "only 李雷's own actions");
  await page.getByTestId("ask-group-feedback").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=ask-message]").length === 1);
  const group = Object.values(await messages(page));
  assert.equal(group.length, 1);
  assert.match(group[0], /各位,请花一分钟回答/);
  await waitForStored(page, "m-ask", (m) => (m.asks ?? []).length === 6, "six asks remembered");

  // 王芳 asks for leave on her phone, with a substitute and two risk points.
  const wang = await answer(wangLink, async (phone) => {
    await phone.getByTestId("answer-leave").check();
    await phone.getByTestId("answer-reason").fill("出差深圳");
    await phone.getByTestId("answer-substitute").fill("赵强(市场部副经理)");
    await phone.getByTestId("answer-read").check();
    await phone.getByTestId("answer-risks").fill("渠道价格战\n预算冻结");
    await phone.screenshot({ path: "/tmp/crossmeet-answer-attendance.png", fullPage: true });
  }, { offlineCheck: true });
  assert.match(wang, /王芳 对“Q1 项目协调会”的回复/);

  // 李雷 updates his two actions: the late one with a new date and the reason.
  const li = await answer(linkIn(owners["李雷"]), async (phone) => {
    assert.match(await phone.getByTestId("answer-action-0").textContent(), /已逾期/);
    await phone.getByTestId("answer-status-0").selectOption("InProgress");
    await phone.getByTestId("answer-note-0").fill("初稿完成,待评审");
    // A late action needs a new date before the reply can go.
    await phone.getByTestId("answer-send").click();
    await phone.getByTestId("answer-problem").filter({ hasText: "新的完成日期" }).waitFor();
    await phone.getByTestId("answer-date-0").fill(date(NOW + 7 * DAY));
    await phone.getByTestId("answer-why-0").fill("等待接口方排期");
    await phone.getByTestId("answer-status-1").selectOption("Done");
    await phone.screenshot({ path: "/tmp/crossmeet-answer-actions.png", fullPage: true });
  });
  assert.ok(replyLink(li).length <= 2000, `an owner's reply link is ${replyLink(li).length} characters`);
  const zhang = await answer(linkIn(owners["张伟"]), async (phone) => {
    await phone.getByTestId("answer-note-0").fill("已提交财务总监");
  });

  // 张伟 answers the feedback through the group link, picking his name.
  const feedback = await answer(linkIn(group[0]), async (phone) => {
    await phone.getByTestId("answer-person").selectOption({ label: "张伟" });
    await phone.getByTestId("answer-time-false").check();
    await phone.getByTestId("answer-materials-true").check();
    await phone.getByTestId("answer-rating-4").check();
    await phone.getByTestId("answer-comment").fill("讨论时间偏短");
  });

  // Two bad ones: one character changed, and 王芳's reply signed with 李雷's ask's secret.
  const wangToken = replyLink(wang).split("#/r/")[1];
  const [askId, payload] = wangToken.split(".");
  const flip = payload[10] === "A" ? "B" : "A";
  const altered = `${askId}.${payload.slice(0, 10)}${flip}${payload.slice(11)}.${wangToken.split(".")[2]}`;
  const mac = crypto.createHmac("sha256", liAsk.s).update(`${askId}.${payload}`).digest().subarray(0, 16).toString("base64url");
  const forged = `${askId}.${payload}.${mac}`;
  const chat = [
    "王芳 09:12", wang, "", "李雷 09:30", "收到,我的更新:", li, "张伟 10:01", zhang,
    "张伟 10:02 反馈也填了", feedback, "刘洋 10:05 会议室改了吗?",
    `有人转发的:${shared.server.url}#/r/${altered}`, `还有这个 ${shared.server.url}#/r/${forged}`,
  ].join("\n");

  await page.goto(`${shared.server.url}#/replies`);
  await page.getByTestId("replies-paste").fill(chat);
  await page.getByTestId("replies-read").click();
  await page.getByTestId("reply-card").nth(3).waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/crossmeet-replies-390.png", fullPage: true });
  const narrow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(narrow <= 390, `the replies page does not scroll sideways at 390 px (${narrow})`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: "/tmp/crossmeet-replies.png", fullPage: true });
  const refused = await page.getByTestId("reply-refused").allTextContents();
  assert.equal(refused.length, 2);
  for (const message of refused) assert.match(message, /签名不符.*未做任何改动/);
  const cards = page.getByTestId("reply-card");
  assert.equal(await cards.count(), 4);
  const changes = async (n) => (await cards.nth(n).getByTestId("reply-change").allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
  assert.deepEqual(await changes(0), [
    "王芳出席待确认请假(原因:出差深圳;替代人:赵强(市场部副经理))",
    "王芳已读预读材料否是",
    "王芳部门风险点渠道价格战 预算冻结",
  ].map((t) => t.replace(/\s+/g, " ")));
  assert.deepEqual(await changes(1), [
    "李雷 · 接口文档状态待开始进行中",
    `李雷 · 接口文档截止日期${date(NOW - 2 * DAY)}${date(NOW + 7 * DAY)}`,
    `李雷 · 接口文档进展初稿完成,待评审 改期至 ${date(NOW + 7 * DAY)}:等待接口方排期`,
    "李雷 · 测试计划状态待开始已完成",
  ]);
  assert.deepEqual(await changes(2), ["张伟 · 预算表进展已提交财务总监"]);
  assert.deepEqual(await changes(3), ["张伟反馈时间分配不合理 · 材料充分 · ★★★★ · 讨论时间偏短"]);
  for (let n = 0; n < 4; n += 1) await cards.nth(n).getByTestId("reply-apply").click();

  const stored = await waitForStored(page, "m-ask", (m) => m.feedback?.length === 1 && m.actions[2].progress?.length === 1, "all four replies");
  const wangNow = stored.participants[0].attendance;
  assert.equal(wangNow.status, "Declined");
  assert.equal(wangNow.substitute, "赵强(市场部副经理)");
  assert.equal(wangNow.pre_reads_read, true);
  assert.equal(stored.preparation_asks[0].reply, "渠道价格战\n预算冻结");
  assert.equal(stored.actions[0].status, "InProgress");
  assert.equal(stored.actions[0].deadline, date(NOW + 7 * DAY));
  assert.equal(stored.actions[1].status, "Done");
  assert.equal(stored.actions[2].progress[0].text, "已提交财务总监");
  assert.deepEqual([stored.feedback[0].agenda_time_right, stored.feedback[0].materials_enough, stored.feedback[0].rating, stored.feedback[0].comment], [false, true, 4, "讨论时间偏短"]);

  // The same chat pasted again changes nothing: every reply was taken already.
  await page.getByTestId("replies-read").click();
  await page.getByTestId("reply-refused").nth(5).waitFor();
  assert.equal(await cards.count(), 0);
  assert.equal((await page.getByTestId("reply-refused").allTextContents()).filter((t) => /已收取过/.test(t)).length, 4);

  // The ask panel knows who has answered and who has not, and the tracker shows the updates.
  await page.goto(`${shared.server.url}#/m/m-ask/prepare`);
  const sent = page.getByTestId("ask-sent");
  await sent.first().waitFor();
  // Attendance and readiness show what the replies said.
  assert.equal(await page.getByTestId("attendance-facts").first().textContent(), "已读预读材料");
  assert.equal(await page.getByTestId("ask-reply").textContent(), "部门风险点:\n渠道价格战\n预算冻结");
  await page.getByTestId("ask-panel").screenshot({ path: "/tmp/crossmeet-ask-panel.png" });
  assert.deepEqual(await page.getByTestId("ask-answered").allTextContents(), ["已回复:王芳"]);
  assert.equal((await page.getByTestId("ask-waiting").allTextContents()).sort().join(" "), "未回复:张伟 未回复:李雷");
  await page.getByTestId("ask-remind").first().click();
  await page.getByTestId("toast").filter({ hasText: "已复制到剪贴板" }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /还没收到 (张伟|李雷) 的回复/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a reply taken is undone with its toast, and can then be taken again", async () => {
  const { context, page } = await organiser();
  await page.goto(`${shared.server.url}#/m/m-ask/follow-up`);
  await page.getByTestId("ask-each-actions").click();
  const owners = await messages(page);
  const zhang = await answer(linkIn(owners["张伟"]), async (phone) => {
    await phone.getByTestId("answer-status-0").selectOption("Blocked");
  });
  await page.goto(`${shared.server.url}#/replies`);
  await page.getByTestId("replies-paste").fill(zhang);
  await page.getByTestId("replies-read").click();
  await page.getByTestId("reply-card").waitFor();
  await page.getByTestId("reply-apply").click();
  await waitForStored(page, "m-ask", (m) => m.actions[2].status === "Blocked", "the reply taken");
  await page.getByTestId("toast").getByRole("button", { name: "撤销" }).click();
  await waitForStored(page, "m-ask", (m) => m.actions[2].status === "Open" && m.asks.every((a) => !(a.taken ?? []).length), "the reply undone");
  await page.getByTestId("replies-read").click();
  await page.getByTestId("reply-card").waitFor();
  await page.getByTestId("reply-apply").click();
  await waitForStored(page, "m-ask", (m) => m.actions[2].status === "Blocked", "taken again");
  await context.close();
});

test("the minutes' draft is confirmed by one and corrected by another, the correction quoted at its end", async () => {
  const { context, page, errors } = await organiser();
  await page.goto(`${shared.server.url}#/m/m-ask/follow-up`);
  await page.getByTestId("minutes-editor").fill("## 决议\n- 采用方案 B");
  await waitForStored(page, "m-ask", (m) => m.minutes?.text === "## 决议\n- 采用方案 B", "the draft typed");
  await page.getByTestId("ask-each-minutes").click();
  const made = await messages(page);
  assert.deepEqual(Object.keys(made), ["王芳", "李雷", "张伟"]);
  assert.match(made["王芳"], /请在 24 小时内确认会议纪要初稿/);
  const wang = await answer(linkIn(made["王芳"]), async (phone) => {
    assert.equal(await phone.getByTestId("answer-minutes").textContent(), "## 决议\n- 采用方案 B");
    await phone.getByTestId("answer-confirm").check();
  });
  const li = await answer(linkIn(made["李雷"]), async (phone) => {
    await phone.getByTestId("answer-correct").check();
    await phone.getByTestId("answer-send").click();
    await phone.getByTestId("answer-problem").filter({ hasText: "需要更正的内容" }).waitFor();
    await phone.getByTestId("answer-correction").fill("应为方案 C\n负责人是李雷");
  });
  await page.goto(`${shared.server.url}#/replies`);
  await page.getByTestId("replies-paste").fill(`${wang}\n${li}`);
  await page.getByTestId("replies-read").click();
  await page.getByTestId("reply-card").nth(1).waitFor();
  for (const card of await page.getByTestId("reply-card").all()) await card.getByTestId("reply-apply").click();
  const stored = await waitForStored(page, "m-ask", (m) => m.minutes.text.includes("更正"), "the correction quoted");
  assert.match(stored.minutes.text, /^## 决议\n- 采用方案 B\n\n> 更正\(李雷,\d{4}-\d{2}-\d{2}\):\n> 应为方案 C\n> 负责人是李雷\n$/);
  assert.equal(stored.participants[0].attendance.minutes_confirmed, true);
  assert.equal(stored.participants[1].attendance.minutes_confirmed ?? false, false);
  await page.goto(`${shared.server.url}#/m/m-ask/follow-up`);
  assert.match(await page.getByTestId("minutes-editor").inputValue(), /> 应为方案 C/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a phone that never chose a language opens an English organiser's ask in English", async () => {
  const { sampleAskFragment } = await import("../lighthouse-lcp.mjs");
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(shared.server.url + sampleAskFragment("en"));
  await page.getByText("I ask for leave").waitFor();
  assert.match(await page.locator(".answer-page .answer-intro").textContent(), /The meeting's organiser asks you/);
  // A phone that chose Chinese keeps it.
  await page.getByRole("button", { name: "中文" }).click();
  await page.reload();
  await page.getByText("我请假").waitFor();
  await context.close();
});

test("from the tracker, an owner is asked for progress in every meeting with one message, and their reply comes back", async () => {
  const second = {
    ...MEETING, id: "m-ask-2", title: "月度评审会", asks: [],
    actions: [{ id: "b1", task: "评审材料", owner: "李雷", department: "研发部", deadline: date(NOW + 9 * DAY), status: "InProgress" }],
  };
  const { context, page, errors } = await organiser([MEETING, second]);
  await page.goto(`${shared.server.url}#/tracker`);
  await page.getByTestId("chase-by-owner").click();
  await page.getByTestId("ask-owner").and(page.locator("[data-ask-owner='李雷']")).click();
  await page.getByTestId("toast").filter({ hasText: "已为 李雷 生成 2 个询问链接并复制消息" }).waitFor();
  const message = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(message, /^李雷,请更新你的行动项进展/);
  const links = message.match(/https?:\/\/\S+#\/a\/[A-Za-z0-9_-]+/g);
  assert.equal(links.length, 2, message);
  assert.deepEqual(links.map((link) => askOf(link).t).sort(), ["Q1 项目协调会", "月度评审会"]);
  await waitForStored(page, "m-ask-2", (m) => (m.asks ?? []).length === 1, "the second meeting remembers its ask");

  const reply = await answer(links.find((link) => askOf(link).t === "月度评审会"), async (phone) => {
    await phone.getByTestId("answer-status-0").selectOption("Done");
  });
  await page.goto(`${shared.server.url}#/replies`);
  await page.getByTestId("replies-paste").fill(reply);
  await page.getByTestId("replies-read").click();
  await page.getByTestId("reply-apply").click();
  await waitForStored(page, "m-ask-2", (m) => m.actions[0].status === "Done", "the reply taken into the second meeting");
  assert.deepEqual(errors, []);
  await context.close();
});
