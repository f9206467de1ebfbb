/**
 * End-to-end checks of the player features past MAME and RetroArch (issue #18): frame advance, rewind,
 * run-ahead, input recording → playback (and → `arcade run --inputs`), hot-key remapping, the fixed rough
 * edges, and keyboard/gamepad navigation of the library. Called from test/e2e/run.mjs with its page and
 * helpers; every check compares with the game's own frames, never with a stored guess.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fingerprint of the frame the player holds (computed in the page: no 250 KB round trips). */
const frameHash = (page) => page.evaluate(() => {
  const fb = window.__arcadeTest.framebuffer();
  let h = 2166136261;
  for (let i = 0; i < fb.rgba.length; i++) h = Math.imul(h ^ fb.rgba.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
});

/** Checks made while the game plays (run.mjs calls this with the player open and running). */
export async function playerChecks({ page, hook, check, assert, RESULTS, ROOT, SET, decodePng, diffPixels, events }) {
  const step = (n) => page.evaluate((k) => window.__arcadeTest.step(k), n);
  const powerOnTo = (n) => page.evaluate((k) => window.__arcadeTest.powerOnAndRunTo(k, []), n);

  await check('frame advance: while paused, "." runs exactly one frame, the same frame a plain run reaches', async () => {
    await powerOnTo(300);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Period');
    await page.waitForFunction(() => window.__arcadeTest.frame() === 303, null, { timeout: 5000 });
    const advanced = await frameHash(page);
    assert(await hook('paused'), 'frame advance resumed the game');
    await powerOnTo(303);
    const plain = await frameHash(page);
    assert(advanced === plain, 'the frame reached by three presses differs from frame 303 of a plain run');
    await page.locator('.player').hover();
    const visible = await page.locator('[data-action="step"]').isVisible();
    assert(visible, 'no Next-frame button on the paused toolbar');
    await page.screenshot({ path: join(RESULTS, 'frame-advance.png') });
    return 'frame 300 → 303 in three presses, equal to a plain run; frame-advance.png';
  });

  await check('rewind: the frame after going back N frames equals the frame shown N frames earlier', async () => {
    await page.evaluate(() => window.__arcadeTest.setPlayer({ rewindSeconds: 30, runAhead: 0 }));
    await powerOnTo(200);
    const seen = new Map();
    for (let f = 201; f <= 330; f++) { await step(1); seen.set(f, await frameHash(page)); }
    assert(new Set(seen.values()).size > 40, 'the picture hardly changed: this check would prove nothing');
    const notes = [];
    for (const n of [1, 8, 45]) {
      const from = await hook('frame');
      const at = await page.evaluate((k) => window.__arcadeTest.rewindFrames(k), n);
      assert(at === from - n, `rewinding ${n} from ${from} stopped at ${at}`);
      assert((await frameHash(page)) === seen.get(at), `frame ${at} after rewinding differs from the frame shown then`);
      notes.push(`${from}→${at}`);
    }
    // hold Backspace while the game runs: it goes backwards at the game's speed, then plays on
    await page.evaluate(() => window.__arcadeTest.resume());
    await page.waitForTimeout(300);
    const f0 = await hook('frame');
    await page.keyboard.down('Backspace');
    await page.waitForTimeout(1000);
    const mid = await hook('frame');
    await page.screenshot({ path: join(RESULTS, 'rewind.png') });
    await page.keyboard.up('Backspace');
    await page.waitForTimeout(500);
    const after = await hook('frame');
    assert(mid < f0 - 30, `holding Backspace for 1 s went from frame ${f0} to ${mid}`);
    assert(after > mid, 'the game did not play on after the rewind key was released');
    return `${notes.join(', ')} pixel-equal; held 1 s: frame ${f0} → ${mid}, then on to ${after}; rewind.png`;
  });

  await check('run-ahead shows a key press N frames sooner (latency measured in frames)', async () => {
    // pacdemo after the golden script's coin and start: Pac runs right from frame 207; "down" at frame
    // 240 takes effect at the next junction, several frames later — the lag run-ahead can hide
    const info = await hook('info');
    const down = info.inputs.find((f) => f.type === 'P1_JOYSTICK_DOWN');
    const key = `${down.port}/${down.name}`;
    const early = events.filter((e) => e.frame < 220);
    const latency = async (ahead) => {
      await page.evaluate((a) => window.__arcadeTest.setPlayer({ runAhead: a }), ahead);
      const run = async (press) => {
        await page.evaluate((ev) => window.__arcadeTest.powerOnAndRunTo(240, ev), early);
        const out = [];
        for (let i = 0; i < 16; i++) {
          if (press) await page.evaluate(([k, v]) => window.__arcadeTest.forceInput(k, v), [key, 1]);
          await step(1);
          out.push(await frameHash(page));
        }
        await page.evaluate((k) => window.__arcadeTest.forceInput(k, null), key);
        return out;
      };
      const base = await run(false);
      const pressed = await run(true);
      const first = pressed.findIndex((h, i) => h !== base[i]);
      assert(first >= 0, `pressing ${down.name} changed no frame within 16 (run-ahead ${ahead})`);
      return first + 1; // frames from the press to the first changed picture
    };
    const l0 = await latency(0), l1 = await latency(1), l2 = await latency(2);
    await page.evaluate(() => window.__arcadeTest.setPlayer({ runAhead: 0 }));
    assert(l0 >= 3, `the game shows the press after ${l0} frames: too soon to show what run-ahead saves`);
    assert(l1 === l0 - 1 && l2 === l0 - 2, `latency ${l0} / ${l1} / ${l2} frames with run-ahead 0 / 1 / 2`);
    return `${down.name} shows after ${l0} frames; ${l1} with run-ahead 1, ${l2} with run-ahead 2`;
  });

  await check('an input recording plays back frame-identically, in the app and through `arcade run --inputs`', async () => {
    const info = await hook('info');
    const field = (t) => { const f = info.inputs.find((x) => x.type === t); return `${f.port}/${f.name}`; };
    const coin = field('COIN1'), start = field('START1'), left = field('P1_JOYSTICK_LEFT');
    await page.evaluate(() => window.__arcadeTest.pause());
    await page.evaluate(() => window.__arcadeTest.startRecording());
    await page.evaluate(() => window.__arcadeTest.pause());
    const press = async (k, frames) => {
      await page.evaluate(([kk]) => window.__arcadeTest.forceInput(kk, 1), [k]);
      await step(frames);
      await page.evaluate(([kk]) => window.__arcadeTest.forceInput(kk, null), [k]);
    };
    await step(60); await press(coin, 3); await step(40); await press(start, 3); await step(150); await press(left, 40); await step(30);
    const end = await hook('frame');
    const recorded = await frameHash(page);
    const fbRec = await hook('framebuffer');
    const rec = await page.evaluate(() => window.__arcadeTest.stopRecording());
    assert(rec.frames === end && rec.changes >= 6, `recording of ${rec.frames} frames with ${rec.changes} changes`);
    const dir = join(RESULTS, 'recording');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${SET}.inp.txt`);
    writeFileSync(file, rec.text);
    // in the app: power on, play it back
    await page.evaluate((t) => window.__arcadeTest.playRecording(t), rec.text);
    await page.evaluate(() => window.__arcadeTest.pause());
    const now = await hook('frame');
    assert(now < end, `the playback ran past the recording's end (${now})`);
    await step(end - now);
    assert((await frameHash(page)) === recorded, `frame ${end} of the playback differs from the recorded session's`);
    // through the CLI, from the saved file
    const snapdir = join(dir, 'cli');
    execFileSync(process.execPath, [join(ROOT, 'bin', 'arcade.mjs'), 'run', SET, '--rompath', join(ROOT, 'homebrew'), '--frames', String(end),
      '--snap', String(end), '--snapdir', snapdir, '--inputs', file], { cwd: ROOT, stdio: 'pipe' });
    const cli = decodePng(readFileSync(join(snapdir, `frame_${String(end).padStart(6, '0')}.png`)));
    const d = diffPixels({ width: fbRec.width, height: fbRec.height, data: Buffer.from(fbRec.rgba, 'base64') }, cli);
    assert(d.count === 0, `arcade run --inputs differs at frame ${end} in ${d.count} pixels, first ${d.first}`);
    return `${rec.changes} input changes over ${end} frames; app playback and \`arcade run --inputs\` give the recorded frame ${end}`;
  });

  await check('loading a state while paused shows the loaded picture at once', async () => {
    await powerOnTo(240);
    const saved = await frameHash(page);
    await page.evaluate(() => window.__arcadeTest.saveState(5));
    await step(60);
    assert((await frameHash(page)) !== saved, 'the picture did not change in 60 frames: this check would prove nothing');
    await page.evaluate(() => window.__arcadeTest.loadState(5));
    assert(await hook('paused'), 'loading resumed the game');
    assert((await frameHash(page)) === saved, 'the player still shows the old picture after loading while paused');
    const fb = await hook('framebuffer');
    const cv = await hook('canvas');
    const shot = decodePng(Buffer.from(cv.png.split(',')[1], 'base64'));
    const { x, y, scale } = cv.layout;
    const raw = Buffer.from(fb.rgba, 'base64');
    let bad = 0;
    for (let i = 0; i < fb.width * fb.height; i += 97) {
      const sx = i % fb.width, sy = Math.floor(i / fb.width);
      const o = ((y + sy * scale) * shot.width + x + sx * scale) * 4;
      if (shot.data[o] !== raw[i * 4] || shot.data[o + 1] !== raw[i * 4 + 1] || shot.data[o + 2] !== raw[i * 4 + 2]) bad++;
    }
    assert(bad === 0, `${bad} sampled canvas pixels differ from the loaded frame`);
    return 'frame 240 on screen right after loading slot 5, game still paused';
  });

  await check('hot keys can be remapped in Settings (conflicts shown) and the new key works', async () => {
    await page.evaluate(() => window.__arcadeTest.resume());
    await page.locator('.player').hover();
    await page.locator('[data-action="gear"]').click();
    await page.locator('dialog.modal[open] .tab[data-tab="Hotkeys"]').click();
    await page.locator('dialog.modal[open] [data-hotkey="pause"]').click();
    await page.keyboard.press('KeyO');
    await page.waitForFunction(() => document.querySelector('dialog.modal[open] [data-hotkey="pause"]')?.textContent === 'O', null, { timeout: 5000 });
    // frame advance onto the left arrow, which the game uses: the row says so
    await page.locator('dialog.modal[open] [data-hotkey="frameAdvance"]').click();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => /game control/.test(document.querySelector('dialog.modal[open] [data-hotkey="frameAdvance"]')?.closest('tr')?.textContent ?? ''), null, { timeout: 5000 });
    await page.screenshot({ path: join(RESULTS, 'settings-hotkeys.png') });
    await page.locator('dialog.modal[open] [data-hotkey="frameAdvance"]').click();
    await page.keyboard.press('Period');
    await page.keyboard.press('Escape');
    await page.locator('dialog.modal[open]').waitFor({ state: 'detached', timeout: 5000 });
    await page.waitForTimeout(200);
    assert(!(await hook('paused')), 'the game is paused after closing Settings');
    await page.keyboard.press('p');
    assert(!(await hook('paused')), 'P still pauses after pause moved to O');
    await page.keyboard.press('o');
    assert(await hook('paused'), 'O does not pause');
    await page.keyboard.press('o');
    assert(!(await hook('paused')), 'O does not resume');
    // back to the defaults for the checks that follow
    await page.locator('.player').hover();
    await page.locator('[data-action="gear"]').click();
    await page.locator('dialog.modal[open] .tab[data-tab="Hotkeys"]').click();
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await page.waitForFunction(() => document.querySelector('dialog.modal[open] [data-hotkey="pause"]')?.textContent === 'P', null, { timeout: 5000 });
    await page.keyboard.press('Escape');
    return 'pause moved to O and back; the clash with ← shown; settings-hotkeys.png';
  });

  await check('rough edges: the toolbar hides after a click, FPS is right soon after a dialog, the screenshot toast says where', async () => {
    await page.evaluate(() => window.__arcadeTest.resume());
    await page.locator('.player').hover();
    await page.locator('[data-action="volume"]').click();
    await page.locator('[data-action="volume"]').click();
    await page.mouse.move(640, 300);
    await page.waitForTimeout(2800);
    const opacity = await page.locator('.toolbar').evaluate((el) => getComputedStyle(el).opacity);
    assert(Number(opacity) < 0.05, `the toolbar is still shown (opacity ${opacity}) after clicking a button and waiting`);
    await page.evaluate(() => window.__arcadeTest.setVideo({ showFps: true }));
    await page.keyboard.press('F5');
    await page.locator('dialog.modal[open]').waitFor({ timeout: 5000 });
    await page.waitForTimeout(1500);
    // behind the dialog the game is paused: the readout says so instead of averaging the paused time
    const behind = await hook('fpsText');
    assert(/^paused/.test(behind), `while the dialog is open the readout shows "${behind}"`);
    await page.keyboard.press('Escape');
    // right after the dialog no number may appear before a whole half-second window of play was measured
    // (the old readout showed a 1 s average including the paused time, e.g. "31.7 fps · 52 %")
    const t0 = Date.now();
    const early = [];
    while (Date.now() - t0 < 380) { early.push(await hook('fpsText')); await page.waitForTimeout(60); }
    assert(early.every((t) => !/^[\d.]+ fps/.test(t)), `readings in the first 0.4 s after the dialog: ${early.join(' | ')}`);
    await page.waitForFunction(() => /^[\d.]+ fps/.test(window.__arcadeTest.fpsText()), null, { timeout: 3000 });
    const readings = [await hook('fpsText')];
    await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
    await page.keyboard.press('F12');
    const msg = await page.locator('.toast', { hasText: 'Screenshot' }).first().textContent({ timeout: 5000 });
    assert(/ in /.test(msg), `screenshot toast "${msg}" does not say where the file went`);
    return `toolbar opacity ${opacity} after a click; readout "${behind}" behind the dialog, "${early[0]}" just after, then "${readings[0]}"; "${msg}"`;
  });
}

/** Checks in the library (run.mjs calls this right after Esc returned from the game to the library). */
export async function libraryChecks({ page, hook, check, assert, RESULTS, SET }) {
  await check('keyboard: focus returns to the game\'s card; arrows move between cards; Enter selects, a second Enter plays', async () => {
    const f = await hook('focused');
    assert(f?.set === SET, `after Esc, focus is on ${JSON.stringify(f)}, not the ${SET} card`);
    const title = () => page.locator('.details-head h2').textContent();
    const t0 = await title();
    await page.keyboard.press('ArrowRight');
    const f1 = await hook('focused');
    assert(f1?.set && f1.set !== SET, `ArrowRight left focus on ${JSON.stringify(f1)}`);
    const t1 = await title();
    assert(t1 !== t0, 'the details did not follow the selection');
    await page.keyboard.press('ArrowLeft');
    assert((await hook('focused'))?.set === SET, 'ArrowLeft did not come back');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert((await hook('view')) === 'library', 'the first Enter started the game');
    await page.screenshot({ path: join(RESULTS, 'library-keyboard.png') });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__arcadeTest.view() === 'player' && window.__arcadeTest.frame() > 5, null, { timeout: 20000 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__arcadeTest.view() === 'library', null, { timeout: 5000 });
    const back = await hook('focused');
    assert(back?.set === SET, `focus was not restored to the card after the game: ${JSON.stringify(back)}`);
    const fabs = await page.locator('.card .play-fab').evaluateAll((els) => els.map((e) => e.tabIndex));
    assert(fabs.every((t) => t === -1), `hover-only Play buttons are tab stops: ${fabs}`);
    return `"${t0}" → "${t1}" and back; Enter, Enter plays; library-keyboard.png`;
  });

  await check('details: the chips come from the emulator worker (the UI thread builds no machine)', async () => {
    await page.waitForFunction(() => document.querySelector('.details .chips:not([aria-busy])')?.children.length > 0, null, { timeout: 20000 });
    const chips = await page.locator('.details .chips li').allTextContents();
    // pacdemo: MAME pacman.cpp, a Z80 at 18.432 MHz / 6
    const want = SET === 'pacdemo' ? /^Zilog Z80 maincpu · 3\.072 MHz$/ : /^\S+ maincpu · /;
    assert(chips.some((c) => want.test(c)), `${SET}'s details list ${JSON.stringify(chips)}`);
    return chips.join('; ');
  });

  await check('gamepad: the d-pad moves through the library', async () => {
    const before = (await hook('focused'))?.set;
    await page.evaluate(() => {
      const pad = (pressed) => ({ id: 'e2e pad', index: 0, connected: true, mapping: 'standard', axes: [0, 0, 0, 0],
        buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: pressed === i, touched: pressed === i, value: pressed === i ? 1 : 0 })) });
      navigator.getGamepads = () => [pad(15), null, null, null];
      setTimeout(() => { navigator.getGamepads = () => [pad(-1), null, null, null]; }, 150);
    });
    await page.waitForTimeout(400);
    const after = (await hook('focused'))?.set;
    assert(after && after !== before, `d-pad right left the focus on ${after}`);
    await page.keyboard.press('ArrowLeft');
    return `${before} → ${after}`;
  });

  await check('gamepad in a dialog: the d-pad moves the focus, B closes it', async () => {
    await page.locator('.topbar [aria-label="Settings"]').click();
    await page.locator('dialog.modal[open]').waitFor({ timeout: 5000 });
    const pad = async (button) => {
      await page.evaluate((b) => {
        const mk = (p) => ({ id: 'e2e pad', index: 0, connected: true, mapping: 'standard', axes: [0, 0, 0, 0],
          buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: p === i, touched: p === i, value: p === i ? 1 : 0 })) });
        navigator.getGamepads = () => [mk(b), null, null, null];
        setTimeout(() => { navigator.getGamepads = () => [mk(-1), null, null, null]; }, 120);
      }, button);
      await page.waitForTimeout(300);
    };
    const before = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60));
    await pad(13);
    const after = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60));
    assert(after !== before, 'the d-pad did not move the focus in the dialog');
    await pad(1);
    assert(await page.locator('dialog.modal[open]').count() === 0, 'pad B did not close the dialog');
    return `focus ${before} → ${after}; B closed Settings`;
  });

  await check('toasts do not cover the library\'s details title', async () => {
    await page.evaluate(() => { document.querySelectorAll('.toast').forEach((t) => t.remove()); });
    await page.locator(`.card[data-set="${SET}"]`).click();
    await page.evaluate(() => window.dispatchEvent(new DragEvent('drop', { dataTransfer: new DataTransfer(), bubbles: true, cancelable: true })));
    const toast = await page.locator('.toast').first().boundingBox({ timeout: 5000 });
    const title = await page.locator('.details-head h2').boundingBox();
    const overlap = toast && title && toast.x < title.x + title.width && title.x < toast.x + toast.width && toast.y < title.y + title.height && title.y < toast.y + toast.height;
    assert(!overlap, `toast ${JSON.stringify(toast)} covers the title ${JSON.stringify(title)}`);
    return 'toast below the details';
  });
}

/** After the drop check made `pacman` playable from pacdemo's files with wrong checksums. */
export async function badSetArtCheck({ page, hook, check, assert }) {
  await check('a set with wrong checksums gets no card picture from its frames', async () => {
    await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
    await page.locator('.card[data-set="pacman"]').click();
    await page.locator('.details [data-action="play"]').click();
    await page.waitForFunction(() => window.__arcadeTest.view() === 'player' && window.__arcadeTest.frame() > 90, null, { timeout: 20000 })
      .catch(async (e) => { throw new Error(`${e.message}; view ${await hook('view')}, frame ${await hook('frame')}, toasts: ${await page.locator('.toast').allTextContents()}`); });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__arcadeTest.view() === 'library', null, { timeout: 5000 });
    await page.waitForTimeout(800);
    const imgs = await page.locator('.card[data-set="pacman"] img.art-img').count();
    assert(imgs === 0, 'the wrong-checksum set got its frame as card art');
    return 'pacman (wrong checksums) played, no card art saved';
  });
}
