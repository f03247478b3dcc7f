// Minutes and notice people can print (issue 14.4): the browser's Print / Save as PDF gives only
// the document — decisions, the action table, speaking time, parked points; no app chrome — on
// A4 pages whose table rows are never cut, read back from the PDF with poppler's pdftotext.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openApp, waitForApp, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

/** The text of each page of `pdf`, as pdftotext lays it out. */
function pdfPages(pdf) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crossmeet-print-")), "out.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").filter((page) => page.trim());
}

test("the minutes print alone on A4 pages, every action row whole, and the notice likewise", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  const id = page.url().split("/m/")[1].split("/")[0];
  await page.goto(`${shared.server.url}#/m/${id}/run`);
  await waitForApp(page);
  await page.getByTestId("start-meeting").click();
  const speaker = page.locator('input[list="speaker-choices"]');
  await speaker.fill("李工（研发部）");
  await speaker.press("Enter");
  await page.getByTestId("decision-input").fill("采用方案 A,周五前完成供应商比选");
  await page.keyboard.press("Enter");
  // Enough actions to need a second page.
  for (let i = 1; i <= 40; i++) {
    await page.getByTestId("action-input").fill(`行动${String(i).padStart(2, "0")} 整理客诉责任矩阵并确认`);
    await page.keyboard.press("Enter");
  }
  await page.getByTestId("park-input").fill("下季度预算是否追加");
  await page.keyboard.press("Enter");
  await page.getByTestId("end-meeting").click();
  await page.getByTestId("summary").waitFor();

  await page.goto(`${shared.server.url}#/m/${id}/follow-up`);
  await waitForApp(page);
  await page.getByTestId("minutes-preview").waitFor();
  const pages = pdfPages(await page.pdf({ format: "A4" }));
  const all = pages.join("\n");
  assert.ok(pages.length >= 2, `forty actions take more than one page (${pages.length})`);
  for (const expected of ["问题解决会 — 会议纪要", "采用方案 A,周五前完成供应商比选", "发言时间", "研发部", "下季度预算是否追加"]) {
    assert.ok(all.includes(expected), `the printed minutes hold ${expected}`);
  }
  for (const chrome of ["跨部门会议助手", "存为模板", "打印 / 存为 PDF", "重新生成"]) {
    assert.ok(!all.includes(chrome), `no app chrome in print: ${chrome}`);
  }
  // Every action row is printed whole on one page, in order, and the header row repeats.
  for (let i = 1; i <= 40; i++) {
    const row = `行动${String(i).padStart(2, "0")} 整理客诉责任矩阵并确认`;
    assert.equal(pages.filter((text) => text.includes(row)).length, 1, `${row} on exactly one page, whole`);
  }
  assert.ok(pages.filter((text) => text.includes("交付标准")).length >= 2, "the table header repeats on the next page");

  await page.goto(`${shared.server.url}#/m/${id}/prepare`);
  await waitForApp(page);
  // Printed from the tab (Ctrl+P) with the preview closed, and again with it open.
  for (const preview of ["closed", "open"]) {
    if (preview === "open") await page.getByText("预览通知").click();
    const notice = pdfPages(await page.pdf({ format: "A4" })).join("\n");
    assert.ok(notice.includes("问题解决会") && notice.includes("请假规则"), `the notice prints, preview ${preview}`);
    assert.ok(!notice.includes("存为模板") && !notice.includes("复制通知"), `and only the notice, preview ${preview}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
