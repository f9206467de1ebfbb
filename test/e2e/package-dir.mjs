#!/usr/bin/env node
/**
 * Packaging check with the stand-in recipe of RENDERER-TESTING.md §1: the Electron binary cannot be
 * downloaded here, so electron-builder gets `-c.electronDist=DIR`, where DIR holds a dummy executable
 * `electron` and an empty `resources/`. That produces dist/linux-unpacked with a real app.asar, whose
 * contents this script checks. It tests the packaging config, not a runnable app.
 *
 *   node test/e2e/package-dir.mjs        (runs `electron-vite build` first unless PACKAGE_NO_BUILD=1)
 * Last line: `package-dir: N passed, M failed`; exit 1 on failure.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const bin = (pkg, rel) => join(dirname(require.resolve(`${pkg}/package.json`)), rel);
// @electron/asar is not hoisted; use the copy electron-builder itself packs with
const asarLib = () => createRequire(require.resolve('app-builder-lib/package.json'))('@electron/asar');
let passed = 0, failed = 0;
const check = (name, fn) => {
  try { const note = fn(); passed++; console.log(`  ✓ ${name}${note ? ` — ${note}` : ''}`); }
  catch (e) { failed++; console.log(`  ✗ ${name}\n      ${e.message}`); }
};
const assert = (c, m) => { if (!c) throw new Error(m); };

if (!process.env.PACKAGE_NO_BUILD) {
  console.log('package-dir: electron-vite build');
  execFileSync(process.execPath, [bin('electron-vite', 'bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

const stand = mkdtempSync(join(tmpdir(), 'arcade-electron-dist-'));
writeFileSync(join(stand, 'electron'), '#!/bin/sh\necho "stand-in Electron binary (packaging test only)"\n');
chmodSync(join(stand, 'electron'), 0o755);
mkdirSync(join(stand, 'resources'));
const out = join(ROOT, 'dist', 'linux-unpacked');
rmSync(out, { recursive: true, force: true });
const t0 = Date.now();
console.log('package-dir: electron-builder --linux dir -c.electronDist=<stand-in>');
try {
  execFileSync(process.execPath, [bin('electron-builder', 'cli.js'), '--linux', 'dir', `-c.electronDist=${stand}`, '--publish', 'never'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
} catch (e) {
  console.log(String(e.stdout ?? ''), String(e.stderr ?? ''));
  failed++;
}
rmSync(stand, { recursive: true, force: true });

check('electron-builder produced dist/linux-unpacked', () => {
  assert(existsSync(join(out, 'arcade-emu')), 'no dist/linux-unpacked/arcade-emu');
  assert(existsSync(join(out, 'resources', 'app.asar')), 'no resources/app.asar');
  return `${((Date.now() - t0) / 1000).toFixed(1)} s, app.asar ${(statSync(join(out, 'resources', 'app.asar')).size / 1024).toFixed(0)} KiB`;
});

check('app.asar holds the built main, preload and renderer, and nothing else', () => {
  const asar = asarLib();
  const files = asar.listPackage(join(out, 'resources', 'app.asar')).map((f) => f.replaceAll('\\', '/'));
  for (const need of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
    assert(files.includes(need), `missing ${need}`);
  }
  assert(files.some((f) => /^\/out\/renderer\/assets\/worker-.*\.js$/.test(f)), 'no emulator worker asset');
  assert(files.some((f) => /^\/out\/renderer\/assets\/worklet-.*\.js$/.test(f)), 'no audio worklet asset');
  const stray = files.filter((f) => /^\/(src|test|node_modules|cpus|drivers|homebrew|roms-manifest)\//.test(f) || f.endsWith('.map'));
  assert(stray.length === 0, `unexpected files: ${stray.slice(0, 5).join(', ')}`);
  const pkg = JSON.parse(asar.extractFile(join(out, 'resources', 'app.asar'), 'package.json').toString());
  assert(pkg.main === 'out/main/index.js', `package.json main is ${pkg.main}`);
  const main = asar.extractFile(join(out, 'resources', 'app.asar'), 'out/main/index.js').toString();
  assert(!/from "fflate"|require\("fflate"\)/.test(main), 'main imports fflate from node_modules, which is not packaged');
  return `${files.length} entries`;
});

check('the homebrew ROM sets ship as plain files beside the asar', () => {
  const hb = join(out, 'resources', 'homebrew');
  assert(existsSync(hb), 'no resources/homebrew');
  const pac = join(hb, 'pacdemo', 'pacman.6e');
  assert(existsSync(pac), `no ${pac}`);
  assert(!existsSync(join(hb, 'pacman', 'pacdemo.asm')), 'homebrew sources were packaged');
  return 'resources/homebrew/pacdemo';
});

console.log(`package-dir: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
