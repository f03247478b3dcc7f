// Reaching the owners (issue 17, F3) as an organiser uses it: due-soon badges and the opening
// reminder, the owners' action calendar read back by PyPI icalendar (stable UIDs across an edit,
// the daily progress reminder), the chase messages on the clipboard, browser notifications only
// for items that enter the due-soon window, and the panel's layout on a phone and a projector.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

// The browser and this script share the machine's time zone, so "today" agrees.
const pad = (n) => String(n).padStart(2, "0");
const format = (day) => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
const isoDay = (offsetDays) => {
  const day = new Date();
  day.setHours(12, 0, 0, 0);
  day.setDate(day.getDate() + offsetDays);
  return format(day);
};
const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso) => weekday(iso) === 0 || weekday(iso) === 6;
/** The first working day `from` days or more from today. */
const workingDayFrom = (from) => {
  let offset = from;
  while (isWeekend(isoDay(offset))) offset += 1;
  return isoDay(offset);
};
const TODAY = isoDay(0);
/** Due soon with the default window of one working day, whatever weekday today is. */
const NEXT_WORKING_DAY = workingDayFrom(1);
/** Calendar days from the working day before `iso` to `iso` (3 for a Monday). */
const daysBackToWorkingDay = (iso) => {
  let back = 1;
  while (isWeekend(isoDayFrom(iso, -back))) back += 1;
  return back;
};
const isoDayFrom = (iso, offset) => {
  const day = new Date(`${iso}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
};
/** A stamp newer than anything stored so far, so that a restore updates the meeting. */
const later = (hours) => new Date(Date.now() + hours * 3600e3).toISOString();

const LONG_TASK = "整理接口清单并与前端、测试、运维三方逐项确认字段含义与上线顺序";
const LONG_ACCEPTANCE = "清单发到项目群,三方在群里回复确认,无遗留问题";

const action = (id, task, owner, department, acceptance, deadline, status = "Open", extra = {}) => ({
  id,
  task,
  owner,
  department,
  acceptance,
  deadline,
  status,
  ...extra,
});
const meeting = (id, title, actions, extra = {}) => ({
  schema: 2,
  meeting: { id, title, updated_at: extra.updated_at ?? "2026-01-01T08:00:00Z", actions, ...extra },
});
const backup = (meetings) => JSON.stringify({ app: "crossmeet", kind: "backup", schema: 2, meetings });

/** Two meetings, two owners: overdue, due today, due soon, later, done, cancelled, no deadline. */
function reachMeetings({ b1Deadline = isoDay(10), updatedAt } = {}) {
  const stamp = updatedAt ? { updated_at: updatedAt } : {};
  return [
    meeting(
      "m1",
      "Q3 排期会",
      [
        action("a1", "完成技术方案初稿", "张工", "研发部", "评审通过", isoDay(-2)),
        action("a2", "确认投放预算", "Li", "Marketing", "预算表签字", TODAY, "InProgress"),
        action("a3", LONG_TASK, "张工", "研发部", LONG_ACCEPTANCE, NEXT_WORKING_DAY),
        action("a4", "归档上次会议纪要", "Li", "Marketing", "", isoDay(-5), "Done", { completed_on: isoDay(-6) }),
      ],
      {
        participants: [{ id: "p1", name: "王总", department: "运营部", is_host: true }],
        progress_time: "17:00:00",
        ...stamp,
      },
    ),
    meeting(
      "m2",
      "客诉复盘",
      [
        action("b1", "整改客服话术", "张工", "客服部", "新话术上线", b1Deadline),
        action("b2", "评估外包方案", "Li", "Marketing", "", null, "Blocked"),
        action("b3", "下线旧版话术", "张工", "客服部", "", isoDay(-1), "Cancelled"),
      ],
      stamp,
    ),
  ];
}

/** Closes the toast shown, if any, so that a wait for the next one cannot see an old one. */
async function dismissToast(page) {
  const toast = page.getByTestId("toast");
  if (await toast.count()) {
    await toast.locator("button.quiet").click();
    await toast.waitFor({ state: "detached" });
  }
}

async function restore(page, text, count) {
  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await dismissToast(page);
  await page.getByTestId("restore-confirm").click();
  // Stored before the test moves on, not merely started.
  await page.getByTestId("toast").filter({ hasText: `已恢复 ${count} 个会议` }).waitFor();
}

/** A context with the clipboard granted, the reach data restored, on `route`. */
async function openWithData(options = {}, route = "#/tracker") {
  const context = await shared.browser.newContext({ acceptDownloads: true, ...options });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(shared.server.url).origin });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(shared.server.url);
  await waitForApp(page);
  await restore(page, backup(reachMeetings()), 2);
  await page.goto(shared.server.url + route);
  await waitForApp(page);
  return { context, page, errors };
}

// The real PyPI icalendar reads the file back; the raw bytes are checked for folding and CRLF.
const PARSER = path.join(os.tmpdir(), `crossmeet-reach-ics-${process.pid}.py`);
fs.writeFileSync(
  PARSER,
  `import json, sys
import icalendar
raw = open(sys.argv[1], "rb").read()
calendar = icalendar.Calendar.from_ical(raw)
events = []
for event in calendar.walk("VEVENT"):
    start = event.decoded("dtstart")
    rrule = event.get("rrule")
    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    events.append({
        "uid": str(event.get("uid")),
        "summary": str(event.get("summary")),
        "description": str(event.get("description")),
        "status": str(event.get("status")),
        "dtstart": start.isoformat(),
        "dtstart_has_time": hasattr(start, "hour"),
        "dtstart_tz": str(getattr(start, "tzinfo", None)),
        "rrule": rrule.to_ical().decode() if rrule is not None else None,
        "rrule_dict": {k: [v.isoformat() if hasattr(v, "isoformat") else str(v) for v in vs] for k, vs in rrule.items()} if rrule is not None else None,
        "alarms": len(alarms),
        "triggers": [a.get("trigger").to_ical().decode() for a in alarms],
        "trigger_seconds": [a.decoded("trigger").total_seconds() for a in alarms],
    })
print(json.dumps({
    "events": events,
    "longest_line_octets": max(len(line) for line in raw.split(b"\\r\\n")),
    "bare_lf": b"\\n" in raw.replace(b"\\r\\n", b""),
    "bare_cr": b"\\r" in raw.replace(b"\\r\\n", b""),
}, ensure_ascii=False))
`,
);
after(() => fs.rmSync(PARSER, { force: true }));

/** Clicks `testid`, saves the download and reads it back with icalendar. */
async function downloadCalendar(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-action-ics").click()]);
  const file = path.join(os.tmpdir(), `crossmeet-reach-${process.pid}-${Date.now()}.ics`);
  await download.saveAs(file);
  try {
    const parsed = JSON.parse(execFileSync("python3", [PARSER, file], { encoding: "utf8" }));
    return { name: download.suggestedFilename(), ...parsed, byUid: Object.fromEntries(parsed.events.map((e) => [e.uid, e])) };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const toastSaying = (page, text) => page.getByTestId("toast").filter({ hasText: text }).waitFor();

/** What `click` puts on the clipboard (emptied first, so a stale copy cannot pass). */
async function copiedBy(page, click) {
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await click();
  for (let tries = 0; tries < 50; tries += 1) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text !== "") return text;
    await page.waitForTimeout(100);
  }
  assert.fail("nothing was copied to the clipboard");
}

const uid = (meetingId, actionId) => `action-${meetingId}-${actionId}@crossmeet.invalid`;

test("the tracker marks what is due and writes an owners' calendar that icalendar reads", async () => {
  const { context, page, errors } = await openWithData();

  // The opening reminder counts open items only: a4 (done) and b3 (cancelled) are past but closed.
  assert.equal(await page.getByTestId("reminder").getByRole("link").textContent(), "提醒:1 项行动项已逾期,1 项今天到期,1 项即将到期。");
  await page.getByTestId("tracker").waitFor();
  const marks = await page.$$eval("[data-testid=tracker] tbody tr", (rows) =>
    Object.fromEntries(rows.map((row) => [row.dataset.action, [row.className, row.querySelector("[data-testid=due-badge]").textContent]])),
  );
  assert.deepEqual(marks, {
    a1: ["overdue", "已逾期"],
    a2: ["due-today", "今天到期"],
    a3: ["due-soon", "即将到期"],
    a4: ["", ""],
    b1: ["", ""],
    b2: ["", ""],
    b3: ["", ""],
  });

  const calendar = await downloadCalendar(page);
  await toastSaying(page, "日历含 7 个事件;1 项没有截止日期,未列入。");
  assert.equal(calendar.name, "crossmeet-tracker-actions.ics");
  assert.ok(calendar.longest_line_octets <= 75, `a line of ${calendar.longest_line_octets} octets`);
  assert.equal(calendar.bare_lf, false, "every line ends in CRLF");
  assert.equal(calendar.bare_cr, false);
  const deadlines = { a1: isoDay(-2), a2: TODAY, a3: NEXT_WORKING_DAY, a4: isoDay(-5), b1: isoDay(10), b3: isoDay(-1) };
  const expectedUids = [...Object.keys(deadlines).map((id) => uid(id.startsWith("a") ? "m1" : "m2", id)), "progress-m1@crossmeet.invalid"];
  assert.deepEqual(calendar.events.map((e) => e.uid).sort(), expectedUids.sort(), "one event per action with a deadline, and the progress reminder");
  for (const [id, deadline] of Object.entries(deadlines)) {
    const event = calendar.byUid[uid(id.startsWith("a") ? "m1" : "m2", id)];
    assert.equal(event.dtstart, deadline, `${id} is an all-day event on its deadline`);
    assert.equal(event.dtstart_has_time, false);
    assert.equal(event.rrule, null);
    if (id === "a4" || id === "b3") {
      assert.equal(event.status, "CANCELLED", `${id} is closed`);
      assert.equal(event.alarms, 0, `${id} is closed: no alarm`);
    } else {
      assert.equal(event.status, "CONFIRMED");
      // The working day before at 09:00, and the morning of.
      const before = -(daysBackToWorkingDay(deadline) * 24 - 9) * 3600;
      assert.deepEqual(event.trigger_seconds, [before, 9 * 3600], `${id}'s alarms (${event.triggers})`);
    }
  }
  const a3 = calendar.byUid[uid("m1", "a3")];
  assert.equal(a3.summary, `行动项截止:${LONG_TASK} (张工)`, "the folded Chinese summary reads back whole");
  assert.equal(
    a3.description,
    [
      `任务:${LONG_TASK}`,
      "负责人:张工(研发部)",
      `截止:${NEXT_WORKING_DAY}`,
      `交付标准:${LONG_ACCEPTANCE}`,
      "状态:待开始",
      "会议:Q3 排期会",
      "主持人:王总(运营部)",
      "",
    ].join("\n"),
  );
  assert.match(calendar.byUid[uid("m2", "b3")].description, /状态:已取消/);

  const recurring = calendar.events.filter((e) => e.rrule !== null);
  assert.equal(recurring.length, 1, "one progress reminder: only m1 set a progress time");
  const progress = recurring[0];
  assert.equal(progress.uid, "progress-m1@crossmeet.invalid");
  assert.equal(progress.dtstart, `${workingDayFrom(0)}T17:00:00`, "17:00 on the first working day from today");
  assert.equal(progress.dtstart_tz, "None", "a floating local time");
  assert.deepEqual(progress.rrule_dict, {
    FREQ: ["WEEKLY"],
    BYDAY: ["MO", "TU", "WE", "TH", "FR"],
    UNTIL: [`${NEXT_WORKING_DAY}T23:59:59`],
  }, `until the last open deadline of m1 (${progress.rrule})`);
  assert.equal(progress.status, "CONFIRMED");

  // m2 is edited elsewhere (a newer backup): b1 moves, every UID stays, so a re-import updates.
  await restore(page, backup(reachMeetings({ b1Deadline: isoDay(12), updatedAt: later(1) })), 2);
  await page.goto(shared.server.url + "#/tracker");
  await waitForApp(page);
  const again = await downloadCalendar(page);
  assert.deepEqual(again.events.map((e) => e.uid).sort(), expectedUids.sort(), "the same UIDs after an edit");
  assert.equal(again.byUid[uid("m2", "b1")].dtstart, isoDay(12), "the moved deadline");

  // The follow-up tab of m2: its own calendar; a progress time adds one recurring reminder.
  await page.goto(shared.server.url + "#/m/m2/follow-up");
  await waitForApp(page);
  assert.equal(await page.getByTestId("progress-time").inputValue(), "");
  const followUp = await downloadCalendar(page);
  await toastSaying(page, "日历含 2 个事件;1 项没有截止日期,未列入。");
  assert.equal(followUp.name, "crossmeet-m2-actions.ics");
  assert.deepEqual(followUp.events.map((e) => e.uid).sort(), [uid("m2", "b1"), uid("m2", "b3")]);
  await page.getByTestId("progress-time").fill("17:00");
  await waitForStored(page, "m2", (m) => String(m.progress_time).startsWith("17:00"), "the progress time");
  const withProgress = await downloadCalendar(page);
  await toastSaying(page, "日历含 3 个事件;1 项没有截止日期,未列入。");
  const m2Progress = withProgress.events.filter((e) => e.rrule !== null);
  assert.equal(m2Progress.length, 1);
  assert.equal(m2Progress[0].uid, "progress-m2@crossmeet.invalid");
  assert.equal(m2Progress[0].dtstart, `${workingDayFrom(0)}T17:00:00`);
  assert.deepEqual(m2Progress[0].rrule_dict.UNTIL, [`${isoDay(12)}T23:59:59`], "until b1, the only open deadline");
  assert.equal(m2Progress[0].alarms, 1);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByTestId("progress-time").inputValue(), "17:00", "the progress time is stored");
  assert.deepEqual(errors, []);
  await context.close();
});

test("chase messages for the group and for each owner land on the clipboard", async () => {
  const { context, page, errors } = await openWithData();
  await page.getByTestId("reach").waitFor();
  const details = (owner, deadline, acceptance, title) =>
    `   ${owner ? `负责人:${owner} · ` : ""}截止:${deadline} · 交付标准:${acceptance} · 会议:${title}`;

  const group = await copiedBy(page, () => page.getByTestId("copy-group-message").click());
  await toastSaying(page, "已复制到剪贴板");
  assert.equal(
    group,
    [
      `行动项表 (截至 ${TODAY},5 项未完成)`,
      "",
      "1. [已逾期 2 天] 完成技术方案初稿",
      details("张工 (研发部)", isoDay(-2), "评审通过", "Q3 排期会"),
      "2. [今天到期] 确认投放预算",
      details("Li (Marketing)", TODAY, "预算表签字", "Q3 排期会"),
      `3. [即将到期] ${LONG_TASK}`,
      details("张工 (研发部)", NEXT_WORKING_DAY, LONG_ACCEPTANCE, "Q3 排期会"),
      "4. 整改客服话术",
      details("张工 (客服部)", isoDay(10), "新话术上线", "客诉复盘"),
      "5. 评估外包方案",
      details("Li (Marketing)", "未定截止日期", "未填写", "客诉复盘"),
      "",
      "@张工 @Li 请每个工作日 17:00 前更新进度,完成后回复我。",
    ].join("\n"),
  );

  // The owners, most overdue first, each with a button that copies their message.
  await page.getByTestId("chase-by-owner").click();
  const owners = page.getByTestId("chase-owners");
  await owners.waitFor({ timeout: 5000 });
  assert.deepEqual(await owners.getByTestId("chase-copy").evaluateAll((buttons) => buttons.map((b) => b.dataset.owner)), ["张工", "Li"]);
  assert.match(await owners.locator("li").first().textContent(), /张工.*3 项未完成,1 项逾期/);
  const zhangPlain = await copiedBy(page, () => page.locator('[data-testid=chase-copy][data-owner="张工"]').click());
  const zhangLines = [
    `@张工 你好,以下 3 项行动项请跟进(截至 ${TODAY}):`,
    "",
    "1. [已逾期 2 天] 完成技术方案初稿",
    details("", isoDay(-2), "评审通过", "Q3 排期会"),
    `2. [即将到期] ${LONG_TASK}`,
    details("", NEXT_WORKING_DAY, LONG_ACCEPTANCE, "Q3 排期会"),
    "3. 整改客服话术",
    details("", isoDay(10), "新话术上线", "客诉复盘"),
    "",
    "请每个工作日 17:00 前更新进度,完成后回复我。",
  ];
  assert.equal(zhangPlain, zhangLines.join("\n"), "cancelled b3 is left out");

  await page.getByTestId("chase-format").selectOption("md");
  const zhangMarkdown = await copiedBy(page, () => page.locator('[data-testid=chase-copy][data-owner="张工"]').click());
  assert.equal(
    zhangMarkdown,
    zhangLines
      .join("\n")
      .replace("[已逾期 2 天] 完成技术方案初稿\n", "**已逾期 2 天** 完成技术方案初稿  \n")
      .replace(`[即将到期] ${LONG_TASK}\n`, `**即将到期** ${LONG_TASK}  \n`)
      .replace("3. 整改客服话术\n", "3. 整改客服话术  \n"),
  );
  const liMarkdown = await copiedBy(page, () => page.locator('[data-testid=chase-copy][data-owner="Li"]').click());
  assert.ok(liMarkdown.startsWith(`@Li 你好,以下 2 项行动项请跟进(截至 ${TODAY}):\n\n1. **今天到期** 确认投放预算  \n`), liMarkdown);
  assert.doesNotMatch(liMarkdown, /归档上次会议纪要/, "done a4 is left out");
  const groupMarkdown = await copiedBy(page, () => page.getByTestId("copy-group-message").click());
  assert.ok(groupMarkdown.startsWith(`**行动项表** (截至 ${TODAY},5 项未完成)\n\n1. **已逾期 2 天** 完成技术方案初稿  \n`), groupMarkdown);

  // The tracker's filter narrows the panel too: one person's items, one mention.
  await page.getByTestId("chase-format").selectOption("text");
  await page.getByTestId("filter-person").fill("Li");
  const liGroup = await copiedBy(page, () => page.getByTestId("copy-group-message").click());
  assert.match(liGroup, /^行动项表 \(截至 \S+,2 项未完成\)\n/);
  assert.ok(liGroup.endsWith("\n\n@Li 请每个工作日 17:00 前更新进度,完成后回复我。"), liGroup);
  assert.doesNotMatch(liGroup, /张工/);

  // A meeting without a progress time: its own heading, and the plain closing line.
  await page.goto(shared.server.url + "#/m/m2/follow-up");
  await waitForApp(page);
  const m2Group = await copiedBy(page, () => page.getByTestId("copy-group-message").click());
  assert.equal(
    m2Group,
    [
      `客诉复盘 · 行动项表 (截至 ${TODAY},2 项未完成)`,
      "",
      "1. 整改客服话术",
      details("张工 (客服部)", isoDay(10), "新话术上线", "客诉复盘"),
      "2. 评估外包方案",
      details("Li (Marketing)", "未定截止日期", "未填写", "客诉复盘"),
      "",
      "@张工 @Li 有进展或完成后请回复我。",
    ].join("\n"),
  );
  await page.getByTestId("chase-by-owner").click();
  const m2Zhang = await copiedBy(page, () => page.locator('[data-testid=chase-copy][data-owner="张工"]').click());
  assert.ok(m2Zhang.startsWith(`@张工 你好,以下 1 项行动项请跟进(截至 ${TODAY}):\n`), m2Zhang);
  assert.ok(m2Zhang.endsWith("\n\n有进展或完成后请回复我。"), m2Zhang);
  assert.deepEqual(errors, []);
  await context.close();
});

/** An init script: records every Notification shown and every permission request. */
function recordNotifications() {
  const Base = window.Notification;
  window.__shown = [];
  window.__asked = 0;
  if (!Base) return;
  class Recorded extends Base {
    constructor(title, options = {}) {
      super(title, options);
      window.__shown.push({ title, body: options.body ?? "" });
    }
  }
  // Still the browser's own answer; only counted, and the answer noted once it comes.
  window.__answers = [];
  Recorded.requestPermission = function (...args) {
    window.__asked += 1;
    const answer = Base.requestPermission(...args);
    answer.then((said) => window.__answers.push(said));
    return answer;
  };
  window.Notification = Recorded;
}

test("a notification announces only what enters the due-soon window, after the user asked", async () => {
  const context = await shared.browser.newContext({ permissions: ["notifications"] });
  await context.addInitScript(recordNotifications);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.clock.install();
  await page.goto(shared.server.url);
  await waitForApp(page);
  const weekly = ({ c3 = isoDay(10), c4 = isoDay(20), c5 = isoDay(11), updatedAt } = {}) =>
    backup([
      meeting(
        "n1",
        "周会",
        [
          action("c1", "今天交的周报", "张工", "研发部", "", TODAY),
          action("c2", "已在窗口里的事", "张工", "研发部", "", NEXT_WORKING_DAY),
          action("c3", "挪进窗口的事", "Li", "Marketing", "", c3),
          action("c4", "做完了的事", "Li", "Marketing", "", c4, "Done"),
          action("c5", "关掉通知后挪进来的事", "Li", "Marketing", "", c5),
        ],
        updatedAt ? { updated_at: updatedAt } : {},
      ),
    ]);
  await restore(page, weekly(), 1);
  const shown = () => page.evaluate(() => window.__shown);
  await page.clock.fastForward(61_000);
  assert.deepEqual(await shown(), [], "nothing before the user turns notifications on");
  assert.equal(await page.evaluate(() => window.__asked), 0, "no permission asked on load");

  await page.getByTestId("notify-toggle").check();
  await page.waitForFunction(() => window.__answers.length === 1);
  // Fixed on purpose: proving the granted box stays ticked, the page is given time to untick it.
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId("notify-toggle").isChecked(), true);
  assert.equal(await page.getByTestId("notify-refused").textContent(), "");

  // The first look: c1 and c2 are already due, which the opening reminder covers.
  await page.clock.fastForward(61_000);
  assert.deepEqual(await shown(), [], "items already due soon at the first look are not announced");

  // c3's deadline moves into the window (a newer copy of the meeting comes in), and c4's, done.
  await restore(page, weekly({ c3: NEXT_WORKING_DAY, c4: NEXT_WORKING_DAY, updatedAt: later(1) }), 1);
  await page.clock.fastForward(61_000);
  assert.deepEqual(await shown(), [{ title: "行动项即将到期", body: "挪进窗口的事" }]);
  await page.clock.fastForward(61_000);
  assert.equal((await shown()).length, 1, "announced once, not every minute");

  // Turned off: what enters the window then is not announced.
  await page.getByTestId("notify-toggle").uncheck();
  await restore(page, weekly({ c3: NEXT_WORKING_DAY, c4: NEXT_WORKING_DAY, c5: NEXT_WORKING_DAY, updatedAt: later(2) }), 1);
  await page.clock.fastForward(61_000);
  assert.equal((await shown()).length, 1, "nothing while notifications are off");
  assert.deepEqual(errors, []);
  await context.close();

  // Without the browser's grant: loading asks nothing, shows nothing; the tick gets a reason.
  const plain = await shared.browser.newContext();
  await plain.addInitScript(recordNotifications);
  const other = await plain.newPage();
  await other.clock.install();
  await other.goto(shared.server.url + "#/settings");
  await waitForApp(other);
  await other.clock.fastForward(61_000);
  assert.deepEqual(
    await other.evaluate(() => ({ permission: Notification.permission, asked: window.__asked, shown: window.__shown })),
    { permission: "default", asked: 0, shown: [] },
  );
  assert.equal(await other.getByTestId("notify-refused").textContent(), "");
  // Headless Chromium refuses the prompt (after a moment): the reason is shown, nothing is on.
  await other.getByTestId("notify-toggle").check();
  await other.waitForFunction(() => window.__answers.length === 1, null, { timeout: 10_000 });
  await other.waitForFunction(() => document.querySelector('[data-testid="notify-refused"]')?.textContent !== "");
  assert.deepEqual(await other.evaluate(() => window.__answers), ["denied"]);
  assert.equal(await other.getByTestId("notify-refused").textContent(), "浏览器已拒绝本站的通知,可在网站设置中允许。");
  assert.equal(await other.getByTestId("notify-toggle").isChecked(), false, "refused: the box does not stay ticked");
  await other.reload();
  await waitForApp(other);
  assert.equal(await other.getByTestId("notify-toggle").isChecked(), false, "not stored as on");
  assert.deepEqual(await other.evaluate(() => window.__shown), []);
  await plain.close();
});

test("the reach panel and the due-soon settings fit a phone and a projector", async () => {
  const shots = "/tmp/reach-shots";
  fs.mkdirSync(shots, { recursive: true });
  for (const [name, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["projector", { width: 1920, height: 1080 }],
  ]) {
    const { context, page } = await openWithData({ viewport });
    const reach = page.getByTestId("reach");
    await dismissToast(page);
    await page.getByTestId("chase-by-owner").click();
    // Shot even when the list does not come, to show what does.
    await page.getByTestId("chase-owners").waitFor({ timeout: 5000 }).catch(() => {});
    await reach.scrollIntoViewIfNeeded();
    await reach.screenshot({ path: `${shots}/reach-${name}.png` });
    await page.screenshot({ path: `${shots}/tracker-${name}-full.png`, fullPage: true });
    const layout = await page.evaluate(() => {
      const panel = document.querySelector("[data-testid=reach]");
      const width = document.documentElement.clientWidth;
      const outside = [...panel.querySelectorAll("button, select, summary, li, span")]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 || (getComputedStyle(el).display !== "inline" && el.scrollWidth > el.clientWidth + 1))
        .map((el) => el.outerHTML.slice(0, 80));
      return { pageOverflow: document.documentElement.scrollWidth - width, outside };
    });
    assert.equal(await page.getByTestId("chase-copy").count(), 2, `${name}: the owner list opens`);
    assert.equal(layout.pageOverflow, 0, `${name}: no sideways scrolling`);
    assert.deepEqual(layout.outside, [], `${name}: nothing in the panel is cut off`);

    await page.goto(shared.server.url + "#/settings");
    await waitForApp(page);
    const section = page.locator("section.sub-section", { has: page.getByTestId("due-soon-days") });
    assert.equal(await page.getByTestId("due-soon-days").inputValue(), "1", "one working day by default");
    await section.screenshot({ path: `${shots}/settings-due-soon-${name}.png` });
    await context.close();
  }
});
