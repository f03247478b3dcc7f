// Planning a meeting the way an organiser would (issue 3: S1, P1–P4, R1–R7): findings appear and
// clear as fields are fixed, the agenda reorders by keyboard and by "sort by phase", the notice is
// copied, and the .ics invitation is downloaded and read by the real `icalendar` parser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addParticipant, waitForApp, withServerAndBrowser } from "../harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = withServerAndBrowser({ before, after });

/** A Tuesday at 14:00, at least 7 days ahead: 4+ working days of notice, no weekday warnings. */
function nextTuesdayInput() {
  const day = new Date(Date.now() + 7 * 86400000);
  while (day.getDay() !== 2) day.setDate(day.getDate() + 1);
  const pad = (n) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T14:00`;
}

const codes = (page) =>
  page.locator("[data-testid=readiness] [data-code]").evaluateAll((items) => items.map((i) => i.dataset.code));
const titles = (page) =>
  page.locator("[data-testid=agenda] .agenda-title").evaluateAll((inputs) => inputs.map((i) => i.value));

test("an organiser plans a problem-solving meeting to 'ready to send'", async () => {
  const context = await shared.browser.newContext({ acceptDownloads: true, timezoneId: "Asia/Shanghai" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: shared.server.url });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("readiness").waitFor();

  // Plan: the objective is checked as it is typed.
  assert.ok((await codes(page)).includes("P3-empty"));
  assert.ok((await codes(page)).includes("P2-no-decision-maker"));
  const objective = page.locator("#field-objective");
  await objective.fill("加强沟通");
  assert.ok((await codes(page)).includes("P3-vague"));
  assert.match(await page.getByTestId("objective-feedback").textContent(), /太笼统/);
  await objective.fill("界定客户投诉率上升的跨部门责任并指定整改负责人");
  assert.ok(!(await codes(page)).some((code) => code.startsWith("P3")));
  assert.match(await page.getByTestId("objective-feedback").textContent(), /目标清晰/);
  await page.locator('input[name="title"]').fill('客诉复盘, 第一轮; "终稿"');
  await page.getByText("单个部门无法独立推进").click();

  // Participants: five people, one decision-maker, a host and a recorder.
  const people = [["王总", "运营部"], ["李工", "研发部"], ["张经理", "客服部"], ["赵敏", "市场部"], ["陈晨", "IT部"]];
  for (const [name, department] of people) await addParticipant(page, name, department);
  const first = page.locator("[data-testid=participants] li").first();
  await first.getByLabel("角色").selectOption("DecisionMaker");
  await first.getByLabel("主持人").check();
  await page.locator("[data-testid=participants] li").nth(1).getByLabel("记录人").check();
  assert.match(await page.getByTestId("size-hint").textContent(), /5 人/);
  // The checks follow the last keystroke on the next tick: wait for them, then hold them to it.
  await page
    .waitForFunction(() => ![...document.querySelectorAll("[data-testid=readiness] [data-code]")].some((i) => i.dataset.code.startsWith("P")), null, { timeout: 5000 })
    .catch(() => {});
  assert.ok(!(await codes(page)).some((code) => code.startsWith("P")), `plan clean: ${await codes(page)}`);

  // A finding is a link to its field, on the other tab.
  await page.locator('[data-code="R1-no-time"] a').click();
  await page.waitForFunction(() => document.activeElement?.id === "field-start");

  await page.locator("#field-start").fill(nextTuesdayInput());
  await page.locator("#field-start").dispatchEvent("change");
  await page.locator('input[name="room"]').fill("3楼中立会议室");
  const owners = ["客服部-张经理", "研发部-李工", "全体", "王总", "主持人"];
  const rows = page.locator("[data-testid=agenda] li");
  for (let i = 0; i < owners.length; i++) await rows.nth(i).getByPlaceholder("负责人").fill(owners[i]);
  await rows.nth(1).locator(".agenda-title").fill("原因分析, 责任界定; 以及一段很长的中文说明用来检查日历文件的折行是否正确处理多字节字符而不会截断任何一个汉字");
  assert.match(await rows.first().getByTestId("clock-span").textContent(), /^14:00–14:10$/);

  // Reorder: Alt+↑ on the last item, then the phase order is broken and "sort by phase" mends it.
  const before = await titles(page);
  await rows.last().locator(".agenda-title").press("Alt+ArrowUp");
  const moved = await titles(page);
  assert.deepEqual(moved, [...before.slice(0, 3), before[4], before[3]]);
  for (let i = 0; i < 3; i++) await rows.nth(3 - i).getByRole("button", { name: "上移" }).click();
  assert.equal((await titles(page))[0], before[4]);
  assert.ok((await codes(page)).includes("R4-order"));
  await page.getByTestId("sort-by-phase").click();
  assert.ok(!(await codes(page)).includes("R4-order"));

  // Removing a row can be undone.
  const count = await rows.count();
  await rows.last().getByRole("button", { name: "删除" }).click();
  assert.equal(await rows.count(), count - 1);
  await page.getByTestId("toast").getByRole("button", { name: "撤销" }).click();
  assert.equal(await rows.count(), count);

  // Nothing must be fixed: ready to send.
  await page.getByTestId("ready").waitFor();

  // The notice, copied as plain text.
  await page.getByTestId("copy-notice").click();
  await page.getByText("已复制到剪贴板").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /会议通知:客诉复盘/);
  assert.match(copied, /界定客户投诉率上升的跨部门责任并指定整改负责人/);
  assert.match(copied, /14:00–14:10/);
  assert.match(copied, /决策方:王总\(运营部\) \[主持人\]/);
  assert.match(copied, /24 小时/);

  // The invitation, read by a real iCalendar parser.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-ics").click()]);
  const file = path.join(os.tmpdir(), `crossmeet-e2e-${process.pid}.ics`);
  await download.saveAs(file);
  const event = JSON.parse(execFileSync("python3", [path.join(here, "..", "parse_ics.py"), file], { encoding: "utf8" }));
  assert.equal(event.events, 1);
  assert.equal(event.summary, '客诉复盘, 第一轮; "终稿"');
  assert.match(event.description, /原因分析, 责任界定; 以及一段很长的中文说明.*不会截断任何一个汉字/);
  assert.match(event.description, /\n2\. 14:10–14:30 /, "agenda lines keep their line breaks");
  assert.equal(event.location, "3楼中立会议室");
  assert.match(event.start, /T06:00:00\+00:00$/, "14:00 in Shanghai is 06:00 UTC");
  assert.ok(event.longest_line_octets <= 75, `folded at 75 octets, got ${event.longest_line_octets}`);
  assert.equal(event.bare_lf, false);

  // Save as a template, then plan the next meeting from it.
  await page.getByTestId("save-template").click();
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.getByTestId("my-template").click();
  await page.getByTestId("workspace-title").waitFor();
  assert.equal(await page.getByTestId("workspace-title").textContent(), '客诉复盘, 第一轮; "终稿"');
  assert.equal(await page.locator("[data-testid=participants] li").count(), 5);
  await context.close();
});

test("on a phone a line under the tabs gives the readiness verdict and jumps to the checks", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.locator('[data-template="ProblemSolving"]').click();
  const jump = page.getByTestId("readiness-jump");
  assert.match(await jump.textContent(), /还有 \d+ 项必须修改/);
  const panelTop = () => page.locator("#readiness-heading").evaluate((h) => h.getBoundingClientRect().top);
  assert.ok((await panelTop()) > 844, "the checks start below the first screen");
  await jump.click();
  await page.waitForFunction(() => document.activeElement?.id === "readiness-heading");
  assert.ok((await panelTop()) < 844, "the checks are on screen after the jump");

  // On a wide screen the panel is beside the form, so the line is not shown.
  await page.setViewportSize({ width: 1920, height: 1080 });
  assert.equal(await jump.isVisible(), false);
  await context.close();
});
