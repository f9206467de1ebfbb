/**
 * e2e checks for issue #12 (Centipede hardware in the app), run by run.mjs from the library view: the
 * homebrew set cendemo is listed and plays; the mouse, locked to the game by a click, is the trackball and
 * moves the blaster; the high-score table the game writes to the ER2055 EAROM survives a restart of the
 * app (a page reload: the NVRAM lives in the app's storage, emu/nvram-store.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** cendemo RAM layout (homebrew/centipede/cendemo.s, ld65 BSS at 0x0200): blaster X, the table */
const OBJ_X = 0x200;
const HISCORE = 0x2e0;

function scriptEvents(ROOT) {
  // the golden input script (coins, start, trackball, fire): a game that ends around frame 480
  const text = readFileSync(join(ROOT, 'homebrew', 'centipede', 'inputs-golden.txt'), 'utf8');
  const events = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const m = /^(\d+)(?:-(\d+))?\s+:?(\S+)\s+(.+?)(?:\s*=\s*(\S+))?$/.exec(line);
    if (!m) continue;
    const [, a, b, port, field, v] = m;
    if (b !== undefined) {
      events.push({ frame: Number(a), port, field, value: 1 }, { frame: Number(b) + 1, port, field, value: 0 });
    } else events.push({ frame: Number(a), port, field, value: Number(v) });
  }
  return events.sort((x, y) => x.frame - y.frame);
}

async function playCendemo(page, hook) {
  if ((await hook('view')) === 'player') await hook('backToLibrary');
  await page.locator('.card[data-set="cendemo"]').waitFor({ timeout: 15000 });
  await page.locator('.card[data-set="cendemo"]').click();
  await page.locator('.details [data-action="play"]').click();
  await page.waitForFunction(() => window.__arcadeTest.current() === 'cendemo' && window.__arcadeTest.frame() > 10, null, { timeout: 30000 });
}

async function ram(hook) {
  const m = await hook('memory', 'rambase');
  return m.bytes;
}

export async function centipedeChecks({ page, check, assert, hook, ROOT, RESULTS, base }) {
  const events = scriptEvents(ROOT);

  await check('#12: the homebrew Centipede set (cendemo) is listed, playable, and runs at 60 Hz, 240x256', async () => {
    const e = (await hook('entries')).find((x) => x.name === 'cendemo');
    assert(e && e.homebrew && e.status === 'good', `cendemo entry ${JSON.stringify(e)}`);
    await playCendemo(page, hook);
    const info = await hook('info');
    assert(info.width === 240 && info.height === 256 && Math.abs(info.refreshHz - 60) < 0.01, `geometry ${info.width}x${info.height} @ ${info.refreshHz}`);
    await page.screenshot({ path: join(RESULTS, 'cendemo-title.png') });
    return 'cendemo-title.png';
  });

  await check('#12: a click locks the pointer to the game and the mouse steers the blaster (trackball)', async () => {
    // coin and start through the script, then live play
    await page.evaluate(([n, ev]) => window.__arcadeTest.powerOnAndRunTo(n, ev), [140, events.filter((e) => e.frame <= 104)]);
    const before = (await ram(hook))[OBJ_X];
    await page.evaluate(() => window.__arcadeTest.resume());
    const canvas = page.locator('canvas.game-canvas');
    await canvas.click();
    await page.waitForFunction(() => document.pointerLockElement !== null, null, { timeout: 5000 });
    // Centipede's X counter counts down as the ball rolls right; cendemo moves its blaster right on that
    for (let i = 0; i < 20; i++) { await page.mouse.move(400 + i * 10, 300); await page.waitForTimeout(20); }
    await page.waitForTimeout(300);
    await hook('pause');
    const after = (await ram(hook))[OBJ_X];
    await page.evaluate(() => document.exitPointerLock());
    assert(after > before, `blaster x ${before} -> ${after} after moving the mouse right`);
    return `blaster x ${before} -> ${after}`;
  });

  await check('#12: the EAROM high-score table survives a restart of the app', async () => {
    // a whole game through the golden script: game over near frame 480 writes 000120 into the table
    await page.evaluate(([n, ev]) => window.__arcadeTest.powerOnAndRunTo(n, ev), [700, events.filter((e) => e.frame < 700)]);
    const table = Array.from((await ram(hook)).slice(HISCORE, HISCORE + 15));
    assert(table.slice(12, 15).join(',') === '0,1,32', `table after the game: ${table}`);
    await page.waitForFunction(() => !!localStorage.getItem('arcade.nvram.cendemo'), null, { timeout: 5000 });
    await page.reload();
    await page.waitForFunction(() => !!window.__arcadeTest, null, { timeout: 20000 });
    await playCendemo(page, hook);
    await hook('pause');
    const restored = Array.from((await ram(hook)).slice(HISCORE, HISCORE + 15));
    assert(restored.join(',') === table.join(','), `after restart ${restored} (want ${table})`);
    await page.screenshot({ path: join(RESULTS, 'cendemo-hiscore.png') });
    return `table ${restored.slice(12, 15).map((b) => b.toString(16).padStart(2, '0')).join('')} read back after the reload; cendemo-hiscore.png`;
  });
  await hook('backToLibrary');
}
