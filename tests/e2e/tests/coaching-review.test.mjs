// The review that coaches (F6): a backup of a series of 12 meetings over two quarters and its
// next meeting. The review finds what the figures show, each with the meetings it comes from;
// two findings are carried into the next meeting (one undone and carried again); the changes
// carried before say whether they helped; the last two quarters sit side by side; the charts
// name every bar and hold the same figures as a table; the review downloads as Markdown and CSV
// and prints alone, in both languages, on a phone and on a projector.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openApp, waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });
const DEPARTMENTS = ["研发部", "市场部", "财务部", "运营部"];
const SERIES = { id: "ser-align", name: "项目对齐会" };

const iso = (ms) => new Date(ms).toISOString().replace(".000Z", "Z");
const day = (ms) => iso(ms).slice(0, 10);

/**
 * One held meeting of the series (or the planned next one): two 10-minute reports, a 20-minute
 * discussion and a 15-minute decision in a 60-minute slot; `reportsOver` minutes more for the
 * reports, taken from the discussion; `noticeDays` calendar days of notice; feedback with
 * `materialsEnough` of 5 saying the materials were enough; finance's actions late when `financeLate`.
 */
function meeting(n, start, { reportsOver = 0, noticeDays = 6, materialsEnough = 5, financeLate = false, planned = false, carried = [] } = {}) {
  const t0 = Date.parse(start);
  const at = (minutes) => iso(t0 + minutes * 60000);
  const agenda = [["s1", "进展汇报", 10, "Share"], ["s2", "数据汇报", 10, "Share"], ["d1", "方案讨论", 20, "Discuss"], ["c1", "决策与分工", 15, "Decide"]]
    .map(([id, title, minutes, phase]) => ({ id, title, minutes, phase }));
  const m = {
    id: `m${String(n).padStart(2, "0")}`, title: `项目对齐会 #${n + 1}`, series: SERIES, created_at: at(-20 * 1440), updated_at: at(0),
    objective: "确定下一阶段排期并明确各部门交付物",
    schedule: { starts_at: at(0), duration_minutes: 60, notice_sent_at: at(-noticeDays * 1440) },
    participants: DEPARTMENTS.map((department, i) => ({ id: `p${i}`, name: `成员${i}`, department })),
    agenda, carried,
  };
  if (planned) return m;
  const log = [{ at: at(0), kind: "Started" }];
  let minute = 0;
  for (const item of agenda) {
    log.push({ at: at(minute), kind: { ItemStarted: { item_id: item.id } } });
    minute += item.minutes + (item.phase === "Share" ? reportsOver / 2 : item.phase === "Discuss" ? -reportsOver : 0);
  }
  log.push({ at: at(minute), kind: "Ended" });
  m.run_log = log;
  const deadline = day(t0 + 7 * 86400000);
  const onTime = day(t0 + 5 * 86400000);
  const late = day(t0 + 10 * 86400000);
  m.actions = DEPARTMENTS.flatMap((department, i) =>
    (financeLate && department === "财务部" ? [0, 1] : [0]).map((k) => ({
      id: `a${i}-${k}`, task: `${department}交付物 ${k + 1}`, owner: `成员${i}`, department, deadline, status: "Done",
      completed_on: financeLate && department === "财务部" ? late : onTime,
    })));
  m.feedback = [0, 1, 2, 3, 4].map((k) => ({ agenda_time_right: k < 4, materials_enough: k < materialsEnough, rating: 4 }));
  return m;
}

// Q3: Monday mornings (the slot changed for Q4), nothing else amiss. Q4: Wednesdays 14:00; the
// reports ran over, the notice came late, the materials fell short and finance's actions were
// late in four of six meetings.
const Q3 = ["2026-07-06", "2026-07-20", "2026-08-03", "2026-08-17", "2026-08-31", "2026-09-14"];
const Q4 = ["2026-10-28", "2026-11-04", "2026-11-11", "2026-11-18", "2026-11-25", "2026-12-02"];
const MEETINGS = [
  ...Q3.map((d, n) => meeting(n, `${d}T01:00:00Z`)),
  ...Q4.map((d, k) => {
    const bad = k >= 1 && k <= 4;
    return meeting(6 + k, `${d}T06:00:00Z`, {
      reportsOver: bad ? 8 : 0, noticeDays: bad ? 1 : 6, materialsEnough: bad ? 1 : 5, financeLate: bad,
      carried: k === 0 ? [{ rule: "AwkwardSlot", subject: "", on: "2026-10-01" }] : [],
    });
  }),
  meeting(12, "2026-12-09T06:00:00Z", { planned: true }),
];

async function restore(page, meetings = MEETINGS) {
  const backup = JSON.stringify({ app: "crossmeet", kind: "backup", schema: 6, meetings: meetings.map((meeting) => ({ schema: 6, meeting })) });
  await page.goto(`${shared.server.url}#/settings`);
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await page.getByTestId("restore-confirm").click();
  await page.getByTestId("toast").filter({ hasText: `已恢复 ${meetings.length} 个会议` }).waitFor();
  await page.goto(`${shared.server.url}#/review`);
  await waitForApp(page);
}

const texts = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => n.textContent.trim()));
const finding = (page, rule) => page.locator(`[data-testid=finding][data-rule=${rule}]`);

async function downloaded(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
}

test("the review finds what a series' figures show, carries two changes into the next meeting and compares quarters", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { timezoneId: "Asia/Shanghai" });
  await restore(page);
  const card = page.getByTestId("retro-group").filter({ has: page.locator("h2", { hasText: "项目对齐会" }) });
  await card.getByTestId("coach").waitFor();
  assert.equal(await card.getByTestId("coach-status").textContent(), "依据最近 6 场已开的会议");
  assert.deepEqual(
    await card.getByTestId("finding").evaluateAll((items) => items.map((li) => li.dataset.rule)),
    ["ReportsOverrun", "ActionsLate", "NoticeShort", "MaterialsFeedbackLow"],
    "the quarter under review is Q4: the Monday slot of Q3 is history",
  );
  const reports = finding(page, "ReportsOverrun");
  assert.match(await reports.textContent(), /4\/6 场会议汇报超时,讨论和决策被压缩/);
  assert.deepEqual(
    await texts(reports.locator(".evidence a")),
    ["项目对齐会 #8 (2026-11-04)", "项目对齐会 #9 (2026-11-11)", "项目对齐会 #10 (2026-11-18)", "项目对齐会 #11 (2026-11-25)"],
    "the finding names the meetings it comes from",
  );
  assert.match(await finding(page, "ActionsLate").textContent(), /财务部 的行动项逾期明显多于其他人/);
  assert.match(await finding(page, "NoticeShort").textContent(), /提醒事项,议程无需改动/, "advice only: nothing to carry");
  assert.equal(await finding(page, "NoticeShort").getByTestId("carry").count(), 0);

  // Carry the reports change: previewed, then one undoable step; undone, then carried again.
  assert.equal(await reports.getByTestId("carry-preview").textContent(), "同步信息 20′ → 10′ · 讨论问题 20′ → 30′");
  await reports.getByTestId("carry").click();
  await reports.getByTestId("carried").waitFor();
  assert.equal(await reports.getByTestId("carried").textContent(), "已带入「项目对齐会 #13」");
  let next = await waitForStored(page, "m12", (m) => m.carried?.length === 1, "the reports change");
  assert.deepEqual(next.agenda.map((i) => i.minutes), [5, 5, 30, 15]);
  await page.getByTestId("toast").filter({ hasText: "已带入下次会议" }).getByRole("button", { name: "撤销" }).click();
  await reports.getByTestId("carry").waitFor();
  next = await waitForStored(page, "m12", (m) => (m.carried ?? []).length === 0, "the undo");
  assert.deepEqual(next.agenda.map((i) => i.minutes), [10, 10, 20, 15], "undo puts the plan back");
  await reports.getByTestId("carry").click();
  await reports.getByTestId("carried").waitFor();

  // Carry the materials change: a data sync opens the next meeting's agenda.
  const materials = finding(page, "MaterialsFeedbackLow");
  assert.equal(await materials.getByTestId("carry-preview").textContent(), "+ 数据同步 5′");
  await materials.getByTestId("carry").click();
  await materials.getByTestId("carried").waitFor();
  next = await waitForStored(page, "m12", (m) => m.carried?.length === 2, "the data sync");
  assert.deepEqual(next.agenda.map((i) => [i.title, i.minutes]), [["数据同步", 5], ["进展汇报", 5], ["数据汇报", 5], ["方案讨论", 30], ["决策与分工", 15]]);
  assert.deepEqual(next.carried.map((c) => c.rule), ["ReportsOverrun", "MaterialsFeedbackLow"]);
  await page.goto(`${shared.server.url}#/m/m12/prepare`);
  await waitForApp(page);
  await page.getByTestId("agenda").locator("li").first().waitFor();
  assert.equal(await page.getByTestId("agenda").locator("li input.agenda-title").first().inputValue(), "数据同步", "the prepare tab shows the carried item first");
  await page.goto(`${shared.server.url}#/review`);
  await waitForApp(page);

  // Did the changes help? The slot change carried into Q4's first meeting did; the two new ones
  // wait for a meeting to be held.
  assert.deepEqual(await texts(card.getByTestId("carried-results").locator("li")), [
    "下次会议改到周二或周四的同一时间: 之前 100% → 之后 0%(出现该情况的会议占比) · 已改善",
    "汇报缩短 10 分钟(每项各自计时),移给讨论: 之前 67% → 之后 –(出现该情况的会议占比) · 之后还没有开过会",
    "下次会议开头增加 5 分钟「数据同步」环节: 之前 67% → 之后 –(出现该情况的会议占比) · 之后还没有开过会",
  ]);
  // The quarters side by side, the older first.
  assert.deepEqual(
    await card.getByTestId("quarters").locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim()))),
    [["2026 年第 3 季度", "6", "100%", "-5", "4.0"], ["2026 年第 4 季度", "6", "71%", "-5", "4.0"]],
  );

  // The overrun chart: every held meeting a named bar over the plan line, its value on focus,
  // and the same figures as a table.
  const bars = card.getByTestId("overrun-bar");
  assert.equal(await bars.count(), 12);
  assert.equal(await bars.first().getAttribute("aria-label"), "项目对齐会 #1 (2026-07-06): -5 分钟");
  assert.equal(await card.getByTestId("plan-line").count(), 1);
  assert.equal(await card.getByTestId("overrun-table").locator("tbody tr").count(), 12);
  const value = bars.nth(3).locator(".bar-value");
  assert.equal(await value.evaluate((v) => getComputedStyle(v).opacity), "0");
  await bars.nth(3).focus();
  assert.equal(await value.evaluate((v) => getComputedStyle(v).opacity), "1", "the value shows on focus");
  assert.deepEqual(await texts(card.locator(".chart-ticks span")), ["0%", "50%", "100%"]);

  // Downloads: the review as Markdown, the proposals as CSV for Excel.
  const md = await downloaded(page, "review-md");
  for (const expected of ["# 复盘", "## 项目对齐会", "### 下次会议建议这样改", "1. **4/6 场会议汇报超时", "(已带入「项目对齐会 \\#13」)", "| 2026 年第 4 季度 | 6 | 71% | -5 | 4.0 |"]) {
    assert.ok(md.includes(expected), `the Markdown holds ${expected}:\n${md}`);
  }
  const csv = await downloaded(page, "review-csv");
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  assert.equal(lines[0], "系列,发现,原因,建议,依据会议,已带入");
  assert.equal(lines.length, 5, "one row per finding");
  assert.ok(lines[1].startsWith('项目对齐会,"4/6 场会议汇报超时,讨论和决策被压缩"') && lines[1].endsWith(",项目对齐会 #13"), lines[1]);

  // Printed, the review stands alone.
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crossmeet-review-")), "review.pdf");
  fs.writeFileSync(pdf, await page.pdf({ format: "A4" }));
  const printed = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  for (const expected of ["下次会议建议这样改", "季度对比", "财务部"]) assert.ok(printed.includes(expected), `printed: ${expected}`);
  assert.ok(!printed.includes("下载复盘"), "no buttons in print");

  // On a phone and on a projector: nothing runs off the page; the chart scrolls inside itself.
  for (const [width, height] of [[390, 844], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    const wide = await page.evaluate(() => [...document.querySelectorAll(".review *")].filter((e) => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className?.baseVal ?? e.className} ${Math.round(e.getBoundingClientRect().right)}`));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no sideways scroll at ${width}: ${wide}`);
    await card.screenshot({ path: `/tmp/coaching-review-${width}.png` });
  }

  // In English, from the same table of texts.
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("h1", { hasText: "Retrospective" }).waitFor();
  assert.match(await finding(page, "ReportsOverrun").textContent(), /Reports ran over in 4 of 6 meetings while discussion and decisions were cut/);
  assert.equal(await card.getByTestId("coach-status").textContent(), "From the last 6 meetings held");
  await card.screenshot({ path: "/tmp/coaching-review-en-1920.png" });
  const en = await downloaded(page, "review-csv");
  assert.ok(en.includes("Series,Finding,Why,Proposal,Seen in,Carried into"), en);
  assert.deepEqual(errors, []);
  await context.close();
});

test("with no next meeting planned, one click copies the latest and the changes can be carried into it", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { timezoneId: "Asia/Shanghai" });
  await restore(page, MEETINGS.slice(0, 12));
  const reports = finding(page, "ReportsOverrun");
  await reports.waitFor();
  assert.equal(await reports.getByTestId("carry").count(), 0, "nothing to carry into yet");
  assert.match(await reports.textContent(), /本系列还没有下次会议。/);
  await page.getByTestId("plan-next").click();
  await reports.getByTestId("carry").waitFor();
  assert.equal(await page.getByTestId("plan-next").count(), 0);
  await reports.getByTestId("carry").click();
  await reports.getByTestId("carried").waitFor();
  assert.match(await reports.getByTestId("carried").textContent(), /^已带入「项目对齐会 #12/, "carried into the copy of the latest meeting");
  assert.deepEqual(errors, []);
  await context.close();
});
