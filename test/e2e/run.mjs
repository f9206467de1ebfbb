#!/usr/bin/env node
/**
 * End-to-end test of the app's renderer, in headless Debian Chromium through playwright-core, against
 * the web build (the same renderer the Electron app loads). Recipe: ../shared/docs/RENDERER-TESTING.md.
 *
 *   npm run test:e2e            builds out/web, serves it on 127.0.0.1 with COOP/COEP, runs the checks
 *   E2E_NO_BUILD=1              reuse an existing out/web  (built with --mode e2e)
 *   E2E_SET=name                homebrew set to play (default pacdemo)
 *   CHROMIUM=/path              browser (default /usr/bin/chromium)
 *   E2E_NO_PACKAGE=1            skip the electron-builder --linux dir check at the end
 *
 * Screenshots go to test-results/e2e/*.png. Last line: `e2e: N passed, M failed`; exit 1 on any failure.
 */
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { badSetArtCheck, libraryChecks, playerChecks } from './player-features.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'out', 'web');
const RESULTS = join(ROOT, 'test-results', 'e2e');
const SET = process.env.E2E_SET ?? 'pacdemo';
const GOLDEN = join(ROOT, 'test', 'golden', SET);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;
const t0 = Date.now();

async function check(name, fn) {
  const start = Date.now();
  try {
    const note = await fn();
    passed++;
    console.log(`  ✓ ${name}${note ? ` — ${note}` : ''} (${Date.now() - start} ms)`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n      ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n      ')}`);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.png': 'image/png',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

function serve(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = resolve(join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir + sep) && file !== dir) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

function decodePng(buf) {
  const png = PNG.sync.read(buf);
  return { width: png.width, height: png.height, data: png.data };
}

/** Differing pixels between an RGBA frame and a PNG (RGB compared; alpha ignored as in the oracle's hash). */
function diffPixels(a, b) {
  if (a.width !== b.width || a.height !== b.height) return { count: -1, first: `size ${a.width}x${a.height} vs ${b.width}x${b.height}` };
  let count = 0;
  let first = '';
  for (let i = 0; i < a.width * a.height; i++) {
    const o = i * 4;
    if (a.data[o] !== b.data[o] || a.data[o + 1] !== b.data[o + 1] || a.data[o + 2] !== b.data[o + 2]) {
      if (!count) first = `(${i % a.width},${Math.floor(i / a.width)}) ours ${[...a.data.subarray(o, o + 3)]} golden ${[...b.data.subarray(o, o + 3)]}`;
      count++;
    }
  }
  return { count, first };
}

/** Input-script events (../shared/oracle/README.md) the goldens were made with. */
function readInputScript(file) {
  const events = [];
  if (!existsSync(file)) return events;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    let m = /^(\d+)\s+:?(\S+)\s+(.+?)\s*=\s*(-?\d+)$/.exec(line);
    if (m) { events.push({ frame: +m[1], port: m[2], field: m[3], value: +m[4] }); continue; }
    m = /^(\d+)-(\d+)\s+:?(\S+)\s+(.+)$/.exec(line);
    if (m) {
      events.push({ frame: +m[1], port: m[3], field: m[4].trim(), value: 1 });
      events.push({ frame: +m[2], port: m[3], field: m[4].trim(), value: 0 });
      continue;
    }
    throw new Error(`${file}: cannot parse "${line}"`);
  }
  return events;
}

function goldenSnaps() {
  const dir = join(GOLDEN, 'snaps');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => /^frame_(\d+)\.png$/.exec(f)).filter(Boolean).map((m) => ({ frame: Number(m[1]), file: join(dir, m[0]) }))
    .sort((a, b) => a.frame - b.frame);
}

/** The events as MAME applied them when the goldens were recorded (oracle's inputs_applied.tsv). */
function readAppliedInputs(file) {
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return rows.map((r) => r.split('\t')).map(([frame, port, field, value]) => ({ frame: +frame, port: port.replace(/^:/, ''), field, value: +value }));
}

function findInputScript() {
  if (existsSync(join(GOLDEN, 'inputs_applied.tsv'))) return join(GOLDEN, 'inputs_applied.tsv');
  for (const f of ['inputs.txt', 'input.txt', 'inputs.script']) if (existsSync(join(GOLDEN, f))) return join(GOLDEN, f);
  return null;
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (!process.env.E2E_NO_BUILD) {
    // --mode e2e: the same app plus the machines only this test starts (test/e2e/test-machines.ts)
    console.log('e2e: building the web build (vite build --config vite.web.config.ts --mode e2e)');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.ts', '--mode', 'e2e', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  assert(existsSync(join(OUT, 'index.html')), `no web build at ${OUT}`);
  const server = await serve(OUT);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--autoplay-policy=no-user-gesture-required'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !/^(data|blob):/.test(r.url())) problems.push(`remote request: ${r.url()}`); });
  const T = '__arcadeTest';
  const hook = (fn, arg) => page.evaluate(([f, a]) => window[f.split('.')[0]][f.split('.')[1]](a), [`${T}.${fn}`, arg]);

  try {
    await check('the page loads under the strict CSP and shows the first-run screen', async () => {
      await page.goto(`${base}/?test`);
      await page.waitForFunction(() => !!window.__arcadeTest, null, { timeout: 20000 });
      await page.getByText('Welcome to Arcade').waitFor({ timeout: 10000 });
      await page.screenshot({ path: join(RESULTS, 'first-run.png') });
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
      assert(csp.includes("script-src 'self'") && !csp.includes('unsafe-eval'), `unexpected CSP: ${csp}`);
      await page.getByRole('button', { name: 'Go to the library' }).click();
      return 'first-run.png';
    });

    await check(`the library lists the homebrew set ${SET} as playable`, async () => {
      await page.locator(`.card[data-set="${SET}"]`).waitFor({ timeout: 15000 });
      const entries = await hook('entries');
      const e = entries.find((x) => x.name === SET);
      assert(e, `${SET} not in ${JSON.stringify(entries.map((x) => x.name))}`);
      assert(e.homebrew && e.status === 'good', `status ${JSON.stringify(e)}`);
      const badge = await page.locator(`.card[data-set="${SET}"] .status`).textContent();
      assert(badge === 'Ready', `badge "${badge}"`);
      await page.locator(`.card[data-set="${SET}"]`).click();
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(RESULTS, 'library-start.png') });
      return `${entries.length} sets listed, ${entries.filter((x) => x.status === 'good' || x.status === 'badChecksum').length} playable; library-start.png`;
    });

    await check('Play starts the game in real time at its refresh rate (no double speed)', async () => {
      await page.locator('.details [data-action="play"]').click();
      await page.waitForFunction(() => window.__arcadeTest.frame() > 20, null, { timeout: 30000 });
      const info = await hook('info');
      const f0 = await hook('frame');
      const w0 = Date.now();
      // count the display's animation frames over the same window: pacing must not follow them
      const ticks = await page.evaluate(() => new Promise((r) => {
        let n = 0; const t0 = performance.now();
        const f = () => { n++; if (performance.now() - t0 < 3000) requestAnimationFrame(f); else r(n / ((performance.now() - t0) / 1000)); };
        requestAnimationFrame(f);
      }));
      const f1 = await hook('frame');
      const secs = (Date.now() - w0) / 1000;
      const fps = (f1 - f0) / secs;
      assert(fps <= info.refreshHz * 1.08, `ran at ${fps.toFixed(1)} fps, faster than the game's ${info.refreshHz} Hz`);
      assert(fps >= info.refreshHz * 0.5, `ran at only ${fps.toFixed(1)} fps of ${info.refreshHz} Hz`);
      return `${info.width}x${info.height}, ${fps.toFixed(1)} fps for ${info.refreshHz.toFixed(3)} Hz while the page drew ${ticks.toFixed(1)} animation frames/s`;
    });

    await check('the audio worklet on Howler.ctx consumes the emulator\'s samples, with a short queue', async () => {
      await page.waitForTimeout(1000); // settle after start-up
      const a0 = (await hook('stats')).audio;
      const queue = [];
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(100);
        queue.push((await hook('stats')).audio.queued);
      }
      const a1 = (await hook('stats')).audio;
      const got = a1.consumed - a0.consumed;
      const secs = 20 * 0.1;
      assert(a1.state === 'running', `AudioContext ${a1.state}`);
      assert(got > a1.sampleRate * secs * 0.8, `consumed ${got} samples in ~${secs} s at ${a1.sampleRate} Hz`);
      const meanMs = (queue.reduce((x, y) => x + y, 0) / queue.length / a1.sampleRate) * 1000;
      const maxMs = (Math.max(...queue) / a1.sampleRate) * 1000;
      assert(meanMs < 60, `mean queued audio ${meanMs.toFixed(1)} ms`);
      return `${got} samples in ~${secs} s at ${a1.sampleRate} Hz; queue mean ${meanMs.toFixed(1)} ms, max ${maxMs.toFixed(1)} ms; underruns in this window ${a1.underruns - a0.underruns} (total ${a1.underruns}), dropped ${a1.dropped}`;
    });

    const snaps = goldenSnaps();
    const script = findInputScript();
    const events = !script ? [] : script.endsWith('.tsv') ? readAppliedInputs(script) : readInputScript(script);
    await check(`frames equal MAME's golden snapshots (${snaps.length} in test/golden/${SET}/snaps)`, async () => {
      assert(snaps.length > 0, `no golden snapshots in ${join(GOLDEN, 'snaps')}`);
      const pick = snaps;
      const notes = [];
      for (const s of pick) {
        const f = await page.evaluate(([n, ev]) => window.__arcadeTest.powerOnAndRunTo(n, ev), [s.frame, events]);
        assert(f === s.frame, `stopped at frame ${f}, wanted ${s.frame}`);
        const fb = await hook('framebuffer');
        const ours = { width: fb.width, height: fb.height, data: Buffer.from(fb.rgba, 'base64') };
        const golden = decodePng(readFileSync(s.file));
        const d = diffPixels(ours, golden);
        if (d.count !== 0) {
          const png = new PNG({ width: ours.width, height: ours.height });
          ours.data.copy(png.data);
          writeFileSync(join(RESULTS, `actual_frame_${String(s.frame).padStart(6, '0')}.png`), PNG.sync.write(png));
        }
        assert(d.count === 0, `frame ${s.frame}: ${d.count} pixels differ, first ${d.first}`);
        notes.push(s.frame);
      }
      // the canvas shows that frame scaled by a whole number with nearest filtering: every canvas pixel
      // inside the picture is exactly the frame pixel it covers
      const fb = await hook('framebuffer');
      const raw = Buffer.from(fb.rgba, 'base64');
      const cv = await hook('canvas');
      const shot = decodePng(Buffer.from(cv.png.split(',')[1], 'base64'));
      const { x: lx, y: ly, scale, width: lw, height: lh } = cv.layout;
      assert(Number.isInteger(scale) && scale >= 1, `scale ${scale} is not an integer`);
      assert(lw === fb.width * scale && lh === fb.height * scale, `layout ${lw}x${lh} for ${fb.width}x${fb.height} at ${scale}x`);
      let bad = 0;
      for (let y = 0; y < lh; y++) {
        for (let x = 0; x < lw; x++) {
          const o = ((ly + y) * shot.width + lx + x) * 4;
          const i = (Math.floor(y / scale) * fb.width + Math.floor(x / scale)) * 4;
          if (shot.data[o] !== raw[i] || shot.data[o + 1] !== raw[i + 1] || shot.data[o + 2] !== raw[i + 2]) bad++;
        }
      }
      assert(bad === 0, `${bad} canvas pixels differ from the nearest-neighbour ${scale}x frame`);
      const colours = new Set();
      for (let i = 0; i < raw.length; i += 4) colours.add((raw[i] << 16) | (raw[i + 1] << 8) | raw[i + 2]);
      const frameColours = colours;
      return `pixel-identical at frames ${notes.join(', ')}${script ? ` with ${events.length} script events` : ''}; canvas = frame at ${scale}x nearest (${frameColours.size} colours)`;
    });

    await check('a key press (5 = Coin 1) reaches the game', async () => {
      const info = await hook('info');
      const coin = info.inputs.find((f) => f.type === 'COIN1');
      assert(coin, 'the game has no COIN1 field');
      const start = 300;
      const runWith = async (press) => {
        await page.evaluate((n) => window.__arcadeTest.powerOnAndRunTo(n, []), start);
        if (press) await page.keyboard.down('5');
        await page.evaluate(() => window.__arcadeTest.step(4));
        if (press) await page.keyboard.up('5');
        await page.evaluate(() => window.__arcadeTest.step(40));
        const fb = await hook('framebuffer');
        const mems = await hook('memory', '__none__');
        const ram = [];
        for (const n of mems.names) ram.push((await hook('memory', n)).bytes.join(','));
        return { fb: fb.rgba, ram: ram.join('|') };
      };
      const without = await runWith(false);
      const withKey = await runWith(true);
      assert(without.fb !== withKey.fb || without.ram !== withKey.ram, 'pressing 5 changed neither the screen nor the RAM');
      return `${coin.port} "${coin.name}": ${without.fb !== withKey.fb ? 'screen' : ''}${without.fb !== withKey.fb && without.ram !== withKey.ram ? ' and ' : ''}${without.ram !== withKey.ram ? 'RAM' : ''} changed`;
    });

    await check('a gamepad (Gamepad API, standard mapping: Back = coin) reaches the game', async () => {
      const runWith = async (press) => {
        await page.evaluate((n) => window.__arcadeTest.powerOnAndRunTo(n, []), 300);
        if (press) {
          await page.evaluate(() => {
            const pad = { id: 'e2e pad', index: 0, connected: true, mapping: 'standard', axes: [0, 0, 0, 0],
              buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: i === 8, touched: i === 8, value: i === 8 ? 1 : 0 })) };
            navigator.getGamepads = () => [pad, null, null, null];
          });
        }
        await page.evaluate(() => window.__arcadeTest.step(4));
        await page.evaluate(() => { navigator.getGamepads = () => [null, null, null, null]; });
        await page.evaluate(() => window.__arcadeTest.step(40));
        return (await hook('framebuffer')).rgba;
      };
      const without = await runWith(false);
      const withPad = await runWith(true);
      assert(without !== withPad, 'the pad\'s Back button changed nothing');
      return 'Back button inserted a coin';
    });

    await check('save state and load state restore the same frame', async () => {
      await page.evaluate(() => window.__arcadeTest.powerOnAndRunTo(240, []));
      await page.evaluate(() => window.__arcadeTest.saveState(3));
      await page.evaluate(() => window.__arcadeTest.step(1));
      const a = await hook('framebuffer');
      const fa = await hook('frame');
      await page.evaluate(() => window.__arcadeTest.step(90));
      const mid = await hook('framebuffer');
      assert(mid.rgba !== a.rgba, 'the picture did not change in 90 frames, so this test would prove nothing');
      await page.evaluate(() => window.__arcadeTest.loadState(3));
      await page.evaluate(() => window.__arcadeTest.step(1));
      const b = await hook('framebuffer');
      const fb = await hook('frame');
      assert(fa === fb, `frame number ${fb} after load, expected ${fa}`);
      assert(a.rgba === b.rgba, 'the frame after loading differs from the frame after saving');
      const slots = await hook('listStates');
      const s3 = slots.find((s) => s.slot === 3);
      assert(s3 && s3.thumbnail.startsWith('data:image/png;base64,'), 'slot 3 has no thumbnail');
      return `frame ${fa} identical after load; slot 3 thumbnail ${s3.thumbnail.length} chars`;
    });

    await check('F5 opens the save-state slots with thumbnails; settings list the DIP switches', async () => {
      await page.evaluate(() => window.__arcadeTest.resume());
      await page.keyboard.press('F5');
      const dlg = page.locator('dialog.modal[open]');
      await dlg.waitFor({ timeout: 5000 });
      const slots = await dlg.locator('.slot').count();
      assert(slots === 10, `${slots} slots`);
      assert(await dlg.locator('.slot[data-slot="3"] img').count() === 1, 'slot 3 shows no thumbnail');
      assert(await hook('paused'), 'the game keeps running behind the dialog');
      await page.screenshot({ path: join(RESULTS, 'save-states.png') });
      await page.keyboard.press('Escape');
      await dlg.waitFor({ state: 'detached', timeout: 5000 });
      assert(!(await hook('paused')), 'closing the dialog did not resume the game');
      await page.locator('.player').hover();
      await page.locator('[data-action="gear"]').click();
      await page.locator('dialog.modal[open] .tab[data-tab="DIP switches"]').click();
      const info = await hook('info');
      const dips = info.inputs.filter((f) => (f.kind === 'dip' || f.kind === 'config') && f.settings?.length).length;
      const shown = await page.locator('dialog.modal[open] select[data-field]').count();
      assert(shown === dips && dips > 0, `${shown} DIP selectors for ${dips} DIP fields`);
      await page.screenshot({ path: join(RESULTS, 'settings-dips.png') });
      await page.locator('dialog.modal[open] .tab[data-tab="Controls"]').click();
      const coinKey = await page.locator('dialog.modal[open] tr', { hasText: 'Coin 1' }).locator('.keycap').first().textContent();
      assert(coinKey === '5', `Coin 1 shows key "${coinKey}"`);
      await page.screenshot({ path: join(RESULTS, 'settings-controls.png') });
      await page.keyboard.press('Escape');
      return `10 slots; ${dips} DIP switches; Coin 1 on "5"; save-states.png, settings-*.png`;
    });

    await check('F12 saves a PNG screenshot of the game at its own resolution', async () => {
      const info = await hook('info');
      await page.evaluate(() => window.__arcadeTest.pause());
      await page.waitForTimeout(100); // let a frame already in flight land first
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('F12')]);
      const path = join(RESULTS, 'f12-snapshot.png');
      await download.saveAs(path);
      const png = decodePng(readFileSync(path));
      assert(png.width === info.width && png.height === info.height, `snapshot ${png.width}x${png.height}`);
      const fb = await hook('framebuffer');
      const d = diffPixels(png, { width: fb.width, height: fb.height, data: Buffer.from(fb.rgba, 'base64') });
      assert(d.count === 0, `snapshot differs from the framebuffer in ${d.count} pixels`);
      return `${download.suggestedFilename()} ${png.width}x${png.height}`;
    });

    await check('pause (P) stops the game and resumes it', async () => {
      await page.evaluate(() => window.__arcadeTest.resume());
      await page.waitForTimeout(300);
      await page.keyboard.press('p');
      assert(await hook('paused'), 'P did not pause');
      await page.waitForTimeout(100); // a frame already requested when P was pressed may still arrive
      const f0 = await hook('frame');
      await page.waitForTimeout(500);
      assert((await hook('frame')) === f0, 'frames advanced while paused');
      await page.keyboard.press('p');
      await page.waitForTimeout(600);
      assert((await hook('frame')) > f0, 'P did not resume');
    });

    await check('F3 resets the game and holding ` fast-forwards it', async () => {
      const runAfter = async (reset) => {
        await page.evaluate(() => window.__arcadeTest.powerOnAndRunTo(320, []));
        if (reset) await page.keyboard.press('F3');
        await page.evaluate(() => window.__arcadeTest.step(30));
        return (await hook('framebuffer')).rgba;
      };
      const plain = await runAfter(false);
      const reset = await runAfter(true);
      assert(plain !== reset, 'F3 did not change what the game does');
      const info = await hook('info');
      await page.evaluate(() => window.__arcadeTest.resume());
      await page.waitForTimeout(300);
      const f0 = await hook('frame');
      const t0 = Date.now();
      await page.keyboard.down('Backquote');
      await page.waitForTimeout(1500);
      await page.keyboard.up('Backquote');
      const fps = ((await hook('frame')) - f0) / ((Date.now() - t0) / 1000);
      assert(fps > info.refreshHz * 1.3, `fast-forward ran at only ${fps.toFixed(0)} fps`);
      await page.waitForTimeout(300);
      const f1 = await hook('frame');
      await page.waitForTimeout(1000);
      const normal = (await hook('frame')) - f1;
      assert(normal <= info.refreshHz * 1.15, `after releasing the key the game still runs at ${normal} fps`);
      return `fast-forward ${fps.toFixed(0)} fps, then ${normal} fps`;
    });

    // frame advance, rewind, run-ahead, recordings, hot keys, rough edges (test/e2e/player-features.mjs)
    await playerChecks({ page, hook, check, assert, RESULTS, ROOT, SET, decodePng, diffPixels, events });

    // issue #15, the debugger panel (a separate module): test/e2e/debugger.mjs
    await (await import('./debugger.mjs')).debuggerChecks({ page, hook, check, assert, RESULTS, SET });

    await check('scanlines: one dark line per source row over the picture', async () => {
      await page.evaluate(() => window.__arcadeTest.setVideo({ scanlines: true, showFps: false }));
      await page.evaluate(() => window.__arcadeTest.pause());
      await page.waitForTimeout(200);
      const { layout } = await hook('canvas');
      const shot = decodePng(await page.screenshot({ clip: { x: layout.x, y: layout.y, width: layout.width, height: layout.height } }));
      const plain = decodePng(Buffer.from((await hook('canvas')).png.split(',')[1], 'base64'));
      // compare bright pixels' brightness on the first and last screen row of each source row
      let top = 0, bottom = 0;
      for (let y = 0; y + layout.scale <= layout.height; y += layout.scale) {
        for (let x = 0; x < layout.width; x++) {
          const o = (y * shot.width + x) * 4, o2 = ((y + layout.scale - 1) * shot.width + x) * 4;
          const p = ((layout.y + y) * plain.width + layout.x + x) * 4;
          if (plain.data[p] + plain.data[p + 1] + plain.data[p + 2] < 200) continue;
          top += shot.data[o] + shot.data[o + 1] + shot.data[o + 2];
          bottom += shot.data[o2] + shot.data[o2 + 1] + shot.data[o2 + 2];
        }
      }
      await page.screenshot({ path: join(RESULTS, 'game-scanlines.png') });
      await page.evaluate(() => window.__arcadeTest.setVideo({ scanlines: false }));
      await page.evaluate(() => window.__arcadeTest.resume());
      assert(bottom < top * 0.8, `rows are not darker at their bottom (${top} vs ${bottom})`);
      return `bottom lines at ${((bottom / top) * 100).toFixed(0)}% brightness; game-scanlines.png`;
    });

    await check('a turned monitor: rotate 90° shows the frame turned clockwise, still nearest-neighbour', async () => {
      await page.evaluate(() => window.__arcadeTest.pause());
      await page.evaluate(() => window.__arcadeTest.setVideo({ rotate: 90 }));
      const fb = await hook('framebuffer');
      const raw = Buffer.from(fb.rgba, 'base64');
      const cv = await hook('canvas');
      const shot = decodePng(Buffer.from(cv.png.split(',')[1], 'base64'));
      const { x: lx, y: ly, scale, width: lw, height: lh } = cv.layout;
      assert(lw === fb.height * scale && lh === fb.width * scale, `rotated layout ${lw}x${lh} at ${scale}x`);
      let bad = 0;
      for (let y = 0; y < lh; y++) {
        for (let x = 0; x < lw; x++) {
          // clockwise: the frame's left column becomes the top row, its bottom row the left column
          const sx = Math.floor(y / scale), sy = fb.height - 1 - Math.floor(x / scale);
          const o = ((ly + y) * shot.width + lx + x) * 4, i = (sy * fb.width + sx) * 4;
          if (shot.data[o] !== raw[i] || shot.data[o + 1] !== raw[i + 1] || shot.data[o + 2] !== raw[i + 2]) bad++;
        }
      }
      await page.screenshot({ path: join(RESULTS, 'game-rotated.png') });
      await page.evaluate(() => window.__arcadeTest.setVideo({ rotate: 0 }));
      await page.evaluate(() => window.__arcadeTest.resume());
      assert(bad === 0, `${bad} pixels differ from the frame turned 90° clockwise`);
      return `${lw}x${lh} at ${scale}x; game-rotated.png`;
    });

    await check('a running game looks right (screenshot game.png)', async () => {
      await page.evaluate(() => window.__arcadeTest.setVideo({ showFps: true }));
      await page.waitForTimeout(1500);
      await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove())); // earlier checks' notices
      await page.mouse.move(640, 420);
      await page.mouse.move(650, 430);
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(RESULTS, 'game.png') });
      const shot = decodePng(readFileSync(join(RESULTS, 'game.png')));
      let lit = 0;
      for (let i = 0; i < shot.data.length; i += 4) if (shot.data[i] + shot.data[i + 1] + shot.data[i + 2] > 60) lit++;
      assert(lit > 2000, `the screenshot is almost black (${lit} lit pixels)`);
      return 'game.png';
    });

    await check('Esc returns to the library, where the game\'s card now shows its last frame', async () => {
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__arcadeTest.view() === 'library', null, { timeout: 5000 });
      await page.locator(`.card[data-set="${SET}"] img.art-img`).waitFor({ timeout: 5000 });
      await page.mouse.move(5, 5);
      await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(RESULTS, 'library.png') });
      return 'library.png';
    });

    await libraryChecks({ page, hook, check, assert, RESULTS, SET });

    await check('search and the Available filter narrow the library', async () => {
      await page.locator('input.search').fill('puck');
      const names = await page.locator('.card').evaluateAll((els) => els.map((e) => e.dataset.set));
      assert(names.length === 1 && names[0] === 'puckman', `search "puck" shows ${names}`);
      await page.locator('input.search').fill('');
      await page.getByRole('button', { name: 'Available' }).click();
      const avail = await page.locator('.card').evaluateAll((els) => els.map((e) => e.dataset.set));
      const playable = (await hook('entries')).filter((e) => e.status === 'good' || e.status === 'badChecksum').map((e) => e.name);
      assert(avail.sort().join() === playable.sort().join(), `Available shows ${avail}, playable are ${playable}`);
      await page.getByRole('button', { name: 'All games' }).click();
      return `"puck" → puckman; Available → ${avail.join(', ')}`;
    });

    await check('dropping a zip on the window adds it (pacdemo files as pacman.zip: wrong checksums, playable)', async () => {
      const { zipSync } = await import('fflate');
      const dir = join(ROOT, 'homebrew', SET);
      const files = Object.fromEntries(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
      const zip = Buffer.from(zipSync(files)).toString('base64');
      await page.evaluate((b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], 'pacman.zip', { type: 'application/zip' }));
        window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, zip);
      await page.waitForFunction(() => window.__arcadeTest.entries().find((e) => e.name === 'pacman')?.status !== 'notFound', null, { timeout: 10000 });
      const e = (await hook('entries')).find((x) => x.name === 'pacman');
      assert(e.status === 'badChecksum', `pacman is ${e.status}`);
      await page.locator('.card[data-set="pacman"]').click();
      const msg = await page.locator('.details .status-msg').textContent();
      assert(/wrong checksum/.test(msg), `details say "${msg}"`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(RESULTS, 'library-after-drop.png') });
      return `pacman: ${e.status} — "${msg}"`;
    });

    await badSetArtCheck({ page, hook, check, assert });

    // issue #12, Centipede hardware in the app (a separate module): test/e2e/centipede.mjs
    await (await import('./centipede.mjs')).centipedeChecks({ page, check, assert, hook, ROOT, RESULTS, base });

    // issue #19, bad input in the app (a separate module): test/e2e/robust.mjs
    await (await import('./robust.mjs')).robustChecks({ page, check, assert, hook, ROOT, RESULTS, SET });

    // issue #14, Gottlieb hardware (a separate module): test/e2e/gottlieb.mjs
    await (await import('./gottlieb.mjs')).gottliebChecks({ page, check, assert, hook, ROOT, RESULTS });

    // issue #13, Snow Bros. hardware (a separate module): test/e2e/snowbros.mjs
    await (await import('./snowbros.mjs')).snowbrosChecks({ page, check, assert, hook, ROOT, RESULTS });

    await check('sample-based sounds play as Howls through Howler.masterGain (built-in samples demo machine)', async () => {
      const info = await hook('playSampleDemo');
      assert(info?.name === 'sampledemo', `started ${info?.name}`);
      // the demo triggers a one-shot at frame 10 and a loop at frame 30 (test/e2e/sample-demo.ts)
      await page.waitForFunction(() => { const s = window.__arcadeTest.samples(); return s.decoded === 2 && s.played >= 2; }, null, { timeout: 15000 });
      // the machine's own samples stream is silent (externalSamples): all sound at the master gain is howler's
      let level = 0;
      for (let i = 0; i < 60 && level < 0.02; i++) { await page.waitForTimeout(100); level = await hook('masterLevel'); }
      assert(level >= 0.02, `RMS at Howler.masterGain only ${level.toFixed(4)} while samples play`);
      const audio = (await hook('stats')).audio;
      await page.evaluate(() => window.__arcadeTest.setVolume(1, true));
      await page.waitForTimeout(400);
      const muted = await hook('masterLevel');
      await page.evaluate(() => window.__arcadeTest.setVolume(1, false));
      assert(muted < 0.001, `still RMS ${muted.toFixed(4)} with howler muted`);
      // the loop is stopped by the machine at frame 150
      await page.waitForFunction(() => window.__arcadeTest.samples().stops >= 1, null, { timeout: 10000 });
      const st = await hook('samples');
      return `${st.loaded} samples as WAV blob Howls; ${st.starts} starts, ${st.played} onplay, ${st.stops} stops; master RMS ${level.toFixed(3)} playing, ${muted.toFixed(4)} muted (AudioContext ${audio.state} at ${audio.sampleRate} Hz)`;
    });

    // issue #16, the app's frame budget on the stress set (a separate module): test/e2e/frame-budget.mjs
    await (await import('./frame-budget.mjs')).frameBudgetChecks({ page, check, assert, hook });

    await check('no page errors, console errors or remote requests', async () => {
      assert(problems.length === 0, problems.slice(0, 5).join('\n'));
    });
  } finally {
    await browser.close();
    server.close();
  }

  if (!process.env.E2E_NO_PACKAGE) {
    await check('electron-builder --linux dir with the stand-in Electron (test/e2e/package-dir.mjs)', async () => {
      let out = '';
      try {
        out = execFileSync(process.execPath, [join(ROOT, 'test', 'e2e', 'package-dir.mjs')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        throw new Error(`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-6).join('\n'));
      }
      return out.trim().split('\n').pop();
    });
  }
  console.log(`e2e: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${RESULTS})`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log(`e2e: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
