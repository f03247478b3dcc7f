// Writes a gzip (level 9) and a brotli (quality 11) copy beside every file of a build folder,
// for static hosts that serve precompressed files (nginx gzip_static / brotli_static, GitLab
// Pages). Run by scripts/post-build.sh after sw.js is written, so the copies are not in the
// service worker's list: browsers ask for the plain names and the host picks the encoding.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = process.argv[2];
if (!root) throw new Error("usage: node scripts/precompress.mjs <folder>");

const files = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });

let written = 0;
for (const file of files(root)) {
  // Images are compressed already; a copy would only be larger.
  if (/\.(gz|br|png)$/.test(file)) continue;
  const body = fs.readFileSync(file);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  );
  written += 1;
}
console.log(`precompressed: ${written} files, .gz and .br beside each`);
