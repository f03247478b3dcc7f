// Benchmarks of the release build, printed beside their budgets (run by scripts/bench.sh).
// Not part of the test run: figures are measured, never asserted as timings in tests.
import zlib from "node:zlib";
import os from "node:os";
import { serveDist, launchBrowser, waitForApp } from "./harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const kib = (bytes) => (bytes / 1024).toFixed(1);

const server = await serveDist();
const browser = await launchBrowser();
const results = [];

// First-load transfer: every response of a cold first visit, each gzipped at level 9 as a
// static host would send it.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on("response", (response) => responses.push(response));
  await page.goto(server.url);
  await waitForApp(page);
  // Let the service worker finish precaching: those requests are part of the first visit too.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15000 });
  await page.waitForTimeout(500);
  const perUrl = new Map();
  for (const response of responses) {
    const url = response.url();
    if (perUrl.has(url) || !url.startsWith(server.url)) continue;
    const body = await response.body().catch(() => null);
    if (body) {
      perUrl.set(url, {
        raw: body.length,
        gzip: zlib.gzipSync(body, { level: 9 }).length,
        brotli: zlib.brotliCompressSync(body).length,
      });
    }
  }
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const [url, size] of perUrl) {
    raw += size.raw;
    gzip += size.gzip;
    brotli += size.brotli;
    console.log(`  ${url.replace(server.url, "/").padEnd(48)} ${kib(size.raw).padStart(8)} KiB raw ${kib(size.gzip).padStart(7)} KiB gzip`);
  }
  results.push(["first-load transfer, gzipped (unique files)", `${kib(gzip)} KiB (brotli ${kib(brotli)} KiB, raw ${kib(raw)} KiB)`, "≤ 200 KiB", gzip <= 200 * 1024]);
  await context.close();
}

// Cold navigation to an interactive app: a new profile each run, so nothing is cached.
{
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(server.url);
    await page.getByTestId("empty-list").waitFor();
    times.push(Date.now() - started);
    await context.close();
  }
  const value = median(times);
  results.push(["navigation to interactive app, cold, local server", `${value} ms median of ${RUNS}`, "≤ 500 ms", value <= 500]);
}

await browser.close();
await server.stop();

console.log(`\nCrossMeet benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus()[0].model}, ${os.cpus().length} cores\n`);
console.log("| figure | measured | budget | met |");
console.log("|---|---|---|---|");
for (const [name, value, budget, met] of results) {
  console.log(`| ${name} | ${value} | ${budget} | ${met ? "yes" : "**no**"} |`);
}
