// The tracker CSV back from Excel however it was saved (issue 18): exported by the app, saved by
// the owner as Excel's "CSV UTF-8", as plain "CSV" on Chinese Windows (GB18030, no byte-order
// mark) or as "Unicode text" (UTF-16LE with a mark, tab-separated), and imported through the
// file chooser. Every form previews zero changes, an edit saved as GB18030 is exactly that one
// change, and a workbook chosen by mistake is refused with how to save it as CSV.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import Papa from "papaparse";
import { openApp, waitForApp, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

function backupWithActions() {
  const action = (id, task, extra = {}) => ({ id, task, owner: "张工", department: "研发部", ...extra });
  return JSON.stringify({
    app: "crossmeet",
    kind: "backup",
    schema: 2,
    meetings: [
      {
        schema: 2,
        meeting: {
          id: "m1",
          title: "Q3 排期会; \"评审\"",
          updated_at: new Date().toISOString(),
          actions: [
            action("a1", "完成技术方案初稿", { deadline: "2026-12-10", acceptance: "通过评审\n附架构图" }),
            action("a2", "确认预算\t含税, 含\"差旅\"", { status: "InProgress", progress: [{ on: "2026-12-01", text: "已启动" }] }),
            action("a3", "=SUM(A1)", { status: "Blocked", owner: "Li" }),
          ],
        },
      },
    ],
  });
}

/** The exported file as the spreadsheet shows it: rows of cells, the app's apostrophes kept. */
const sheetOf = (exported) => Papa.parse(exported.replace(/^\ufeff/, ""), { skipEmptyLines: true }).data;

/** Rows written as Excel writes them: a cell holding the separator, a quote or a line break is quoted. */
const written = (sheet, delimiter) => Papa.unparse(sheet, { delimiter, newline: "\r\n" }) + "\r\n";

const gb18030 = (text) =>
  execFileSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('gb18030'))"], {
    input: Buffer.from(text, "utf8"),
  });

/** Each form Excel saves a sheet in. */
const saved = (sheet) => ({
  "CSV UTF-8": Buffer.from("\ufeff" + written(sheet, ","), "utf8"),
  "CSV, Chinese Windows (GB18030)": gb18030(written(sheet, ",")),
  "Unicode text (UTF-16LE, tabs)": Buffer.from("\ufeff" + written(sheet, "\t"), "utf16le"),
});

test("a tracker saved back from Excel in any form imports as it was written", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await page.goto(shared.server.url + "#/settings");
  await waitForApp(page);
  await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backupWithActions()) });
  await page.getByTestId("restore-confirm").click();
  await page.goto(shared.server.url + "#/tracker");
  await waitForApp(page);
  await page.getByTestId("tracker").waitFor();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-tracker").click()]);
  const exported = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  const sheet = sheetOf(exported);
  assert.match(sheet[0][0], /^编号 #[0-9a-f]{8}$/, "the export id rides in the id header");
  assert.deepEqual(sheet[0].slice(1, 7), ["任务", "负责人", "部门", "交付标准", "截止", "状态"]);
  assert.equal(sheet.length, 4);

  const statuses = () =>
    page.locator("tr[data-action]").evaluateAll((rows) => Object.fromEntries(rows.map((row) => [row.dataset.action, row.querySelector("select").value])));
  const imported = { a1: "Open", a2: "InProgress", a3: "Blocked" };
  assert.deepEqual(await statuses(), imported);
  const preview = page.getByTestId("import-preview");
  const importFile = async (name, buffer) => {
    await page.getByTestId("import-tracker").setInputFiles({ name, mimeType: "text/csv", buffer });
  };

  for (const [form, bytes] of Object.entries(saved(sheet))) {
    await importFile("tracker.csv", bytes);
    await preview.waitFor({ timeout: 5000 }).catch(async () => {
      const refused = await page.getByTestId("import-error").textContent().catch(() => "no message");
      assert.fail(`${form}: no preview; the page says: ${refused}`);
    });
    assert.match(await preview.textContent(), /将更新 0 项,3 项无变化,0 行有问题/, form);
    assert.equal(await page.getByTestId("import-confirm").count(), 0, `${form}: nothing to apply`);
    await preview.getByRole("button", { name: "取消" }).click();
  }

  // One status edited in the GB18030 file: exactly that change.
  const edited = sheet.map((row) => [...row]);
  assert.equal(edited[1][0], "a1");
  edited[1][6] = "已完成";
  await importFile("tracker.csv", gb18030(written(edited, ",")));
  await preview.waitFor();
  const text = await preview.textContent();
  assert.match(text, /将更新 1 项,2 项无变化,0 行有问题/);
  assert.match(text, /完成技术方案初稿: 待开始 → 已完成/);
  await page.getByTestId("import-confirm").click();
  await page.waitForFunction(() => document.querySelector("tr[data-action=a1] select")?.value === "Done");
  assert.deepEqual(await statuses(), { ...imported, a1: "Done" });

  // A workbook chosen by mistake: what it is and how to save it as CSV; nothing changes.
  const workbook = Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1"), Buffer.alloc(64, 7)]);
  await importFile("tracker.xlsx", workbook);
  const refused = await page.getByTestId("import-error").textContent();
  assert.match(refused, /Excel 工作簿\(\.xlsx\)/);
  assert.match(refused, /CSV UTF-8/);
  assert.match(refused, /WPS/);
  assert.match(refused, /未做任何更改。$/);
  assert.equal(await preview.count(), 0);
  assert.deepEqual(await statuses(), { ...imported, a1: "Done" });
  await context.close();
});
