/**
 * e2e checks for issue #14 (Gottlieb hardware), run by run.mjs after the default set's checks: the
 * homebrew set gottdemo (8088 + 6502 sound board, test/golden/gottdemo) is listed, starts from the library,
 * runs at its own 61.42 Hz, its frames equal MAME's golden snapshots with the golden input script (the
 * joystick, buttons, coin and the dial reach the game), its DAC sound reaches the audio output, and its
 * battery RAM survives a restart of the app (a page reload; the program counts its boots in battery RAM:
 * a word at 0x0100 behind the marker 'GB' at 0x0102, homebrew/gottlieb/gottdemo.asm).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const SET = 'gottdemo';
const BOOTS = 0x100;

async function playGottdemo(page, hook) {
  if ((await hook('view')) === 'player') await hook('backToLibrary');
  await page.locator(`.card[data-set="${SET}"]`).waitFor({ timeout: 15000 });
  await page.locator(`.card[data-set="${SET}"]`).click();
  await page.locator('.details [data-action="play"]').click();
  await page.waitForFunction((s) => window.__arcadeTest.current() === s && window.__arcadeTest.frame() > 30, SET, { timeout: 30000 });
}

async function boots(hook) {
  const b = (await hook('memory', 'nvram')).bytes;
  return { count: b[BOOTS] | (b[BOOTS + 1] << 8), marker: String.fromCharCode(b[BOOTS + 2], b[BOOTS + 3]) };
}

/** The events as MAME applied them when the goldens were recorded (oracle's inputs_applied.tsv). */
function appliedInputs(file) {
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return rows.map((r) => r.split('\t')).map(([frame, port, field, value]) => ({ frame: +frame, port: port.replace(/^:/, ''), field, value: +value }));
}

export async function gottliebChecks({ page, check, assert, hook, ROOT, RESULTS }) {
  const golden = join(ROOT, 'test', 'golden', SET);
  const snaps = readFileSync(join(golden, 'snapshots.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
    .map(([frame, file]) => ({ frame: +frame, file: join(golden, 'snaps', file.replace(/^snaps\//, '')) }));
  const events = appliedInputs(join(golden, 'inputs_applied.tsv'));

  await check('#14: gottdemo (Gottlieb 8088 + 6502 board) starts from the library at 61.42 Hz and makes sound', async () => {
    const e = (await hook('entries')).find((x) => x.name === SET);
    assert(e && e.homebrew && e.status === 'good', `entry ${JSON.stringify(e)}`);
    await playGottdemo(page, hook);
    const info = await hook('info');
    assert(info.name === SET && info.width === 240 && info.height === 256, `playing ${info.name} ${info.width}x${info.height}`);
    assert(Math.abs(info.refreshHz - 61.419) < 0.01, `refresh ${info.refreshHz}`);
    // the program plays a DAC effect every 40 frames: sound reaches Howler's master gain
    let level = 0;
    for (let i = 0; i < 40 && level < 0.005; i++) { await page.waitForTimeout(100); level = await hook('masterLevel'); }
    assert(level >= 0.005, `RMS at Howler.masterGain only ${level.toFixed(4)}`);
    await page.screenshot({ path: join(RESULTS, 'gottdemo-playing.png') });
    return `${info.width}x${info.height} at ${info.refreshHz.toFixed(3)} Hz; master RMS ${level.toFixed(3)}; gottdemo-playing.png`;
  });

  await check(`#14: gottdemo frames equal MAME's golden snapshots (${snaps.length}, with the golden inputs)`, async () => {
    const notes = [];
    for (const s of snaps) {
      const f = await page.evaluate(([n, ev]) => window.__arcadeTest.powerOnAndRunTo(n, ev), [s.frame, events]);
      assert(f === s.frame, `stopped at frame ${f}, wanted ${s.frame}`);
      const fb = await hook('framebuffer');
      const ours = Buffer.from(fb.rgba, 'base64');
      const want = PNG.sync.read(readFileSync(s.file));
      assert(fb.width === want.width && fb.height === want.height, `size ${fb.width}x${fb.height} vs ${want.width}x${want.height}`);
      let bad = 0;
      for (let i = 0; i < fb.width * fb.height * 4; i += 4) {
        if (ours[i] !== want.data[i] || ours[i + 1] !== want.data[i + 1] || ours[i + 2] !== want.data[i + 2]) bad++;
      }
      if (bad) {
        const png = new PNG({ width: fb.width, height: fb.height });
        ours.copy(png.data);
        writeFileSync(join(RESULTS, `gottdemo_actual_${s.frame}.png`), PNG.sync.write(png));
      }
      assert(bad === 0, `frame ${s.frame}: ${bad} pixels differ from MAME`);
      notes.push(s.frame);
    }
    return `pixel-identical at frames ${notes.join(', ')}`;
  });

  await check('#14: gottdemo\'s battery RAM (NVRAM) survives a restart of the app', async () => {
    await page.evaluate(() => window.__arcadeTest.powerOnAndRunTo(120, []));
    const first = await boots(hook);
    assert(first.marker === 'GB' && first.count >= 1, `battery RAM after a boot: ${JSON.stringify(first)}`);
    await page.evaluate(() => window.__arcadeTest.resume());
    await page.waitForFunction((s) => !!localStorage.getItem(`arcade.nvram.${s}`), SET, { timeout: 10000 });
    await page.reload();
    await page.waitForFunction(() => !!window.__arcadeTest, null, { timeout: 20000 });
    await playGottdemo(page, hook);
    await hook('pause');
    const second = await boots(hook);
    assert(second.marker === 'GB' && second.count === first.count + 1, `after the restart: ${JSON.stringify(second)} (before: ${JSON.stringify(first)})`);
    await page.screenshot({ path: join(RESULTS, 'gottdemo-boots.png') });
    await hook('backToLibrary');
    return `boot count ${first.count} → ${second.count} across a page reload (battery RAM from the app's storage); gottdemo-boots.png`;
  });
}
