// Meeting cost and owners picked from the participants (issue 14.3 and 14.6; P1, F5): the plan's
// person-hours line beside the necessity questions follows the attendees, the duration, the hourly
// rate and the language; the summary after a 70-minute run of a 60-minute plan shows planned,
// actual and overrun cost with the whole-meeting airtime table; action and agenda owners offer
// the participants' names and a picked action owner brings their department, never over one
// already typed; the action row's missing-fields hint wraps on a 390 px phone; the review shows
// each series' and quarter's cost and names a department holding over half the speaking time in
// 2 of the last 3 meetings of a series.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { addParticipant, openApp, waitForApp, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });
const PEOPLE = [["李工", "研发部"], ["张经理", "客服部"], ["王总", "运营部"], ["赵敏", "市场部"], ["陈晨", "IT部"]];
const text = async (locator) => (await locator.textContent()).trim();

/** Adds participants on the plan tab, calling `afterEach` with the count after each one. */
async function addParticipants(page, people, afterEach = async () => {}) {
  for (const [name, department] of people) await afterEach(await addParticipant(page, name, department));
}

async function newMeeting(page) {
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  return page.url().split("/m/")[1].split("/")[0];
}

async function go(page, hash) {
  await page.goto(shared.server.url + hash);
  await waitForApp(page);
}

async function setRate(page, yuan) {
  await go(page, "#/settings");
  await page.getByTestId("hourly-rate").fill(String(yuan));
  await page.getByTestId("hourly-rate").dispatchEvent("change");
}

const untilText = (page, testid, expected) =>
  page.waitForFunction(([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() === want, [testid, expected], { timeout: 5000 })
    .catch(() => {});

test("the plan's cost line follows attendees, duration, hourly rate and language", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { timezoneId: "Asia/Shanghai" });
  const id = await newMeeting(page);
  const cost = page.getByTestId("plan-cost");
  assert.equal(await text(cost), "计划 0 人时 · 0 位未拒绝的参会人 × 会议时长");
  await addParticipants(page, PEOPLE, async (n) => {
    const want = `计划 ${n} 人时 · ${n} 位未拒绝的参会人 × 会议时长`;
    await untilText(page, "plan-cost", want);
    assert.equal(await text(cost), want, "60 minutes × each attendee added");
  });
  assert.deepEqual(
    await page.locator("datalist#participant-names option").evaluateAll((os) => os.map((o) => o.value)),
    PEOPLE.map(([name]) => name),
  );

  // Money from the hourly rate, with thousands separators; then the same line in English.
  await setRate(page, 300);
  await go(page, `#/m/${id}/plan`);
  assert.equal(await text(cost), "计划 5 人时 · ¥1,500 · 5 位未拒绝的参会人 × 会议时长");
  for (const [width, height] of [[390, 844], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await cost.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/cost-plan-${width}.png` });
  }
  await page.getByRole("button", { name: "English" }).click();
  await untilText(page, "plan-cost", "Planned 5 person-hours · ¥1,500 · 5 attendees who have not declined × duration");
  assert.equal(await text(cost), "Planned 5 person-hours · ¥1,500 · 5 attendees who have not declined × duration");
  await page.getByRole("button", { name: "中文" }).click();
  await untilText(page, "plan-cost", "计划 5 人时 · ¥1,500 · 5 位未拒绝的参会人 × 会议时长");

  // 30 minutes: a tenth shown; a declined participant costs nothing. The agenda owner offers names.
  await go(page, `#/m/${id}/prepare`);
  assert.equal(await page.locator("[data-testid=agenda] li").first().getByPlaceholder("负责人").getAttribute("list"), "participant-names");
  await page.getByRole("button", { name: "30 分钟" }).click();
  await go(page, `#/m/${id}/plan`);
  assert.equal(await text(cost), "计划 2.5 人时 · ¥750 · 5 位未拒绝的参会人 × 会议时长");
  await go(page, `#/m/${id}/prepare`);
  await page.getByLabel("出席情况").last().selectOption("Declined");
  await go(page, `#/m/${id}/plan`);
  assert.equal(await text(cost), "计划 2 人时 · ¥600 · 4 位未拒绝的参会人 × 会议时长");
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a phone: owners bring departments, the hint wraps, the summary shows cost and airtime", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.clock.install({ time: new Date("2026-11-25T06:00:00Z") });
  await page.goto(shared.server.url);
  await waitForApp(page);
  await setRate(page, 200);
  await go(page, "");
  const id = await newMeeting(page);
  await addParticipants(page, PEOPLE.slice(0, 3));
  await go(page, `#/m/${id}/run`);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("item-elapsed").waitFor();
  const startTurn = async (speaker) => {
    await page.getByLabel("发言人").fill(speaker);
    await page.getByRole("button", { name: /^开始发言/ }).click();
    await page.getByTestId("turn-left").filter({ hasText: speaker }).waitFor();
  };
  await startTurn("李工");

  // Three actions: a participant picked as owner, one over a typed department, a free-text owner.
  for (const task of ["整理近三个月的客诉清单并按产品线分类汇总", "更新客服话术", "联系外部供应商"]) {
    await page.getByTestId("action-input").fill(task);
    await page.getByTestId("action-input").press("Enter");
  }
  const rows = page.locator("[data-testid=actions] li");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=actions] li").length === 3);
  // Newest first: the first task typed is the last row.
  const row = (i) => rows.nth(2 - i);
  const owner = (i) => row(i).getByPlaceholder("负责人");
  const department = (i) => row(i).getByPlaceholder("部门");
  assert.equal(await owner(0).getAttribute("list"), "participant-names");
  await owner(0).fill("李工");
  await department(1).fill("财务部");
  await owner(1).fill("张经理");
  await owner(2).fill("外部顾问");
  assert.equal(await department(0).inputValue(), "研发部", "a picked participant brings their department");
  assert.equal(await department(1).inputValue(), "财务部", "a typed department is kept");
  assert.equal(await department(2).inputValue(), "", "a free-text owner fills nothing");
  assert.equal(await text(row(2).getByTestId("incomplete")), "缺:部门、交付标准、截止");
  await owner(2).fill("");
  assert.equal(await text(row(2).getByTestId("incomplete")), "缺:负责人、部门、交付标准、截止");

  // The missing-fields hints stay on the phone's screen: wrapped, no sideways scrolling.
  for (const hint of await page.getByTestId("incomplete").all()) {
    const box = await hint.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `hint "${await text(hint)}" spans ${box.x}–${box.x + box.width} px`);
  }
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, "no horizontal scroll");
  await rows.nth(2).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/cost-actions-390.png" });

  // 40 minutes of 研发部, 30 of 客服部: 70 minutes run for a 60-minute plan.
  await page.clock.fastForward("40:00");
  await startTurn("张经理");
  await page.clock.fastForward("30:00");
  await page.getByTestId("end-meeting").click();
  const summary = page.getByTestId("summary");
  await summary.waitFor();
  assert.equal(
    await text(page.getByTestId("summary-cost")),
    "会议成本 计划 3 人时 · ¥600 · 实际 3.5 人时 · ¥700 · 超时 0.5 人时 · ¥100",
  );
  // The "meeting ended" toast (with undo) spans the phone's width at the bottom: scrolled to the
  // end, the summary's way on to follow-up lies clear of it.
  const toast = page.getByTestId("toast");
  await toast.waitFor();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const onward = await summary.getByRole("link", { name: "进入跟进" }).boundingBox();
  const toastBox = await toast.boundingBox();
  assert.ok(onward.y + onward.height <= toastBox.y, `follow-up link ends at ${onward.y + onward.height} px, toast starts at ${toastBox.y} px`);
  const table = summary.getByTestId("airtime").locator("table");
  assert.deepEqual(await table.locator("thead th").evaluateAll((ths) => ths.map((th) => th.textContent.trim())), ["", "全场"]);
  assert.deepEqual(
    await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim()))),
    [["研发部", "57%"], ["客服部", "43%"]],
  );
  await summary.screenshot({ path: "/tmp/cost-summary-390.png" });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await summary.screenshot({ path: "/tmp/cost-summary-1920.png" });
  assert.deepEqual(errors, []);
  await context.close();
});

/** Three participants (a fourth declined in the first), 60 minutes planned, run for `end`. */
function meeting(id, series, start, turns, end) {
  const at = (minute) => new Date(Date.parse(start) + minute * 60000).toISOString().replace(".000Z", "Z");
  const participants = PEOPLE.slice(0, 3).map(([name, department], i) => ({ id: `${id}-p${i}`, name, department }));
  if (id === "a1") participants.push({ id: "a1-p3", name: "赵敏", department: "市场部", attendance: { status: "Declined" } });
  const run_log = end === null ? [] : [
    { at: at(0), kind: "Started" },
    ...turns.map(([minute, speaker]) => ({ at: at(minute), kind: { SpeakerTurn: { speaker } } })),
    { at: at(end), kind: "Ended" },
  ];
  return {
    schema: 3,
    meeting: { id, title: `${series?.name ?? "临时会"} ${start.slice(5, 10)}`, series, created_at: at(-7 * 1440), updated_at: at(end ?? 0),
      schedule: { starts_at: at(0), duration_minutes: 60 }, participants: id === "c1" ? participants.slice(0, 2) : participants, run_log },
  };
}

test("the review shows cost per series and quarter and names a department that holds the floor", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { timezoneId: "Asia/Shanghai" });
  const weekly = { id: "ser-a", name: "周例会" };
  const review = { id: "ser-b", name: "产品评审" };
  const meetings = [
    // 周例会: 研发部 over half in the first and last of three (40/70, 35/50), 客服部 in the middle (45/65).
    meeting("a1", weekly, "2026-11-02T02:00:00Z", [[0, "李工"], [40, "张经理"]], 70),
    meeting("a2", weekly, "2026-11-09T02:00:00Z", [[0, "研发部"], [20, "客服部"]], 65),
    meeting("a3", weekly, "2026-11-16T02:00:00Z", [[0, "李工"], [35, "王总"]], 50),
    // 产品评审: over half once each, so nobody dominates.
    meeting("b1", review, "2026-11-03T02:00:00Z", [[0, "研发部"], [40, "客服部"]], 60),
    meeting("b2", review, "2026-11-10T02:00:00Z", [[0, "客服部"], [40, "研发部"]], 60),
    // Not in a series, not held, two people, in the third quarter.
    meeting("c1", undefined, "2026-09-28T02:00:00Z", [], null),
  ];
  const backup = JSON.stringify({ app: "crossmeet", kind: "backup", schema: 3, meetings });
  await go(page, "#/settings");
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await page.getByTestId("restore-confirm").click();
  await page.getByTestId("toast").filter({ hasText: "已恢复 6 个会议" }).waitFor();

  await go(page, "#/review");
  const card = (label) => page.getByTestId("retro-group").filter({ has: page.locator("h2", { hasText: label }) });
  await card("周例会").waitFor();
  // 3 attendees × (60+60+60) planned; × (70+65+50) run; × (10+5) over.
  assert.equal(await text(card("周例会").getByTestId("retro-cost")), "会议成本 计划 9 人时 · 实际 9.3 人时 · 超时 0.8 人时");
  // The department holding the floor is now one of the review's findings (F6), with its proposal.
  const dominating = card("周例会").locator("[data-testid=finding][data-rule=DepartmentDominates]");
  assert.match(await text(dominating), /^研发部 在 2\/3 场会议中占了一半以上的发言时间/);
  assert.match(await text(dominating), /会前请其他部门提交书面意见/);
  assert.equal(await text(card("产品评审").getByTestId("retro-cost")), "会议成本 计划 6 人时 · 实际 6 人时");
  assert.equal(await card("产品评审").getByTestId("finding").count(), 0, "two meetings are too few for a finding");
  assert.equal(await text(card("未归入系列").getByTestId("retro-cost")), "会议成本 计划 2 人时");
  for (const [width, height] of [[390, 844], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await card("周例会").screenshot({ path: `/tmp/cost-review-${width}.png` });
  }

  await page.getByRole("button", { name: "按季度" }).click();
  await card("2026 年第 3 季度").waitFor();
  assert.deepEqual(
    await page.getByTestId("retro-group").evaluateAll((cards) =>
      cards.map((c) => [c.querySelector("h2").textContent, c.querySelector("[data-testid=retro-cost]").textContent.trim()])),
    [
      ["2026 年第 4 季度", "会议成本 计划 15 人时 · 实际 15.3 人时 · 超时 0.8 人时"],
      ["2026 年第 3 季度", "会议成本 计划 2 人时"],
    ],
  );
  assert.equal(await page.getByTestId("finding").count(), 0, "findings are per series");
  assert.deepEqual(errors, []);
  await context.close();
});
