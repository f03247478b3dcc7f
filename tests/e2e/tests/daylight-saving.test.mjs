// A meeting across a daylight-saving change (D5): in New York on 6 December 2026 (EST, UTC−5),
// an organiser sets a meeting for 6 July 2027 at 14:00 (EDT, UTC−4). The start field, the agenda's
// clock times, the notice and the invitation must all say 14:00 — each instant shown at the
// offset in force at that instant, not at today's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openApp, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

test("a July meeting planned in a New York December keeps its 14:00 everywhere", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, {
    timezoneId: "America/New_York",
    clock: new Date("2026-12-06T10:00:00-05:00"),
  });
  await page.locator('[data-template="Blank"]').click();
  await page.getByTestId("workspace-title").waitFor();
  const id = page.url().split("/m/")[1].split("/")[0];
  await page.goto(`${shared.server.url}#/m/${id}/prepare`);
  await page.locator("#field-start").waitFor();

  await page.locator("#field-start").fill("2027-07-06T14:00");
  await page.locator("#field-start").dispatchEvent("change");
  const rows = page.locator("[data-testid=agenda] li");
  for (const [index, [title, minutes]] of [["Status", "10"], ["Choose a supplier", "20"]].entries()) {
    await page.getByRole("button", { name: "+ 添加议题" }).click();
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=agenda] li").length > n, index);
    await rows.nth(index).locator(".agenda-title").fill(title);
    await rows.nth(index).locator("input.minutes").fill(minutes);
    await rows.nth(index).locator("input.minutes").dispatchEvent("change");
  }

  // The start field shows what was typed; the agenda and the notice agree with it.
  assert.equal(await page.locator("#field-start").inputValue(), "2027-07-06T14:00");
  assert.equal(await rows.first().getByTestId("clock-span").textContent(), "14:00–14:10");
  assert.equal(await rows.nth(1).getByTestId("clock-span").textContent(), "14:10–14:30");
  const preview = await page.getByTestId("notice-preview").textContent();
  assert.match(preview, /7月6日\(周二\)14:00–15:00/, `the notice's start:\n${preview}`);
  assert.match(preview, /14:00–14:10 Status/, `the notice's agenda:\n${preview}`);

  // The invitation carries the instant: 14:00 EDT is 18:00 UTC, its description 14:00.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-ics").click()]);
  const ics = fs.readFileSync(await download.path(), "utf8").replace(/\r\n[ \t]/g, "");
  assert.match(ics, /^DTSTART:20270706T180000Z\r$/m);
  assert.match(ics, /7月6日\(周二\)14:00–15:00/);

  assert.deepEqual(errors, []);
  await context.close();
});
