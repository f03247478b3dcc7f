// Precompressed files (issue 15.4): the build writes a .gz and a .br copy beside each file, for
// hosts that serve them (nginx gzip_static / brotli_static, GitLab Pages). Each copy is the file
// itself; the service worker lists only the plain files; and served from the copies, as such a
// host would, the app loads, precaches and opens offline as it does from the plain files.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { DIST, launchBrowser, serveDist, waitForApp } from "../harness.mjs";

const files = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });

test("every file of the build has a gzip and a brotli copy that decompress to it", () => {
  const plain = files(DIST).filter((file) => !/\.(gz|br)$/.test(file) && !file.endsWith(".png"));
  assert.ok(plain.some((file) => file.endsWith(".wasm")), "the module is among them");
  for (const file of plain) {
    const body = fs.readFileSync(file);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)), body, `${file}.gz`);
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)), body, `${file}.br`);
  }
  const worker = fs.readFileSync(path.join(DIST, "sw.js"), "utf8");
  const precache = JSON.parse(worker.match(/const PRECACHE = (\[[^\]]*\]);/)[1]);
  assert.ok(precache.length > 5);
  assert.deepEqual(precache.filter((entry) => /\.(gz|br)$/.test(entry)), [], "the worker lists plain files only");
});

test("served from the precompressed copies, the app loads, precaches and opens offline", async () => {
  const server = await serveDist({ precompressed: true });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const encodings = new Map();
    page.on("response", (response) => encodings.set(new URL(response.url()).pathname, response.headers()["content-encoding"]));
    await page.goto(server.url);
    await waitForApp(page);
    const module = [...encodings].find(([name]) => name.endsWith(".wasm"));
    assert.equal(module?.[1], "br", "the module came as the .br copy");
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15000 });
    await page.locator('[data-template="ProblemSolving"]').click();
    await page.getByTestId("readiness").waitFor();
    await server.stop();
    await page.goto(server.url);
    await waitForApp(page);
    assert.ok(await page.locator(".meeting-card").count() >= 1, "offline, the meeting is there");
    await context.close();
  } finally {
    await browser.close();
    await server.stop().catch(() => {});
  }
});
