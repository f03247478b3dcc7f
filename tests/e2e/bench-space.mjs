// The team space's figures (T1), run by scripts/bench.sh after the main benchmarks: the worker
// module's size, a new member merging a space of 1,000 meetings from 5 devices' files in the
// browser (time and the worker's memory), others' new changes read on a sync, and one edit
// reaching the device's own file. The files are made natively (src/bin/space_bench_files.rs),
// which also times the same merge natively, for the ratio.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveDist, launchBrowser, waitForApp, DIST } from "./harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 1000);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "space-bench-"));
const native = JSON.parse(
  execFileSync("cargo", ["run", "--quiet", "--release", "--features", "space", "--bin", "space_bench_files", "--", folder, String(MEETINGS)], { cwd: root, encoding: "utf8" }),
);
const files = Object.fromEntries(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name)).toString("base64")]));

const worker = fs.readdirSync(DIST).find((name) => /^space_worker_bg.*\.wasm$/.test(name));
// As the app's module is measured (BENCHMARKS.md): the gzip tool at -9.
const workerGzip = execFileSync("gzip", ["-9", "-c", path.join(DIST, worker)], { maxBuffer: 1 << 26 }).length;

const server = await serveDist();
const browser = await launchBrowser();

/** In a fresh profile: the files in its private folder, a worker joining the space from them. */
async function joinRun() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}#/settings`);
  await waitForApp(page);
  const figures = await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    const space = await (await (await root.getDirectoryHandle("bench", { create: true })).getDirectoryHandle("CrossMeet", { create: true })).getDirectoryHandle("Bench", { create: true });
    for (const [name, body] of Object.entries(files)) {
      const writable = await (await space.getFileHandle(name, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(body), (c) => c.charCodeAt(0)));
      await writable.close();
    }
    const picked = await root.getDirectoryHandle("bench");
    const worker = new Worker("./space_worker_loader.js");
    const next = (kind) => new Promise((resolve) => {
      const listener = (event) => {
        const message = JSON.parse(event.data[0]);
        if (kind in message) {
          worker.removeEventListener("message", listener);
          resolve(message);
        }
      };
      worker.addEventListener("message", listener);
    });
    const send = (message, extra) => worker.postMessage([JSON.stringify(message), extra]);
    await next("ready");
    send({ view: { lang: "Zh", offset: 480, can_pick: true, missing: false } });
    let started = performance.now();
    send({ open: { device: "e5e5e5e5e5e5e5e5", name: "Bench", space: "Bench", now: Date.now() } }, picked);
    const joined = await next("meetings");
    const join = performance.now() - started;
    await next("views");
    // One edit of a shared meeting, from the app's message to the device's file written.
    const edit = async (n) => {
      const entry = joined.meetings[n];
      const before = `{"schema":7,"meeting":{"revision":0,${entry.meeting.slice(1)}}`;
      const after = before.replace(/"objective":"[^"]*"/, `"objective":"改过 ${n}"`);
      const started = performance.now();
      send({ put: { id: entry.id, before, after, now: Date.now() } });
      await next("views");
      return performance.now() - started;
    };
    const edits = [];
    for (let n = 0; n < 5; n++) edits.push(await edit(n));
    // Another member's new file (its whole document again, one more change): read on a sync.
    started = performance.now();
    const [name, body] = Object.entries(files).find(([file]) => file.startsWith("d1"));
    const writable = await (await space.getFileHandle("d9d9d9d9d9d9d9d9.automerge", { create: true })).createWritable();
    await writable.write(Uint8Array.from(atob(body), (c) => c.charCodeAt(0)));
    await writable.close();
    started = performance.now();
    send({ sync: { now: Date.now() } });
    await next("views");
    const sync = performance.now() - started;
    worker.terminate();
    return { join, meetings: joined.meetings.length, memory: joined.memory ?? null, edit: edits.sort((a, b) => a - b)[2], sync };
  }, files);
  await context.close();
  return figures;
}

const runs = [];
for (let run = 0; run < RUNS; run++) runs.push(await joinRun());
await browser.close();
await server.stop();
fs.rmSync(folder, { recursive: true, force: true });

const join = median(runs.map((r) => r.join));
const rows = [
  ["Space worker module (gzip -9)", `${(workerGzip / 1024).toFixed(1)} KiB (${workerGzip} B)`, "≤ 450 KiB"],
  [`Join a space of ${runs[0].meetings} meetings from 5 devices' files, in the browser (median of ${RUNS})`, `${join.toFixed(0)} ms; natively ${native.native_ms.toFixed(0)} ms (×${(join / native.native_ms).toFixed(1)})`, "≤ 300 ms"],
  ["  the worker's memory after it", runs[0].memory ? `${(runs[0].memory / 1048576).toFixed(1)} MiB` : "n/a", "measured"],
  ["A member's new file read on a sync (1,000 meetings)", `${median(runs.map((r) => r.sync)).toFixed(0)} ms`, "measured"],
  ["One edit reaching the device's own file (1,000 meetings, median)", `${median(runs.map((r) => r.edit)).toFixed(1)} ms`, "≤ 50 ms"],
  ["Device files (bytes)", native.file_bytes.join(", "), "measured"],
];
for (const [what, figure, budget] of rows) console.log(`| ${what} | ${figure} | ${budget} |`);
