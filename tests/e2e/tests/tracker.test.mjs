// The action tracker (issue 5, F3) as an organiser uses it: a reminder when the app opens, one
// table across meetings with filters, status edits, and the Excel round trip — export, edit,
// import with a preview, nothing applied from a broken file — seen in the retrospective too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { openApp, waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

const isoDay = (offsetDays) => {
  const day = new Date(Date.now() + offsetDays * 86400000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
};

function backupWithActions() {
  const meeting = (id, title, actions) => ({
    schema: 2,
    meeting: { id, title, updated_at: new Date().toISOString(), actions },
  });
  const action = (id, task, owner, department, deadline, status = "Open") => ({ id, task, owner, department, deadline, status });
  return JSON.stringify({
    app: "crossmeet",
    kind: "backup",
    schema: 2,
    meetings: [
      meeting("m1", "Q3 排期会", [
        action("a1", "完成技术方案初稿", "张工", "研发部", isoDay(-2)),
        action("a2", "确认投放预算", "Li", "Marketing", isoDay(0), "InProgress"),
      ]),
      meeting("m2", "客诉复盘", [action("a3", "整改客服话术", "张工", "客服部", isoDay(7))]),
    ],
  });
}

async function restore(page, text) {
  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByTestId("restore-confirm").click();
  // Stored before the test navigates: while a restore is being written, leaving the page asks
  // first (beforeunload), and the navigation would be refused.
  await page.getByTestId("toast").filter({ hasText: /已恢复 \d+ 个会议/ }).waitFor();
}

const rowsShown = (page) => page.locator("[data-testid=tracker] tbody tr").count();

test("the tracker reminds, filters, edits and round-trips through Excel CSV", async () => {
  // The browser and this script share the machine's time zone, so "today" agrees.
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await restore(page, backupWithActions());
  await page.goto(shared.server.url);
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByTestId("reminder").textContent(), /1 项行动项已逾期,1 项今天到期/);

  await page.getByTestId("reminder").getByRole("link").click();
  await page.getByTestId("tracker").waitFor();
  assert.equal(await rowsShown(page), 3);
  assert.match(await page.locator("tr[data-action=a1]").getAttribute("class"), /overdue/);
  assert.match(await page.locator("tr[data-action=a2]").getAttribute("class"), /due-today/);
  await page.getByTestId("filter-person").fill("张工");
  assert.equal(await rowsShown(page), 2);
  await page.getByTestId("filter-person").fill("");
  await page.getByTestId("filter-status").selectOption("InProgress");
  assert.equal(await rowsShown(page), 1);
  await page.getByTestId("filter-status").selectOption("");

  // A status changed in place is stored.
  await page.locator("tr[data-action=a3] select").selectOption("Blocked");
  await waitForStored(page, "m2", (m) => m.actions.find((a) => a.id === "a3")?.status === "Blocked", "a3 blocked");
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator("tr[data-action=a3] select").inputValue(), "Blocked");

  // The retrospective before the import: nothing done yet (F5).
  const retrospective = async () => {
    await page.goto(shared.server.url + "#/review");
    await waitForApp(page);
    const legend = await page.getByTestId("retro-legend").first().textContent();
    await page.goto(shared.server.url + "#/tracker");
    await waitForApp(page);
    return legend;
  };
  assert.equal(await retrospective(), "按时完成 0 · 延期完成 0 · 未完成 3（已逾期 1）");

  // Export, edit as Excel would, import: a preview first, then the change.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-tracker").click()]);
  const exported = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  assert.match(exported, /^\ufeff编号 #[0-9a-f]{8},任务/, "the export id rides in the id header");
  const edited = exported
    .replace(/^(a1,.*?),待开始,/m, "$1,已完成,")
    .replace(/^(a2,(?:[^,]*,){4})[^,]*,/m, "$1明天,")
    .concat("zz,不存在,,,,,已完成,,x\r\n");
  const file = path.join(os.tmpdir(), `crossmeet-tracker-${process.pid}.csv`);
  fs.writeFileSync(file, edited);
  await page.getByTestId("import-tracker").setInputFiles(file);
  const preview = page.getByTestId("import-preview");
  await preview.waitFor();
  const text = await preview.textContent();
  assert.match(text, /将更新 1 项,1 项无变化,2 行有问题/);
  assert.match(text, /完成技术方案初稿: 待开始 → 已完成/);
  assert.match(text, /无法识别的日期“明天”/);
  assert.match(text, /没有编号为“zz”的行动项/);
  assert.equal(await page.locator("tr[data-action=a1] select").inputValue(), "Open", "nothing applied yet");
  await page.getByTestId("import-confirm").click();
  await page.waitForFunction(() => document.querySelector("tr[data-action=a1] select")?.value === "Done");
  // a1 was two days overdue: done today, it counts as done late.
  await waitForStored(page, "m1", (m) => m.actions.find((a) => a.id === "a1")?.status === "Done", "the imported a1 done");
  assert.equal(await retrospective(), "按时完成 0 · 延期完成 1 · 未完成 2（已逾期 0）");

  // A broken file changes nothing.
  fs.writeFileSync(file, '\ufeff编号,状态\r\n"a3,已完成\r\n');
  await page.getByTestId("import-tracker").setInputFiles(file);
  assert.match(await page.getByTestId("import-error").textContent(), /引号没有闭合.*未做任何更改/);
  assert.equal(await page.locator("tr[data-action=a3] select").inputValue(), "Blocked");
  fs.rmSync(file);

  // The weekly stand-up: open and blocked only, by owner, blocked first, a 10-minute clock (F4).
  await page.getByTestId("open-standup").click();
  const standup = page.getByTestId("standup");
  await standup.waitFor();
  const board = await standup.textContent();
  assert.doesNotMatch(board, /完成技术方案初稿/, "done items are left out");
  assert.equal(await standup.locator("li", { hasText: "整改客服话术" }).locator("select").inputValue(), "Blocked");
  assert.equal(await page.getByTestId("standup-clock").textContent(), "10:00");
  await page.getByTestId("standup-start").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="standup-clock"]').textContent.startsWith("09:5"));
  // Stepping out to update an item, or reloading, does not reset the clock.
  await page.locator(".app-header nav").getByRole("link", { name: "行动项" }).click();
  await page.getByTestId("open-standup").click();
  assert.match(await page.getByTestId("standup-clock").textContent(), /^09:/);
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByTestId("standup-clock").textContent(), /^09:/);
  assert.equal(await page.getByTestId("standup-start").textContent(), "重新计时");
  await context.close();
});

test("on a phone each action is a card that names its columns, with no sideways scrolling", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url, { viewport: { width: 390, height: 844 } });
  await restore(page, backupWithActions());
  await page.goto(shared.server.url + "#/tracker");
  await page.reload();
  await waitForApp(page);
  await page.getByTestId("tracker").waitFor();
  const layout = await page.evaluate(() => {
    const scroller = document.querySelector(".table-scroll");
    const row = document.querySelector("tr[data-action=a1]");
    const owner = row.querySelectorAll("td")[1];
    return {
      overflow: scroller.scrollWidth - scroller.clientWidth,
      rowWidth: row.getBoundingClientRect().width,
      label: getComputedStyle(owner, "::before").content,
    };
  });
  assert.equal(layout.overflow, 0, "the tracker fits the phone's width");
  assert.ok(layout.rowWidth <= 390, `a card is ${layout.rowWidth}px wide`);
  assert.equal(layout.label, '"负责人"');
  // The header is still there for screen readers.
  assert.equal(await page.getByRole("columnheader", { name: "负责人" }).count(), 1);
  await context.close();
});

test("an older tracker file brings in only what the owners edited; a cell changed on both sides waits for a choice", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  const action = (id, task) => ({ id, task, owner: "张工", department: "研发部", deadline: isoDay(7), status: "Open" });
  await restore(
    page,
    JSON.stringify({
      app: "crossmeet",
      kind: "backup",
      schema: 2,
      meetings: [
        {
          schema: 2,
          meeting: {
            id: "m1",
            title: "上线评审",
            updated_at: new Date().toISOString(),
            actions: [action("a1", "研发冻结计划"), action("a2", "推广计划"), action("a3", "渠道备货"), action("a4", "成本测算")],
          },
        },
      ],
    }),
  );
  await page.goto(shared.server.url + "#/tracker");
  await waitForApp(page);
  await page.getByTestId("tracker").waitFor();
  const statuses = () =>
    page.locator("tr[data-action]").evaluateAll((rows) => Object.fromEntries(rows.map((row) => [row.dataset.action, row.querySelector("select").value])));

  // Exported, then two statuses changed in the app while the file is with the owners.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-tracker").click()]);
  const exported = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  await page.locator("tr[data-action=a1] select").selectOption("InProgress");
  await page.locator("tr[data-action=a2] select").selectOption("Blocked");
  assert.deepEqual(await statuses(), { a1: "InProgress", a2: "Blocked", a3: "Open", a4: "Open" });

  // The owners edit their copy: a3 done with a note, a4 in progress, and a2 done (changed in
  // the app too); a1 as exported.
  const sheet = Papa.parse(exported.replace(/^\ufeff/, ""), { skipEmptyLines: true }).data;
  const row = (id) => sheet.find((cells) => cells[0] === id);
  row("a3")[6] = "已完成";
  row("a3")[7] = "2026-12-16 已与三家大客户确认交付日期";
  row("a4")[6] = "进行中";
  row("a2")[6] = "已完成";
  const file = (cells) => Buffer.from("\ufeff" + Papa.unparse(cells, { newline: "\r\n" }) + "\r\n", "utf8");
  await page.getByTestId("import-tracker").setInputFiles({ name: "tracker.csv", mimeType: "text/csv", buffer: file(sheet) });
  const preview = page.getByTestId("import-preview");
  await preview.waitFor();
  const text = await preview.textContent();
  assert.doesNotMatch(text, /进行中 → 待开始/, "a1's untouched cell is no change");
  assert.doesNotMatch(text, /受阻 → 待开始/, "a2's app change is not reverted");
  assert.match(text, /将更新 3 项,1 项无变化,0 行有问题/);
  assert.match(text, /渠道备货: 待开始 → 已完成; \+ 已与三家大客户确认交付日期/);
  assert.match(text, /成本测算: 待开始 → 进行中/);
  assert.match(text, /其中 1 项在导出后应用中也改了同一单元格/);
  const conflict = preview.locator("[data-action=a2]").getByTestId("import-conflict");
  assert.match(await conflict.textContent(), /两边都改了.*保留应用中的值:受阻.*采用表格中的值:已完成/);
  assert.equal(await conflict.getByTestId("import-keep-app").isChecked(), true, "the app's value until chosen");
  assert.equal(await preview.getByTestId("import-export-unknown").count(), 0);

  // The sheet's value chosen for a2, a4 left out, then applied.
  await conflict.getByTestId("import-take-sheet").check();
  await preview.locator("[data-action=a4]").getByTestId("import-include").uncheck();
  await page.getByTestId("import-confirm").click();
  await page.getByTestId("toast").filter({ hasText: "已更新 2 项行动项" }).waitFor();
  assert.deepEqual(await statuses(), { a1: "InProgress", a2: "Done", a3: "Done", a4: "Open" });

  // A file whose export this device does not know (the id taken out of its header): the old
  // comparison with the app, and the preview says changes cannot be told from untouched cells.
  const unknown = sheet.map((cells) => [...cells]);
  unknown[0][0] = "编号";
  await page.getByTestId("import-tracker").setInputFiles({ name: "tracker.csv", mimeType: "text/csv", buffer: file(unknown) });
  await preview.waitFor();
  assert.match(await preview.getByTestId("import-export-unknown").textContent(), /无法区分负责人改过的单元格和没动过的单元格/);
  assert.match(await preview.textContent(), /研发冻结计划: 进行中 → 待开始/);
  await preview.getByRole("button", { name: "取消" }).click();
  assert.deepEqual(await statuses(), { a1: "InProgress", a2: "Done", a3: "Done", a4: "Open" });
  await context.close();
});
