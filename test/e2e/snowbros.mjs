/**
 * e2e checks for issue #13 (Snow Bros. hardware), run by run.mjs from the library view: the homebrew set
 * sbdemo is listed, starts at 57.5 Hz, its FM sound reaches Howler's master gain, and paused frames equal
 * MAME's golden snapshots (test/golden/sbdemo/snaps, with the input events MAME applied when recording).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const SET = 'sbdemo';

export async function snowbrosChecks({ page, check, assert, hook, ROOT, RESULTS }) {
  const golden = join(ROOT, 'test', 'golden', SET);

  await check(`Snow Bros. hardware: the library lists ${SET} as playable and Play starts it`, async () => {
    if ((await hook('view')) !== 'library') {
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__arcadeTest.view() === 'library', null, { timeout: 5000 });
    }
    const e = (await hook('entries')).find((x) => x.name === SET);
    assert(e && e.homebrew && e.status === 'good', `${SET}: ${JSON.stringify(e)}`);
    await page.locator(`.card[data-set="${SET}"]`).click();
    await page.locator('.details [data-action="play"]').click();
    await page.waitForFunction(() => window.__arcadeTest.frame() > 30, null, { timeout: 30000 });
    const info = await hook('info');
    assert(info.name === SET && info.width === 256 && info.height === 224, `playing ${info.name} ${info.width}x${info.height}`);
    assert(Math.abs(info.refreshHz - 57.5) < 1e-6, `refresh ${info.refreshHz} Hz`);
    await page.screenshot({ path: join(RESULTS, 'sbdemo-playing.png') });
    return `${info.width}x${info.height} at ${info.refreshHz} Hz; sbdemo-playing.png`;
  });

  await check(`${SET}: the YM3812 music plays through the audio worklet (samples consumed, level at Howler.masterGain)`, async () => {
    const a0 = (await hook('stats')).audio;
    let level = 0;
    for (let i = 0; i < 30 && level < 0.01; i++) { await page.waitForTimeout(100); level = Math.max(level, await hook('masterLevel')); }
    const a1 = (await hook('stats')).audio;
    assert(a1.state === 'running', `AudioContext ${a1.state}`);
    assert(a1.consumed > a0.consumed, 'no samples consumed');
    assert(level >= 0.01, `RMS at Howler.masterGain only ${level.toFixed(4)}`);
    return `${a1.consumed - a0.consumed} samples consumed, master RMS ${level.toFixed(3)}`;
  });

  await check(`${SET}: paused frames equal MAME's golden snapshots`, async () => {
    const rows = readFileSync(join(golden, 'inputs_applied.tsv'), 'utf8').trim().split('\n').slice(1);
    const events = rows.map((r) => r.split('\t')).map(([frame, port, field, value]) => ({ frame: +frame, port: port.replace(/^:/, ''), field, value: +value }));
    const snaps = readdirSync(join(golden, 'snaps')).map((f) => /^frame_(\d+)\.png$/.exec(f)).filter(Boolean).map((m) => Number(m[1]))
      .filter((f) => [60, 320, 600].includes(f));
    assert(snaps.length === 3, `golden snapshots 60, 320, 600 missing in ${golden}`);
    for (const frame of snaps) {
      const f = await page.evaluate(([n, ev]) => window.__arcadeTest.powerOnAndRunTo(n, ev), [frame, events]);
      assert(f === frame, `stopped at frame ${f}, wanted ${frame}`);
      const fb = await hook('framebuffer');
      const ours = Buffer.from(fb.rgba, 'base64');
      const png = PNG.sync.read(readFileSync(join(golden, 'snaps', `frame_${String(frame).padStart(6, '0')}.png`)));
      assert(fb.width === png.width && fb.height === png.height, `size ${fb.width}x${fb.height} vs ${png.width}x${png.height}`);
      let bad = 0;
      for (let i = 0; i < fb.width * fb.height * 4; i += 4) if (ours[i] !== png.data[i] || ours[i + 1] !== png.data[i + 1] || ours[i + 2] !== png.data[i + 2]) bad++;
      if (bad) {
        const out = new PNG({ width: fb.width, height: fb.height });
        ours.copy(out.data);
        writeFileSync(join(RESULTS, `sbdemo_actual_${frame}.png`), PNG.sync.write(out));
      }
      assert(bad === 0, `frame ${frame}: ${bad} pixels differ`);
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__arcadeTest.view() === 'library', null, { timeout: 5000 });
    return `pixel-identical at frames ${snaps.join(', ')} (flip screen at 320)`;
  });
}

