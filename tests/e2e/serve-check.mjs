// The README's first command, as a newcomer runs it (issue 13.1): `scripts/serve.sh` from the
// repository root must serve a working app on http://127.0.0.1:8080, with the post-build hook's
// Content-Security-Policy and service worker, and rebuild when a source changes. Run with
// `node serve-check.mjs` from tests/e2e; port 8080 must be free. It starts the script in its own
// process group and always stops the whole group (trunk, cargo, wasm-opt), whatever happens.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, waitForApp } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ORIGIN = "http://127.0.0.1:8080";
const FIRST_BUILD = 10 * 60_000; // a first release build compiles every dependency
const REBUILD = 5 * 60_000; // cargo has nothing to do, but wasm-opt runs again
const OVERALL = 20 * 60_000; // never hang, whatever trunk does
const LOG = path.join(os.tmpdir(), `crossmeet-serve-check-${process.pid}.log`);

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function check(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- the server, in its own process group -------------------------------------------------

let server = null;
let output = "";
let exited = null;

function startServer() {
  const log = fs.createWriteStream(LOG);
  // detached: a new session and process group, so one signal reaches trunk and its children.
  server = spawn("scripts/serve.sh", [], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [server.stdout, server.stderr]) {
    stream.on("data", (chunk) => {
      output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, "");
      log.write(chunk);
    });
  }
  server.on("exit", (code, signal) => (exited = signal ?? `exit code ${code}`));
}

function signalGroup(signal) {
  try {
    process.kill(-server.pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

async function stopServer() {
  if (!server) return;
  // As Ctrl-C in the terminal would: SIGINT to the group, then SIGKILL if anything lingers.
  signalGroup("SIGINT");
  for (let waited = 0; waited < 15_000 && signalGroup(0); waited += 250) await sleep(250);
  if (signalGroup("SIGKILL")) await sleep(500);
}

// Last resort: on any exit (an uncaught error, the overall timeout) the group still dies.
process.on("exit", () => server && signalGroup("SIGKILL"));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the server`);
    process.exit(130);
  });
}

/** Trunk's own log lines, e.g. "... INFO ✅ success"; `from` skips what was logged before. */
const trunkLines = (pattern, from = 0) => output.slice(from).split("\n").filter((line) => pattern.test(line));
const failedBuild = (from = 0) => trunkLines(/^\S+Z\s+ERROR\b/, from).length > 0 || /panicked at/.test(output.slice(from));
const tail = () =>
  output.trim().split("\n").filter((line) => !/^\s+(\d+: |at )/.test(line)) // no backtraces
    .slice(-20).join("\n");

async function get(pathname) {
  const response = await fetch(ORIGIN + pathname, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function portAnswers() {
  return new Promise((resolve) => {
    const socket = net.connect(8080, "127.0.0.1");
    socket.setTimeout(2000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(true)));
  });
}

/** The served page carries the hook's policy, and the policy's hash is its one inline script. */
async function checkPolicyAndWorker() {
  const page = await get("/");
  check(page.status === 200, `GET / answered ${page.status}`);
  const policy = page.body.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  check(policy, "index.html has no Content-Security-Policy meta (the post-build hook did not run)");
  check(/'wasm-unsafe-eval'/.test(policy) && !/unsafe-inline/.test(policy), `unexpected policy: ${policy}`);
  const inline = [...page.body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  check(inline.length === 1, `expected one inline script (Trunk's loader), found ${inline.length}`);
  const hash = crypto.createHash("sha256").update(inline[0]).digest("base64");
  check(policy.includes(`'sha256-${hash}'`), "the policy's script hash is not the served loader's");

  const worker = await get("/sw.js");
  check(worker.status === 200, `GET /sw.js answered ${worker.status}`);
  check(/javascript/.test(worker.headers.get("content-type") ?? ""), `sw.js served as ${worker.headers.get("content-type")}`);
  const version = worker.body.match(/const VERSION = "([0-9a-f]{16})"/)?.[1];
  check(version && worker.body.includes('"./index.html"'), "sw.js lacks this build's version and file list");
  return { lastModified: page.headers.get("last-modified") };
}

// ---- the steps, in order; each needs the ones before it -----------------------------------

const results = [];
let built = null;

const steps = [
  ["port 8080 is free before the start", async () => {
    check(!(await portAnswers()), "something already listens on 127.0.0.1:8080: stop it first");
  }],
  ["scripts/serve.sh answers 200 on http://127.0.0.1:8080/", async () => {
    startServer();
    const deadline = Date.now() + FIRST_BUILD;
    for (;;) {
      check(!failedBuild(), `the build failed:\n${tail()}`);
      check(exited === null, `scripts/serve.sh ended (${exited}):\n${tail()}`);
      const answer = await get("/").catch(() => null);
      if (answer?.status === 200 && trunkLines(/\bsuccess\b/).length > 0) return;
      check(Date.now() < deadline, `no 200 within ${FIRST_BUILD / 60_000} minutes (last: ${answer?.status ?? "no answer"}):\n${tail()}`);
      await sleep(1000);
    }
  }],
  ["index.html carries the Content-Security-Policy, sw.js is served", async () => {
    built = await checkPolicyAndWorker();
  }],
  ["in Chromium a meeting is created from a template; no CSP violation, no console error", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
      await page.exposeFunction("reportViolation", (v) => problems.push(`CSP violation: ${v}`));
      await page.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
      );
      await page.goto(ORIGIN + "/");
      await waitForApp(page);
      await page.getByTestId("empty-list").waitFor();
      await page.locator('[data-template="ProblemSolving"]').click();
      await page.getByTestId("workspace-title").waitFor();
      const title = await page.getByTestId("workspace-title").textContent();
      check(title === "问题解决会", `the workspace shows "${title}"`);
      // The service worker installs (it precaches every file of the build) and takes over.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
      await page.waitForTimeout(500);
      check(problems.length === 0, problems.join("\n"));
      await context.close();
    } finally {
      await browser.close();
    }
  }],
  ["a changed source is rebuilt and served (policy and sw.js again)", async () => {
    // Rewrite style/main.css with its own bytes: a real write, which every watcher mode reports
    // (to inotify a bare `touch` is a metadata event Trunk ignores), and no change for git.
    const from = output.length;
    const file = path.join(ROOT, "style/main.css");
    await sleep(1100); // a new Last-Modified second
    fs.writeFileSync(file, fs.readFileSync(file));
    const deadline = Date.now() + REBUILD;
    for (;;) {
      check(!failedBuild(from), `the rebuild failed:\n${tail()}`);
      check(exited === null, `scripts/serve.sh ended (${exited}):\n${tail()}`);
      // A build that started after the change, and succeeded.
      const start = output.indexOf("starting build", from);
      if (start >= 0 && trunkLines(/\bsuccess\b/, start).length > 0) break;
      check(Date.now() < deadline, `no rebuild within ${REBUILD / 60_000} minutes of the change:\n${tail()}`);
      await sleep(1000);
    }
    const rebuilt = await checkPolicyAndWorker();
    check(rebuilt.lastModified !== built.lastModified, `index.html is still the first build's (${rebuilt.lastModified})`);
  }],
  ["stopping the process group frees port 8080", async () => {
    await stopServer();
    check(!signalGroup(0), "a process of the server's group is still running");
    for (let waited = 0; await portAnswers(); waited += 250) {
      check(waited < 10_000, "port 8080 still answers after the server was stopped");
      await sleep(250);
    }
  }],
];

async function run() {
  for (const [name, step] of steps) {
    const since = Date.now();
    try {
      await step();
      results.push(true);
      console.log(`  ok    ${name} (${seconds(since)})`);
    } catch (error) {
      results.push(false);
      console.log(`  FAIL  ${name} (${seconds(since)})\n${String(error.message ?? error).replace(/^/gm, "        ")}`);
      break; // every later step needs this one
    }
  }
}

console.log(`the README's serve command, from ${ROOT} (trunk's output: ${LOG})`);
let timer;
const timeout = new Promise((resolve) => {
  timer = setTimeout(() => {
    console.log(`  FAIL  gave up after ${OVERALL / 60_000} minutes overall`);
    results.push(false);
    resolve();
  }, OVERALL);
});
await Promise.race([run(), timeout]);
clearTimeout(timer);
await stopServer();

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
const notRun = steps.length - results.length;
console.log(`\nserve check: ${seconds(started)}${notRun ? `, ${notRun} not run` : ""}`);
// The closing line alone, in the plain form CI reads.
console.log(`${passed} passed, ${failed + notRun} failed`);
process.exit(failed + notRun === 0 ? 0 : 1);
