// Transpiles apps/, libs/ and bench/ into dist/ (same tree), rewriting the @assistenza/* path
// aliases to relative requires, so `node dist/apps/<app>/src/main.js` runs without any loader.
import { transformFile } from '@swc/core';
import { mkdir, readdir, writeFile, rm, rename } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { swcOptions, root } = require('../tools/swc-options.cjs');
const SOURCE_DIRS = ['apps', 'libs', 'bench'];
const SKIP = /(\.spec|\.int-spec|\.sys-spec|\.d)\.ts$/;

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') yield* sources(full);
    else if (entry.isFile() && full.endsWith('.ts') && !SKIP.test(full)) yield full;
  }
}

const started = Date.now();
// Build next to dist/ and swap it in, so that a process started from dist/ meanwhile (tests run
// builds concurrently) never sees a half-written tree.
const finalRoot = path.join(root, 'dist');
const outRoot = path.join(root, `.dist-build-${process.pid}`);
await rm(outRoot, { recursive: true, force: true });
const options = swcOptions({ rewritePaths: true });
let count = 0;
const jobs = [];
for (const dir of SOURCE_DIRS) {
  for await (const file of sources(path.join(root, dir))) {
    const rel = path.relative(root, file);
    const out = path.join(outRoot, rel.replace(/\.ts$/, '.js'));
    jobs.push(
      transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(out), file) }).then(
        async ({ code, map }) => {
          await mkdir(path.dirname(out), { recursive: true });
          await writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map`);
          if (map) await writeFile(`${out}.map`, map);
          count++;
        },
      ),
    );
  }
}
await Promise.all(jobs);
const retired = path.join(root, `.dist-retired-${process.pid}`);
for (let attempt = 1; ; attempt++) {
  await rename(finalRoot, retired).catch(() => undefined);
  try {
    await rename(outRoot, finalRoot);
    break;
  } catch (err) {
    if (attempt === 5) throw err; // another build swapped its dist/ in between: retire that one too
  }
}
await rm(retired, { recursive: true, force: true });
console.log(`build: ${count} files -> dist/ in ${Date.now() - started} ms`);
