// Shared pieces of the end-to-end tests: a static server for dist/ that a test can stop (to prove
// offline use), and Debian's Chromium launched the way TOOLCHAIN.md found to work as root.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.CROSSMEET_DIST ?? path.resolve(here, "../../dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves dist/ on 127.0.0.1 at a free port. `stop()` closes it and every open connection;
 * `swSuffix` appended to sw.js imitates a newly deployed build. With `precompressed`, the
 * build's own .br or .gz copy is sent when the client accepts it. With `gzip`, bodies are
 * compressed for clients that accept it, as a static host does (Lighthouse audits that). With
 * `base` (such as "/crossmeet/"), the app is served from that folder only, as on a project site.
 */
export async function serveDist({ gzip = false, base = "/", precompressed = false } = {}) {
  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    throw new Error(`no release build in ${DIST}: run trunk build --release first`);
  }
  const sockets = new Set();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(base)) {
      response.writeHead(404).end("not found");
      return;
    }
    let file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname.slice(base.length - 1))));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    // As nginx's gzip_static and brotli_static do: the copy written beside the file, if any.
    if (precompressed && !(path.basename(file) === "sw.js" && handle.swSuffix)) {
      const accepts = request.headers["accept-encoding"] ?? "";
      for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
        if (new RegExp(`\\b${encoding}\\b`).test(accepts) && fs.existsSync(file + suffix)) {
          response.writeHead(200, {
            "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
            "content-encoding": encoding,
            "cache-control": "no-cache",
            vary: "accept-encoding",
          });
          response.end(fs.readFileSync(file + suffix));
          return;
        }
      }
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404).end("not found");
        return;
      }
      const content = path.basename(file) === "sw.js" ? Buffer.from(body + handle.swSuffix) : body;
      const compress = gzip && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      response.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...(compress ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
      });
      response.end(compress ? zlib.gzipSync(content) : content);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  const handle = {
    url,
    swSuffix: "",
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(resolve);
      }),
  };
  return handle;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh profile (empty IndexedDB, no service worker) with the app open and loaded. `options`
 * go to the browser context (such as `timezoneId`), except `clock`: a `Date` the page's fake
 * clock starts at, installed before the app loads.
 */
export async function openApp(browser, url, { clock, ...options } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  if (clock) await page.clock.install({ time: clock });
  await page.goto(url);
  await waitForApp(page);
  return { context, page, errors };
}

/** Throttles `page` like Lighthouse's slow 4G: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
export async function slowConnection(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
}

/** The app has mounted, replaced the static first screen and finished reading storage. */
export async function waitForApp(page) {
  await page.locator("#app-shell").waitFor({ state: "detached" });
  await page.locator(".app-header").waitFor();
  await page.locator(".loading").waitFor({ state: "detached" });
}

/**
 * Registers node:test hooks that serve dist/ and launch Chromium once for a test file; the
 * returned object's `server` and `browser` are set by the time the tests run.
 */
export function withServerAndBrowser({ before, after }) {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await serveDist();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.stop();
  });
  return shared;
}

/** Starts Chromium on a profile folder as its own process, so the test can kill it outright. */
export async function startChromium(profile) {
  const child = spawn(
    process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    ["--headless", ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"],
    // Its own process group, so that killing it kills the renderers and helpers too.
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  const endpoint = await new Promise((resolve, reject) => {
    let seen = "";
    child.stderr.on("data", (chunk) => {
      seen += chunk;
      const found = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.on("exit", () => reject(new Error(`chromium exited early: ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const kill = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", resolve);
      process.kill(-child.pid, "SIGKILL");
    });
  return { child, browser, context: browser.contexts()[0], kill };
}

/**
 * An init script (`context.addInitScript(fillDiskOnRequest)`): while the page's `__diskFull` is
 * set, every IndexedDB put throws the browser's quota error, as on a disk that filled up while
 * the app runs; removals still work, as they do on a full disk. (Chromium's quota override only
 * bites on an empty origin, so it cannot fill a disk mid-session.)
 */
export function fillDiskOnRequest() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__diskFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return put.apply(this, args);
  };
}

/**
 * Adds one participant on the plan tab as a person would; returns how many rows there are now.
 * The new row is drawn on the next tick and its name field focused a moment later: both are
 * waited for, or the focus can move while typing (seen on a slow machine as a department typed
 * into the name field).
 */
export async function addParticipant(page, name, department) {
  const rows = await page.locator("[data-testid=participants] li").count();
  await page.getByRole("button", { name: "+ 添加参会人" }).click();
  await page.waitForFunction((n) => {
    const items = document.querySelectorAll("[data-testid=participants] li");
    return items.length > n && items[items.length - 1].contains(document.activeElement);
  }, rows);
  const row = page.locator("[data-testid=participants] li").last();
  await row.getByPlaceholder("姓名").fill(name);
  await row.getByPlaceholder("部门").fill(department);
  return rows + 1;
}

/**
 * The meeting record `id` as stored in the app's IndexedDB (`{ schema, meeting, … }`), parsed;
 * `null` when there is none.
 */
export async function storedRecord(page, id) {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("crossmeet");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction("meetings").objectStore("meetings").get(id);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result === undefined ? null : JSON.parse(request.result));
          };
          request.onerror = () => reject(request.error);
        };
      }),
    id,
  );
}

/**
 * Waits until the stored record of meeting `id` satisfies `check` (given the stored meeting),
 * polling every 50 ms for up to 10 s, and returns that meeting: a save is waited for by what it
 * stored, never by a fixed sleep. Throws naming `what` when it is not stored in time.
 */
export async function waitForStored(page, id, check, what) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const record = await storedRecord(page, id).catch(() => null);
    if (record && check(record.meeting ?? record)) return record.meeting ?? record;
    if (Date.now() > deadline) throw new Error(`not stored in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
