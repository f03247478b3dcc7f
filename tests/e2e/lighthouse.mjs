// Lighthouse scores of the release build (run by bench.mjs): performance, accessibility and best
// practices, with Lighthouse's desktop preset (a meeting-room laptop) and its default mobile
// preset (a mid-range phone on a throttled network, simulated). The bundle is served gzipped,
// as any static host sends it.
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";
import { serveDist, CHROMIUM_ARGS } from "./harness.mjs";

const CATEGORIES = ["performance", "accessibility", "best-practices"];

/** Scores (0–100) per category for each preset, median of `runs` Lighthouse runs. */
export async function lighthouseScores(runs = 3) {
  const server = await serveDist({ gzip: true });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  const presets = { desktop: desktopConfig, mobile: undefined };
  const scores = {};
  try {
    for (const [preset, config] of Object.entries(presets)) {
      const perRun = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(
          server.url,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES },
          config,
        );
        const failed = result.lhr.runtimeError;
        if (failed) throw new Error(`Lighthouse: ${failed.code} ${failed.message}`);
        perRun.push(result.lhr);
      }
      scores[preset] = Object.fromEntries(
        CATEGORIES.map((id) => {
          const values = perRun.map((lhr) => Math.round(lhr.categories[id].score * 100)).sort((a, b) => a - b);
          return [id, values[Math.floor(values.length / 2)]];
        }),
      );
      // What costs points, from the last run: audits below full marks that carry weight.
      scores[preset].lost = perRun.at(-1)
        ? CATEGORIES.flatMap((id) =>
            perRun.at(-1).categories[id].auditRefs
              .filter((ref) => ref.weight > 0)
              .map((ref) => perRun.at(-1).audits[ref.id])
              .filter((audit) => audit.score !== null && audit.score < 1)
              .map((audit) => `${id}/${audit.id} ${audit.displayValue ?? ""}`.trim()),
          )
        : [];
    }
  } finally {
    await chrome.kill();
    await server.stop();
  }
  return scores;
}

// Run alone: node tests/e2e/lighthouse.mjs
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await lighthouseScores(Number(process.env.LIGHTHOUSE_RUNS ?? 1)), null, 2));
}
