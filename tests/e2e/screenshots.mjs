// Screenshots of the main pages in both languages, on a phone and on a projector, for people to
// look at (run by scripts/screenshots.sh; written to screenshots/).
import fs from "node:fs";
import path from "node:path";
import { serveDist, launchBrowser, waitForApp } from "./harness.mjs";

const out = path.resolve(process.argv[2] ?? "../../screenshots");
fs.mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
const sizes = { phone: { width: 390, height: 844 }, wide: { width: 1920, height: 1080 } };

for (const lang of ["zh", "en"]) {
  for (const [sizeName, viewport] of Object.entries(sizes)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, timezoneId: "Asia/Shanghai", locale: lang === "zh" ? "zh-CN" : "en-GB" });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForApp(page);
    if (lang === "en") await page.locator(".lang-switch").click();
    const shot = (name) =>
      page.screenshot({ path: path.join(out, `${name}-${lang}-${sizeName}.png`), fullPage: sizeName === "phone" });
    await shot("list-empty");
    await page.locator('[data-template="ProblemSolving"]').click();
    await page.locator('input[name="title"]').waitFor();
    await page.locator("textarea[name=objective]").fill(lang === "zh" ? "确定客诉率升高的跨部门责任界定并明确整改负责人" : "Agree who owns the rise in complaints and name the fix owners");
    const add = page.locator("#field-participants button").last();
    for (const [name, dept] of [["王总", "运营部"], ["李工", "研发部"]]) {
      await add.click();
      const row = page.locator("[data-testid=participants] li").last();
      await row.locator("input").nth(0).fill(name);
      await row.locator("input").nth(1).fill(dept);
    }
    await shot("workspace-plan");
    await page.getByRole("tab").nth(1).click();
    await page.locator('input[name="start"]').waitFor();
    await page.locator("#field-start").fill("2026-12-01T14:00");
    await page.locator("#field-start").dispatchEvent("change");
    await shot("workspace-prepare");
    await page.getByRole("tab").nth(2).click();
    await page.getByTestId("start-meeting").click();
    await page.getByTestId("current-item").waitFor();
    for (const [key, text] of [["p", "预算口径会后单独沟通"], ["d", "同意按方案A推进"], ["a", "完成技术方案初稿"]]) {
      await page.keyboard.press(key);
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
      await page.keyboard.press("Escape");
    }
    await page.keyboard.press("t");
    await page.keyboard.type(lang === "zh" ? "研发部" : "R&D");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.waitForTimeout(1200);
    await shot("run");
    await page.getByTestId("room-mode").click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `run-room-${lang}-${sizeName}.png`) });
    await page.keyboard.press("Escape");
    await page.keyboard.press("e");
    await page.getByTestId("summary").waitFor();
    await shot("run-summary");
    await page.locator(".summary a.button").click();
    await page.getByTestId("minutes-editor").waitFor();
    await shot("follow-up");
    await page.getByTestId("fb-agenda-false").check();
    await page.getByTestId("fb-materials-true").check();
    await page.getByTestId("fb-rating-4").check();
    await page.getByTestId("fb-record").click();
    await page.getByTestId("improvement-input").fill(lang === "zh" ? "议程压缩到 45 分钟,材料提前两天发出" : "Keep the agenda to 45 minutes; send materials two days ahead");
    await page.getByTestId("improvement-input").press("Enter");
    await page.locator(".share-plan summary").click();
    await page.getByTestId("copy-share-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    await page.getByTestId("fb-record").scrollIntoViewIfNeeded();
    await shot("follow-up-feedback");
    await page.getByRole("tab").nth(0).click();
    await page.getByTestId("series").fill(lang === "zh" ? "客诉周会" : "Complaints weekly");
    await page.getByTestId("series").press("Tab");
    await page.goto(server.url + "#/review");
    await waitForApp(page);
    await shot("review");
    await page.goto(link);
    await page.getByTestId("share-preview").waitFor();
    await shot("share-preview");
    await page.goto(server.url + "#/tracker");
    await waitForApp(page);
    await shot("tracker");
    await page.goto(server.url + "#/standup");
    await waitForApp(page);
    await shot("standup");
    await page.goto(server.url);
    await waitForApp(page);
    await page.locator('[data-template="StrategyRollout"]').click();
    await page.goto(server.url);
    await waitForApp(page);
    await shot("list");
    await page.goto(server.url + "#/settings");
    await waitForApp(page);
    await shot("settings");
    await context.close();
  }
}
await browser.close();
await server.stop();
console.log(`screenshots written to ${out}`);
