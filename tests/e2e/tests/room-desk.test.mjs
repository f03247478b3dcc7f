// What an organiser tripped over in the room and at the desk (E2, E8, F5): a refused screen wake
// lock is said in the user's language, on a line of its own and not over the capture boxes; the
// review names its figure for what it measures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { waitForApp, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

/** An init script: the browser refuses the wake lock the way Chromium does in battery saver. */
function refuseWakeLock() {
  Object.defineProperty(navigator, "wakeLock", {
    configurable: true,
    value: { request: () => Promise.reject(new DOMException("Wake Lock permission request denied", "NotAllowedError")) },
  });
}

/** An init script: a browser without the Screen Wake Lock API. */
function noWakeLock() {
  Object.defineProperty(navigator, "wakeLock", { configurable: true, value: undefined });
}

async function startMeeting(page) {
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.getByTestId("workspace-title").waitFor();
  const id = page.url().split("/m/")[1].split("/")[0];
  await page.goto(`${shared.server.url}#/m/${id}/run`);
  await waitForApp(page);
  await page.getByTestId("start-meeting").click();
  await page.getByTestId("current-item").waitFor();
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("a refused wake lock is said in the user's language, away from the inputs", async () => {
  const cases = [
    [refuseWakeLock, "Zh", "浏览器没有允许屏幕保持常亮(常见于省电模式):开会时请把系统的自动锁屏时间调长。"],
    [noWakeLock, "Zh", "这个浏览器不能让屏幕保持常亮:开会时请把系统的自动锁屏时间调长。"],
    [refuseWakeLock, "En", "The browser did not let the screen stay on (often in battery saver): set a longer screen timeout for the meeting."],
  ];
  for (const [script, lang, expected] of cases) {
    const context = await shared.browser.newContext({ viewport: { width: 1366, height: 800 } });
    await context.addInitScript((lang) => localStorage.setItem("crossmeet.prefs", JSON.stringify({ lang })), lang);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.addInitScript(script);
    await startMeeting(page);
    const note = page.getByTestId("wake-note");
    await note.waitFor();
    assert.equal((await note.textContent()).trim(), expected, `${script.name}, ${lang}`);
    assert.equal(await page.getByTestId("toast").count(), 0, "no toast over the capture boxes");
    assert.doesNotMatch(await page.locator("body").textContent(), /Wake Lock|permission request/, "not the browser's words");
    const box = await note.boundingBox();
    for (const input of await page.locator("[data-testid=run] input, [data-testid=run] textarea").all()) {
      if (!(await input.isVisible())) continue;
      assert.ok(!overlaps(box, await input.boundingBox()), "the note covers no input");
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});
