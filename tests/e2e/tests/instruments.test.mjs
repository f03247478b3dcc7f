// The run view's instruments (issue 14, E3 and E2): speakers picked from the participants count
// for their department in the airtime panel; a discussion or decision item names the departments
// not heard yet; the 80 % and five-minute warnings show and beep once (not when muted, not while
// paused); "finish on time" proposes shorter items (decisions last, none below 2 minutes), applies
// them and undoes; room mode keeps all of it. Time passes on Playwright's fake clock, and the
// view is shot on a phone, a projector and in room mode (/tmp/instr-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { addParticipant, storedRecord, waitForApp, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

/** An init script: every beep the app plays (browser::beep starts one oscillator) is counted. */
function recordBeeps() {
  window.__beeps = 0;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__beeps += 1;
    return start.apply(this, args);
  };
}

const PEOPLE = [["王总", "运营部"], ["李工", "研发部"], ["张经理", "客服部"], ["赵敏", "市场部"]];
const seconds = (text) => text.trim().replace("-", "").split(":").map(Number).reduce((total, part) => total * 60 + part, 0);
const beeps = (page) => page.evaluate(() => window.__beeps);
const text = (page, testid) => page.getByTestId(testid).textContent();

/** Polls `read` until it gives `expected` (5 s), then asserts, so a failure shows what was seen. */
async function eventually(read, expected, what) {
  let seen;
  for (const end = Date.now() + 5000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    seen = await read();
    if (JSON.stringify(seen) === JSON.stringify(expected)) return;
  }
  assert.deepEqual(seen, expected, what);
}

const airtimeRows = (page) =>
  page.locator("[data-testid=airtime] tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())));
const progressRows = (page) =>
  page.locator("[data-testid=run] .progress li").evaluateAll((rows) => rows.map((row) => row.querySelector(".muted").textContent.split(" / ")[0]));
const storedMinutes = async (page, id) => (await storedRecord(page, id)).meeting.agenda.map((item) => item.minutes);

/** Moves the fake clock on until the clock `testid` ("item-elapsed", "meeting-elapsed") shows `target`. */
async function forwardTo(page, testid, target) {
  const shown = seconds(await text(page, testid));
  assert.ok(shown < seconds(target), `${testid} is already ${shown} s, past ${target}`);
  await page.clock.fastForward((seconds(target) - shown) * 1000);
  await page.waitForFunction(([id, goal]) => {
    const parts = document.querySelector(`[data-testid=${id}]`).textContent.split(":").map(Number);
    return parts.reduce((total, part) => total * 60 + part, 0) >= goal;
  }, [testid, seconds(target)]);
}

/**
 * A problem-solving meeting in Shanghai time with four participants, 赵敏 declined, opened on its
 * run tab and started at 09:00:20 on the fake clock; returns the meeting id.
 */
async function startedMeeting(page) {
  await page.addInitScript(recordBeeps);
  await page.clock.install({ time: new Date("2026-03-03T08:59:00+08:00") });
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  const id = page.url().split("/m/")[1].split("/")[0];
  for (const [name, department] of PEOPLE) await addParticipant(page, name, department);
  await page.goto(`${shared.server.url}#/m/${id}/prepare`);
  await waitForApp(page);
  const declined = page.getByTestId("attendance").locator("li").nth(3).locator("select");
  await declined.selectOption("Declined");
  assert.equal(await declined.inputValue(), "Declined");
  await page.goto(`${shared.server.url}#/m/${id}/run`);
  await waitForApp(page);
  await page.getByTestId("start-meeting").waitFor();
  const wait = Date.parse("2026-03-03T09:00:20+08:00") - (await page.evaluate(() => Date.now()));
  assert.ok(wait > 0, "the setup took less than 80 s of the fake clock");
  await page.clock.fastForward(wait);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("current-item").filter({ hasText: "问题与影响同步" }).waitFor();
  return id;
}

const speaker = (page) => page.locator('input[aria-label="发言人"]');
async function turnByButton(page, who) {
  await speaker(page).fill(who);
  await page.getByRole("button", { name: /^开始发言/ }).click();
}
async function turnByEnter(page, who) {
  await speaker(page).fill(who);
  await speaker(page).press("Enter");
}

/** Item 1: 研发部 90 s; item 2 (discussion, 20′): 运营部 60 s, 研发部 20 s. */
async function firstTurns(page) {
  await turnByButton(page, "李工（研发部）");
  await page.clock.fastForward(90_000);
  await page.getByTestId("next-item").click();
  await page.getByTestId("current-item").filter({ hasText: "原因分析与责任界定" }).waitFor();
  await turnByEnter(page, "王总（运营部）");
  await page.clock.fastForward(60_000);
  await turnByButton(page, "李工（研发部）");
  await page.clock.fastForward(20_000);
}

const REBALANCE_LINES = [
  "09:01–09:52 原因分析与责任界定:20 → 51 分钟",
  "09:52–09:54 方案比较:15 → 2 分钟",
  "09:54–09:57 决策与分工:10 → 3 分钟",
  "09:57–09:59 总结与跟进方式:5 → 2 分钟",
];

test("airtime, the departments not heard, the warnings and finishing on time", async () => {
  const context = await shared.browser.newContext({ timezoneId: "Asia/Shanghai", viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  const id = await startedMeeting(page);

  // Item 1 shares information: no prompt, no turns yet; the picker offers who attends.
  assert.equal(await page.getByTestId("airtime").locator("h3").textContent(), "发言时间（按部门）");
  assert.match(await text(page, "airtime"), /还没有记录发言。/);
  assert.deepEqual(await page.locator("#speaker-choices option").evaluateAll((o) => o.map((x) => x.value)), ["王总（运营部）", "李工（研发部）", "张经理（客服部）"]);
  await turnByButton(page, "李工（研发部）");
  await page.clock.fastForward(90_000);
  await eventually(() => airtimeRows(page), [["研发部", "100%", "100%"]], "a picked participant counts for their department");
  assert.equal(await page.getByTestId("not-heard").count(), 0, "no prompt in a sharing item");
  assert.equal(await page.getByTestId("time-warning").count(), 0);

  // Item 2 is a discussion: every attending department is named until it speaks (赵敏 declined).
  await page.getByTestId("next-item").click();
  await page.getByTestId("current-item").filter({ hasText: "原因分析与责任界定" }).waitFor();
  await eventually(() => text(page, "not-heard"), "还没发言的部门:运营部、研发部、客服部,请他们谈谈");
  await eventually(() => airtimeRows(page), [["研发部", "0%", "100%"]]);
  await turnByEnter(page, "王总（运营部）");
  await eventually(() => text(page, "not-heard"), "还没发言的部门:研发部、客服部,请他们谈谈", "the speaker now counts as heard");
  await page.clock.fastForward(60_000);
  await turnByButton(page, "李工（研发部）");
  await page.clock.fastForward(20_000);
  // Item: 运营部 60 s, 研发部 20 s; meeting: 研发部 110 s, 运营部 60 s; rows in order of first turn.
  await eventually(() => airtimeRows(page), [["研发部", "25%", "65%"], ["运营部", "75%", "35%"]]);
  assert.equal(await text(page, "not-heard"), "还没发言的部门:客服部,请他们谈谈");

  // Paused: no prompt; resumed: back.
  await page.getByTestId("pause").click();
  await page.getByText("已暂停").waitFor();
  await page.getByTestId("not-heard").waitFor({ state: "detached" });
  await page.getByTestId("pause").click();
  await page.getByTestId("not-heard").waitFor();

  // 80 % of the item's 20 minutes: the warning shows at 16:00 and beeps once.
  await forwardTo(page, "item-elapsed", "15:40");
  assert.equal(await page.getByTestId("time-warning").count(), 0, "no warning at 15:40 of 20:00");
  const quiet = await beeps(page);
  await forwardTo(page, "item-elapsed", "16:10");
  assert.equal(await text(page, "time-warning"), "本项已用去 80% 的时间");
  await page.waitForFunction((n) => window.__beeps === n + 1, quiet, { timeout: 3000 }).catch(() => {});
  assert.equal(await beeps(page), quiet + 1, "one beep as the 80 % warning starts");
  await forwardTo(page, "item-elapsed", "17:00");
  assert.equal(await beeps(page), quiet + 1, "the warning beeps once, not every tick");

  // Over time the words change, never a double negative: the banner, the item clock, the turn.
  await forwardTo(page, "item-elapsed", "30:30");
  assert.equal(await text(page, "time-warning"), "本项已超时:按时结束,或把余下的讨论记入待议", "over time replaces the 80 % banner");
  assert.equal(await page.getByTestId("item-clock").locator(".clock-sub").textContent(), "超时 10:30");
  assert.match(await text(page, "turn-left"), /^李工（研发部） · 发言超时 \d\d:\d\d$/);
  assert.equal(await beeps(page), quiet + 1, "running over is shown, not sounded again");
  // Two minutes over: finishing on time changes only some of the four items left, and lists only those.
  await page.getByTestId("finish-on-time").click();
  const changed = await page.getByTestId("rebalance").locator("li").evaluateAll((items) => items.map((li) => li.textContent.trim()));
  assert.ok(changed.length > 0 && changed.length < 4, `only the items that change: ${JSON.stringify(changed)}`);
  for (const line of changed) assert.doesNotMatch(line, /:(\d+) → \1 分钟$/, "no row that keeps its minutes");
  await page.getByTestId("finish-on-time").click();
  await page.getByTestId("rebalance").waitFor({ state: "detached" });

  // 50½ minutes into the 20-minute item the rest no longer fits: 1½ + 50½ + 30 > 60.
  await forwardTo(page, "item-elapsed", "50:30");
  assert.equal(await text(page, "time-warning"), "本项已超时:按时结束,或把余下的讨论记入待议", "8 minutes left: no five-minute warning yet");
  await page.getByTestId("finish-on-time").click();
  const panel = page.getByTestId("rebalance");
  await panel.waitFor();
  // The discussion goes to the 2-minute floor before the decisions give any time.
  assert.deepEqual(await panel.locator("li").evaluateAll((items) => items.map((li) => li.textContent.trim())), REBALANCE_LINES);
  assert.match(await panel.textContent(), /新的结束时间 09:59\(计划 10:00\)/);

  // Room mode shows the room the warning; the prompt, the airtime and the proposal stay with the host.
  await page.getByTestId("room-mode").click();
  assert.match(await page.getByTestId("run").getAttribute("class"), /\broom\b/);
  assert.equal(await page.getByTestId("time-warning").isVisible(), true, "the warning is shown in room mode");
  for (const testid of ["not-heard", "airtime", "rebalance"]) {
    assert.equal(await page.getByTestId(testid).isVisible(), false, `${testid} is the host's, not the room's`);
  }
  await page.getByTestId("room-mode").click();

  // Every department has spoken: the prompt goes; 客服部 is the third row.
  await turnByEnter(page, "张经理（客服部）");
  await page.getByTestId("not-heard").waitFor({ state: "detached" });
  await eventually(() => airtimeRows(page).then((rows) => rows.map((row) => row[0])), ["研发部", "运营部", "客服部"]);

  // Applied: the agenda and the stored meeting change; the toast's undo gives the minutes back.
  await page.getByTestId("rebalance-apply").click();
  await eventually(() => progressRows(page), ["10′", "20′ → 51′", "15′ → 2′", "10′ → 3′", "5′ → 2′"], "the plan, and the new minutes beside it");
  await eventually(() => storedMinutes(page, id), [10, 51, 2, 3, 2], "the new minutes are stored");
  assert.deepEqual((await storedRecord(page, id)).meeting.agenda.map((item) => item.planned_minutes ?? null), [null, 20, 15, 10, 5], "and the plan beside them");
  await page.getByTestId("finish-on-time").waitFor({ state: "detached" });
  const toast = page.getByTestId("toast").filter({ hasText: "已压缩剩余议程" });
  await toast.getByRole("button", { name: "撤销" }).click();
  await eventually(() => progressRows(page), ["10′", "20′", "15′", "10′", "5′"], "undo restores the minutes");
  await eventually(() => storedMinutes(page, id), [10, 20, 15, 10, 5], "and stores them");
  await page.getByTestId("finish-on-time").waitFor();

  // Five minutes left in the meeting, three into the 15-minute comparison: that warning alone.
  await page.getByTestId("next-item").click();
  await page.getByTestId("current-item").filter({ hasText: "方案比较" }).waitFor();
  await forwardTo(page, "meeting-elapsed", "54:40");
  assert.equal(await page.getByTestId("time-warning").count(), 0);
  const before5 = await beeps(page);
  await forwardTo(page, "meeting-elapsed", "55:10");
  assert.equal(await text(page, "time-warning"), "会议还剩 5 分钟");
  await page.waitForFunction((n) => window.__beeps === n + 1, before5, { timeout: 3000 }).catch(() => {});
  assert.equal(await beeps(page), before5 + 1, "one beep as the five-minute warning starts");

  // Muted: the decision item's 80 % warning shows but is silent; the prompt shows in a decision item.
  await page.getByLabel("静音").check();
  await page.getByTestId("next-item").click();
  await page.getByTestId("current-item").filter({ hasText: "决策与分工" }).waitFor();
  await eventually(() => text(page, "not-heard"), "还没发言的部门:运营部、研发部、客服部,请他们谈谈");
  await forwardTo(page, "item-elapsed", "08:10");
  // The meeting is past its planned end by now (55:10 + 8:10): said so, not "5 minutes left".
  assert.equal(await text(page, "time-warning"), "会议已超过计划结束时间 · 本项已用去 80% 的时间");
  assert.match(await page.getByTestId("meeting-left").locator("..").textContent(), /^超时 03:\d\d$/);
  await forwardTo(page, "item-elapsed", "08:40");
  assert.equal(await beeps(page), before5 + 1, "no beep while muted");

  // Paused: no warning and no prompt.
  await page.getByTestId("pause").click();
  await page.getByTestId("time-warning").waitFor({ state: "detached" });
  assert.equal(await page.getByTestId("not-heard").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the instruments fit a phone and a projector", async () => {
  for (const [name, viewport] of [["phone", { width: 390, height: 844 }], ["projector", { width: 1920, height: 1080 }]]) {
    const context = await shared.browser.newContext({ timezoneId: "Asia/Shanghai", viewport });
    const page = await context.newPage();
    await startedMeeting(page);
    await firstTurns(page);
    await forwardTo(page, "item-elapsed", "50:30");
    await page.getByTestId("finish-on-time").click();
    await page.getByTestId("rebalance").waitFor();
    assert.equal(await text(page, "time-warning"), "本项已超时:按时结束,或把余下的讨论记入待议");
    for (const room of name === "phone" ? [false] : [false, true]) {
      if (room) await page.getByTestId("room-mode").click();
      await page.screenshot({ path: `/tmp/instr-${name}${room ? "-room" : ""}.png`, fullPage: !room });
      const layout = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const run = document.querySelector("[data-testid=run]");
        const outside = [...run.querySelectorAll("[data-testid=airtime] *, [data-testid=rebalance] *, [data-testid=time-warning], [data-testid=not-heard]")]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .map((el) => el.outerHTML.slice(0, 80));
        return { overflow: Math.max(document.documentElement.scrollWidth, run.scrollWidth) - width, outside };
      });
      assert.equal(layout.overflow, 0, `${name}${room ? " room" : ""}: no sideways scrolling`);
      assert.deepEqual(layout.outside, [], `${name}${room ? " room" : ""}: nothing cut off at the right`);
    }
    await context.close();
  }
});
