// The team space (T1-T5) with three browser profiles, each with its own folder (the browser's
// private folder stands in for the synced one: the app reaches both through the same directory
// handle), and the test acting as the sync client: it copies the members' files between the
// folders late, twice, out of order, and once half-written. Two organisers edit different fields
// of one meeting offline and both edits stay; both set the same action's status and every
// profile shows both versions until one is picked; a third member joins later and sees it all;
// a device that missed a week of changes catches up.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { waitForApp, waitForStored, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });
const NOW = Date.now();
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const SPACE = "PMO 周会";

const MEETING = {
  id: "m-team", title: "发布协调会", objective: "确定发布日期",
  created_at: iso(NOW - 86400000), updated_at: iso(NOW - 3600000),
  participants: [{ id: "p0", name: "王芳", department: "市场部" }],
  actions: [
    { id: "a1", task: "接口文档", owner: "李雷", department: "研发部", status: "Open" },
    { id: "a2", task: "测试计划", owner: "张伟", department: "测试部", status: "Open" },
  ],
};

/** A profile whose folder picker returns a folder in its own private file system. */
/** A browser profile on the settings page, holding `meetings`; `picker` gives it the folder picker. */
async function profile(meetings, { picker }) {
  const context = await shared.browser.newContext({ timezoneId: "Asia/Shanghai", acceptDownloads: true });
  if (picker) {
    await context.addInitScript(() => {
      window.showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle("synced", { create: true });
    });
  }
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${shared.server.url}#/settings`);
  await waitForApp(page);
  if (meetings.length) {
    const backup = JSON.stringify({ app: "crossmeet", kind: "backup", schema: 7, meetings: meetings.map((meeting) => ({ schema: 7, meeting })) });
    await page.getByTestId("restore-file").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
    await page.getByTestId("restore-confirm").click();
    await page.getByTestId("toast").filter({ hasText: "已恢复" }).waitFor();
  }
  return { context, page, errors };
}

async function member(name, meetings = [], seed = {}) {
  const { context, page, errors } = await profile(meetings, { picker: true });
  // What the sync client already brought: a joining member's folder holds the space's files.
  for (const [file, body] of Object.entries(seed)) await deliver({ page }, file, body);
  // The space's module is fetched only now.
  await page.getByTestId("space-set-up").click();
  await page.getByTestId("space-member").fill(name);
  await page.getByTestId("space-name").fill(SPACE);
  await page.getByTestId("space-pick").click();
  await page.getByTestId("space-written").filter({ hasNotText: "尚未" }).waitFor();
  return { name, context, page, errors };
}

/** The member files in a profile's space folder, by name, as base64. */
async function files(who) {
  return who.page.evaluate(async (space) => {
    const root = await navigator.storage.getDirectory();
    const folder = await (await (await root.getDirectoryHandle("synced")).getDirectoryHandle("CrossMeet")).getDirectoryHandle(space);
    const found = {};
    for await (const handle of folder.values()) {
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = "";
      for (const byte of bytes) text += String.fromCharCode(byte);
      found[handle.name] = btoa(text);
    }
    return found;
  }, SPACE);
}

/** The sync client puts a file into a profile's folder (a base64 body; `cut` keeps only part). */
async function deliver(who, name, body, cut = 1) {
  await who.page.evaluate(async ({ space, name, body, cut }) => {
    const root = await navigator.storage.getDirectory();
    const synced = await root.getDirectoryHandle("synced", { create: true });
    const folder = await (await synced.getDirectoryHandle("CrossMeet", { create: true })).getDirectoryHandle(space, { create: true });
    const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
    const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
    await writable.write(bytes.slice(0, Math.floor(bytes.length * cut)));
    await writable.close();
  }, { space: SPACE, name, body, cut });
}

/** The file a profile writes of its own, named by its device. */
async function own(who) {
  const device = await who.page.evaluate(() => JSON.parse(localStorage.getItem("crossmeet.space")).device);
  const name = `${device}.automerge`;
  return { name, body: (await files(who))[name] };
}

/** The sync client copies `from`'s own file to `to`, which then reads its folder. */
async function sync(from, to) {
  const { name, body } = await own(from);
  await deliver(to, name, body);
  await readNow(to);
}

/** Makes a profile read its folder now (as it does every few seconds) and waits till it has. */
async function readNow(who) {
  await who.page.goto(`${shared.server.url}#/settings`);
  const read = who.page.getByTestId("space-read");
  const before = Number(await read.getAttribute("data-at"));
  await who.page.getByTestId("space-sync").click();
  await who.page.waitForFunction((before) => Number(document.querySelector('[data-testid="space-read"]').dataset.at) > before, before);
}

/** The meeting as a profile's app holds it, read from its workspace. */
async function shown(who) {
  await who.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await who.page.locator("#field-objective").waitFor();
  return {
    title: await who.page.locator('input[name="title"]').inputValue(),
    objective: await who.page.locator("#field-objective").inputValue(),
  };
}

async function setStatus(who, action, status) {
  await who.page.goto(`${shared.server.url}#/tracker`);
  await who.page.locator(`tr[data-action="${action}"] select`).first().selectOption(status);
  await stored(who, (m) => m.actions.find((a) => a.id === action).status === status);
}

/** Waits for an edit to be saved: the space is handed each change as it is saved. */
const stored = (who, check) => waitForStored(who.page, "m-team", check, who.name);

test("three organisers share one meeting through their folders, conflicts shown until picked", async () => {
  const wang = await member("王芳", [MEETING]);
  await wang.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await wang.page.getByTestId("space-share").click();
  await wang.page.getByTestId("space-panel").waitFor();
  await readNow(wang);

  // 张伟 joins from 王芳's file: the space's document is the one 王芳 made.
  const first = await own(wang);
  const zhang = await member("张伟", [], { [first.name]: first.body });
  await zhang.page.goto(`${shared.server.url}#/`);
  await zhang.page.getByTestId("card-shared").waitFor();
  assert.deepEqual(await shown(zhang), { title: MEETING.title, objective: MEETING.objective });
  await sync(zhang, wang);
  await wang.page.goto(`${shared.server.url}#/settings`);
  await wang.page.getByTestId("space-members").filter({ hasText: "张伟" }).waitFor();

  // Offline, each edits a different field, and both the same action's status.
  const wangOld = await own(wang);
  await wang.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await wang.page.locator("#field-objective").fill("确定发布日期并明确各部门交付物");
  await stored(wang, (m) => m.objective === "确定发布日期并明确各部门交付物");
  await zhang.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await zhang.page.locator('input[name="title"]').fill("Q1 发布协调会");
  await stored(zhang, (m) => m.title === "Q1 发布协调会");
  await setStatus(wang, "a1", "Done");
  await setStatus(zhang, "a1", "Blocked");
  await readNow(wang);
  await readNow(zhang);

  // The sync client: 王芳's new file reaches 张伟, then an old copy of it, late; half of
  // 张伟's file reaches 王芳 first (skipped, and said), then the whole one, twice.
  await sync(wang, zhang);
  await deliver(zhang, wangOld.name, wangOld.body);
  await readNow(zhang);
  const zhangNew = await own(zhang);
  await deliver(wang, zhangNew.name, zhangNew.body, 0.5);
  await readNow(wang);
  await wang.page.getByTestId("space-skipped").filter({ hasText: "无法读取" }).waitFor();
  for (let n = 0; n < 2; n++) {
    await deliver(wang, zhangNew.name, zhangNew.body);
    await readNow(wang);
  }
  assert.equal(await wang.page.getByTestId("space-skipped").textContent(), "", "the whole file replaced the half one");
  await sync(wang, zhang);

  // Both edits of different fields stay, on both.
  for (const who of [wang, zhang]) {
    assert.deepEqual(await shown(who), { title: "Q1 发布协调会", objective: "确定发布日期并明确各部门交付物" }, who.name);
  }
  // The same field: both versions, on both, with who set each, until one is picked.
  for (const who of [wang, zhang]) {
    await who.page.goto(`${shared.server.url}#/tracker`);
    await who.page.locator('tr[data-action="a1"] [data-testid="row-conflict"]').first().waitFor();
    await who.page.goto(`${shared.server.url}#/`);
    await who.page.getByTestId("card-conflicts").filter({ hasText: "1 处冲突" }).waitFor();
    await who.page.goto(`${shared.server.url}#/m/m-team/plan`);
    const conflict = who.page.getByTestId("space-conflict");
    await conflict.waitFor();
    const text = await conflict.textContent();
    assert.match(text, /接口文档/, who.name);
    assert.match(text, /已完成.*王芳|王芳.*已完成/s, who.name);
    assert.match(text, /受阻.*张伟|张伟.*受阻/s, who.name);
  }
  await zhang.page.getByTestId("space-conflict").locator("li", { hasText: "受阻" }).getByTestId("space-resolve").click();
  await zhang.page.getByTestId("space-conflict").waitFor({ state: "detached" });
  await sync(zhang, wang);
  await wang.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await wang.page.getByTestId("space-panel").waitFor();
  assert.equal(await wang.page.getByTestId("space-conflict").count(), 0);
  await wang.page.goto(`${shared.server.url}#/tracker`);
  assert.equal(await wang.page.locator('tr[data-action="a1"] select').first().inputValue(), "Blocked");

  // 王芳 goes on for a week while 张伟's device is off; then a third member joins.
  await wang.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await wang.page.locator("#field-objective").fill("第二周:确定发布日期与回滚方案");
  await stored(wang, (m) => m.objective.startsWith("第二周"));
  await setStatus(wang, "a2", "InProgress");
  await readNow(wang);
  const [zhangFile, wangFile] = [await own(zhang), await own(wang)];
  const zhao = await member("赵强", [], { [zhangFile.name]: zhangFile.body, [wangFile.name]: wangFile.body });
  const expected = { title: "Q1 发布协调会", objective: "第二周:确定发布日期与回滚方案" };
  assert.deepEqual(await shown(zhao), expected);
  await zhao.page.goto(`${shared.server.url}#/tracker`);
  assert.equal(await zhao.page.locator('tr[data-action="a1"] select').first().inputValue(), "Blocked");
  assert.equal(await zhao.page.locator('tr[data-action="a2"] select').first().inputValue(), "InProgress");
  // The device that was off catches up from the files as they are now.
  await sync(wang, zhang);
  assert.deepEqual(await shown(zhang), expected);
  for (const who of [wang, zhang, zhao]) {
    assert.deepEqual(who.errors, [], who.name);
    await who.context.close();
  }
});

test("a user who never sets the space up fetches nothing of it, not even into the offline cache", async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (request) => fetched.push(request.url()));
  await page.goto(`${shared.server.url}#/settings`);
  await waitForApp(page);
  await page.getByTestId("space-set-up").waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15000 });
  const serviceWorker = await (await fetch(`${shared.server.url}sw.js`)).text();
  const precache = serviceWorker.match(/const PRECACHE = (\[.*\]);/)[1];
  assert.match(precache, /crossmeet-/);
  assert.doesNotMatch(precache, /space_worker/);
  assert.deepEqual(fetched.filter((url) => url.includes("space_worker")), []);
  // Setting it up fetches the worker module, with a word while it comes.
  await page.getByTestId("space-set-up").click();
  await page.getByTestId("space-member").waitFor();
  assert.ok(fetched.some((url) => url.includes("space_worker_bg")));
  await context.close();
});

test("when the folder goes away, changes wait on the device and go out when it is back", async () => {
  const li = await member("李娜", [{ ...MEETING, id: "m-team" }]);
  await li.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await li.page.getByTestId("space-share").click();
  await li.page.getByTestId("space-panel").waitFor();
  await readNow(li);
  // The synced folder disappears (a network share offline, a sync client moving it).
  await li.page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry("synced", { recursive: true }));
  await li.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await li.page.locator("#field-objective").fill("文件夹不在时改的目标");
  await stored(li, (m) => m.objective === "文件夹不在时改的目标");
  // Nothing can be read now: the settings say what waits, and why.
  await li.page.goto(`${shared.server.url}#/settings`);
  await li.page.getByTestId("space-sync").click();
  await li.page.getByTestId("space-pending").waitFor();
  assert.match(await li.page.getByTestId("team-space").textContent(), /文件夹问题/);
  // The header says so on every page, and leads to the settings.
  await li.page.goto(`${shared.server.url}#/tracker`);
  assert.equal(await li.page.getByTestId("space-header").textContent(), "团队 · 文件夹需处理");
  // Back: the next read finds it again and writes what waited.
  await li.page.evaluate(async () => (await navigator.storage.getDirectory()).getDirectoryHandle("synced", { create: true }));
  await readNow(li);
  await li.page.getByTestId("space-pending").waitFor({ state: "detached" });
  assert.match(await li.page.getByTestId("space-header").textContent(), /^团队 · 已同步 \d\d:\d\d$/);
  // What waited is in the file: a member joining from it has the edit.
  const file = await own(li);
  const wu = await member("吴磊", [], { [file.name]: file.body });
  assert.equal((await shown(wu)).objective, "文件夹不在时改的目标");
  for (const who of [li, wu]) {
    assert.deepEqual(who.errors, [], who.name);
    await who.context.close();
  }
});

test("without a folder (Firefox, Safari): the space file exported by hand and imported, then leaving keeps the meetings", async () => {
  const open = async (name, meetings = []) => {
    const { context, page, errors } = await profile(meetings, { picker: false });
    await page.getByTestId("space-set-up").click();
    // A name is needed first, said in the user's language.
    await page.getByTestId("space-no-folder").click();
    await page.getByText("请先填写你的名字(新建空间时还有空间名称)。").waitFor();
    await page.getByTestId("space-member").fill(name);
    await page.getByTestId("space-name").fill(SPACE);
    await page.getByTestId("space-no-folder").click();
    await page.getByTestId("space-folder").filter({ hasText: "未连接文件夹" }).waitFor();
    return { name, context, page, errors };
  };
  const qian = await open("钱敏", [MEETING]);
  await qian.page.goto(`${shared.server.url}#/m/m-team/plan`);
  await qian.page.getByTestId("space-share").click();
  await qian.page.getByTestId("space-panel").waitFor();
  await qian.page.goto(`${shared.server.url}#/settings`);
  const [download] = await Promise.all([qian.page.waitForEvent("download"), qian.page.getByTestId("space-export").click()]);
  assert.match(download.suggestedFilename(), /^[0-9a-f]{16}\.automerge$/);
  const file = await download.path();

  const sun = await open("孙亮");
  // A file of another space is refused, with the reason.
  await sun.page.getByTestId("space-import").setInputFiles(file);
  await sun.page.getByTestId("space-skipped").filter({ hasText: "属于另一个空间" }).waitFor();
  // Leaving keeps what is here; set up again, a member's file makes this device a member.
  await sun.page.getByTestId("space-leave").click();
  await sun.page.getByTestId("toast").filter({ hasText: "已退出团队空间" }).waitFor();
  await sun.page.getByTestId("space-member").fill("孙亮");
  await sun.page.getByTestId("space-join").setInputFiles(file);
  await sun.page.getByTestId("space-members").filter({ hasText: "钱敏" }).waitFor();
  await sun.page.goto(`${shared.server.url}#/`);
  await sun.page.getByTestId("card-shared").waitFor();
  await sun.page.goto(`${shared.server.url}#/m/m-team/plan`);
  assert.equal(await sun.page.locator("#field-objective").inputValue(), MEETING.objective);
  await qian.page.getByTestId("space-leave").click();
  await qian.page.getByTestId("toast").filter({ hasText: "已退出团队空间" }).waitFor();
  await qian.page.goto(`${shared.server.url}#/`);
  await qian.page.locator(".meeting-card", { hasText: MEETING.title }).waitFor();
  assert.equal(await qian.page.getByTestId("card-shared").count(), 0);
  for (const who of [qian, sun]) {
    assert.deepEqual(who.errors, [], who.name);
    await who.context.close();
  }
});
