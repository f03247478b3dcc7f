// Nothing leaves the device (issue 7, D1): every request of a whole working session goes to the
// app's own origin, and the Content-Security-Policy refuses other origins and injected scripts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openApp, waitForApp, withServerAndBrowser } from "../harness.mjs";

const shared = withServerAndBrowser({ before, after });

test("a whole session requests nothing but the app's own origin", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const origin = new URL(shared.server.url).origin;
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  const violations = [];
  await page.exposeFunction("reportViolation", (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.reload();
  await waitForApp(page);

  // Plan, prepare, run, follow up, share, track, review, back up: every page a user visits.
  await page.locator('[data-template="ProblemSolving"]').click();
  await page.locator('input[name="title"]').fill("隐私测试 <img src=http://evil.example/x.png>");
  await page.getByRole("tab", { name: "筹备" }).click();
  await page.getByRole("tab", { name: "执行" }).click();
  await page.getByTestId("start-meeting").click();
  await page.keyboard.press("a");
  await page.keyboard.type("发出纪要 https://evil.example/track");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("e");
  await page.getByTestId("summary").waitFor();
  await page.getByRole("link", { name: "进入跟进" }).click();
  await Promise.all([page.waitForEvent("download"), page.getByTestId("download-minutes").click()]);
  await page.locator(".share-plan summary").click();
  await page.getByTestId("copy-share-link").click();
  const link = await page.getByTestId("share-link").inputValue();
  await page.goto(link);
  await page.getByTestId("share-preview").waitFor();
  for (const hash of ["#/tracker", "#/standup", "#/review", "#/settings"]) {
    await page.goto(shared.server.url + hash);
    await waitForApp(page);
  }
  await Promise.all([page.waitForEvent("download"), page.getByTestId("backup").click()]);

  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"));
  assert.ok(requests.length > 5, `requests were recorded (${requests.length})`);
  assert.deepEqual(foreign, [], "every request stays on the app's origin");
  assert.deepEqual(violations, [], "the app itself needs nothing the policy forbids");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the Content-Security-Policy blocks injected scripts and other origins", async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(policy, /connect-src 'self'/);
  assert.match(policy, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /unsafe-inline/);

  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    await fetch("http://127.0.0.2:9/steal", { mode: "no-cors" }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { injected: window.injected === true, violations };
  });
  assert.equal(outcome.injected, false, "an injected inline script does not run");
  assert.ok(outcome.violations.includes("script-src-elem"), `script refused: ${outcome.violations}`);
  assert.ok(outcome.violations.includes("connect-src"), `request refused by the policy: ${outcome.violations}`);
  await context.close();
});
