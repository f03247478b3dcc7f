// Storage faults as a user meets them (D1): no IndexedDB at all, and a damaged record. Both are
// shown plainly, nothing is lost, and the rest of the app keeps working.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, openApp, waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

test("without IndexedDB the failure is shown and the data stays usable and exportable", async () => {
  const context = await shared.browser.newContext({ acceptDownloads: true });
  // Private modes and locked-down browsers can refuse IndexedDB outright.
  await context.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { get: () => undefined });
  });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  const banner = page.getByTestId("storage-error");
  await banner.waitFor();
  assert.match(await banner.textContent(), /无法保存到本机存储.*无法使用本机数据库.*导出备份/s);

  await page.locator('[data-template="ProjectCollaboration"]').click();
  await page.locator('input[name="title"]').fill("只在内存中的会议");
  await page.goto(shared.server.url + "#/");
  await waitForApp(page);
  assert.match(await page.getByTestId("meeting-list").textContent(), /只在内存中的会议/);

  await page.goto(shared.server.url + "#/settings");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("backup").click(),
  ]);
  const text = await (await download.createReadStream()).toArray();
  const backup = JSON.parse(Buffer.concat(text).toString("utf8"));
  assert.equal(backup.meetings[0].meeting.title, "只在内存中的会议");
  assert.equal(await banner.count(), 1, "the failure stays visible");
  await context.close();
});

test("a damaged record is reported and kept, and the other meetings load", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  await waitForStored(page, page.url().split("/m/")[1].split("/")[0], () => true, "the new meeting");
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("crossmeet");
        open.onsuccess = () => {
          const tx = open.result.transaction("meetings", "readwrite");
          tx.objectStore("meetings").put('{"schema":2,"meeting":{"id":"x","agenda":"oops"', "damaged-1");
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.goto(shared.server.url);
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByTestId("undecodable").textContent(), /有 1 条记录无法读取/);
  assert.equal(await page.locator(".meeting-card").count(), 1);

  await page.goto(shared.server.url + "#/settings");
  const list = page.getByTestId("undecodable-list");
  await list.waitFor();
  assert.match(await list.textContent(), /damaged-1/);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    list.getByRole("button", { name: "导出原始内容" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "crossmeet-record-damaged-1.json");

  // Still there after another save and reload: a bad record is never deleted.
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.locator('[data-template="StrategyRollout"]').click();
  await page.getByTestId("workspace-title").waitFor();
  await waitForStored(page, page.url().split("/m/")[1].split("/")[0], () => true, "the new meeting");
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByTestId("undecodable").textContent(), /有 1 条记录无法读取/);
  await context.close();
});

test("a new deployment is announced and applied on request", async () => {
  const local = await serveDist();
  const { context, page } = await openApp(shared.browser, local.url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
    timeout: 15000,
  });
  local.swSuffix = "\n// next build\n";
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.getByText("新版本已就绪。");
  await banner.waitFor({ timeout: 15000 });
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("button", { name: "立即更新" }).click(),
  ]);
  await waitForApp(page);
  assert.equal(await banner.count(), 0, "the reloaded page runs the new build");
  await context.close();
  await local.stop();
});
