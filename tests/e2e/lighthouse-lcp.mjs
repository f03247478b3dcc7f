// Lighthouse mobile runs of one page, each with its performance score and where its largest
// contentful paint landed: the static first screen, or a later paint by the app (A1's answer
// page and the meeting list). `node tests/e2e/lighthouse-lcp.mjs [list|answer] [runs]`.
import zlib from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { serveDist, CHROMIUM_ARGS } from "./harness.mjs";

/** An ask link's fragment, as the organiser's app makes it (core/formats/asking/json.rs). */
export function sampleAskFragment(lang = "zh") {
  const ask = {
    v: 1, k: "Attendance", a: "0123456789abcdef", m: "fedcba9876543210", s: "c2VjcmV0c2VjcmV0c2VjcmV0",
    t: "Q1 项目协调会", w: "2026-12-20T02:00:00Z", u: 60, p: "3 楼中立会议室", o: "确定 Q1 排期并明确各部门交付物",
    g: ["进展汇报 · 10′", "排期讨论 · 30′", "决策与分工 · 15′"], r: [{ t: "排期方案 v2", l: "https://example.com/plan" }],
    e: [{ i: "p0", n: "王芳", d: "市场部", q: "本部门当前风险", s: "Pending" }], l: lang,
  };
  return `#/a/${zlib.deflateRawSync(Buffer.from(JSON.stringify(ask))).toString("base64url")}`;
}

/** The first DOM node a Lighthouse audit's details name. */
function findNode(details) {
  if (!details || typeof details !== "object") return undefined;
  if (details.type === "node") return details;
  for (const value of Object.values(details)) {
    const found = Array.isArray(value) ? value.map(findNode).find(Boolean) : findNode(value);
    if (found) return found;
  }
  return undefined;
}

export async function lcpRuns(page, runs) {
  const server = await serveDist({ gzip: true });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  const url = server.url + (page === "answer" ? sampleAskFragment() : "");
  const out = [];
  try {
    for (let run = 0; run < runs; run++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
      const element = findNode(lhr.audits["largest-contentful-paint-element"]?.details);
      out.push({
        performance: Math.round(lhr.categories.performance.score * 100),
        lcp_ms: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
        fcp_ms: Math.round(lhr.audits["first-contentful-paint"].numericValue),
        lcp_element: element?.selector ?? "?",
        // The static first screen's <main> sits in a <div> per language; the app's is the body's.
        in_static_screen: /DIV,\d+,MAIN/.test(element?.path ?? "") || /shell-(zh|en)/.test(element?.selector ?? ""),
      });
    }
  } finally {
    await chrome.kill();
    await server.stop();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = await lcpRuns(process.argv[2] ?? "list", Number(process.argv[3] ?? 10));
  for (const run of runs) console.log(JSON.stringify(run));
}
