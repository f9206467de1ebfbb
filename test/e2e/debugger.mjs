/**
 * End-to-end checks of the debugger panel (issue #15): it opens beside the running game without pausing
 * it, a breakpoint stops the game where the program's listing says, F11 steps one instruction, the
 * memory view shows the machine's RAM and edits it. Called from test/e2e/run.mjs with the player open
 * on pacdemo. Expected addresses come from homebrew/pacman/pacdemo.asm and its z80asm listing: the main
 * loop calls the sound routine at 0B07 once per frame, which begins `ld a,($4C30)` / `or a` (0B0A).
 */
import { join } from 'node:path';

export async function debuggerChecks({ page, hook, check, assert, RESULTS, SET }) {
  if (SET !== 'pacdemo') return;
  const view = () => hook('debuggerView');
  const cmd = (line) => page.evaluate((l) => window.__arcadeTest.debuggerCommand(l), line);

  await check('debugger: F9 opens the panel beside the game, which keeps running', async () => {
    await page.evaluate(() => window.__arcadeTest.resume());
    await page.keyboard.press('F9');
    await page.locator('.debugger-panel:not([hidden])').waitFor({ timeout: 5000 });
    await page.waitForFunction(() => window.__arcadeTest.debuggerView()?.attached === true, null, { timeout: 5000 });
    const f0 = await hook('frame');
    await page.waitForTimeout(600);
    const f1 = await hook('frame');
    assert(f1 > f0 + 10, `the game ran ${f1 - f0} frames in 0.6 s with the panel open`);
    const v = await view();
    assert(v.cpus.join() === 'maincpu' && !v.paused, `panel view: cpus ${v.cpus}, paused ${v.paused}`);
    await page.screenshot({ path: join(RESULTS, 'debugger-open.png') });
    return `panel open, game ran ${f1 - f0} frames meanwhile; debugger-open.png`;
  });

  await check('debugger: a breakpoint stops the game at the listed address; F11 steps one instruction', async () => {
    await cmd('bp b07');
    await page.waitForFunction(() => window.__arcadeTest.debuggerView()?.paused === true, null, { timeout: 10000 });
    await page.waitForFunction(() => /Stopped at breakpoint 1/.test(document.querySelector('.dbg-status')?.textContent ?? ''), null, { timeout: 5000 });
    let v = await view();
    assert(v.pc === 0x0b07, `stopped at ${v.pc.toString(16)}`);
    const pcLine = await page.locator('.dbg-line.pc').textContent();
    assert(/^0B07 .*ld   a,\(\$4C30\)/.test(pcLine), `PC line '${pcLine}'`);
    const f = await hook('frame');
    await page.waitForTimeout(300);
    assert((await hook('frame')) === f, 'the game ran on while stopped at the breakpoint');
    await page.locator('.debugger-panel').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F11');
    await page.waitForFunction(() => window.__arcadeTest.debuggerView()?.pc === 0x0b0a, null, { timeout: 5000 });
    v = await view();
    const changed = await page.locator('.dbg-reg.changed').allTextContents();
    assert(changed.some((t) => t.startsWith('PC=')), `changed registers after a step: ${changed.join(' ')}`);
    assert(v.breakpoints[0].hits >= 1, `hit count ${v.breakpoints[0].hits}`);
    await page.screenshot({ path: join(RESULTS, 'debugger-break.png') });
    return `stopped at 0B07 (hits ${v.breakpoints[0].hits}), stepped to 0B0A; changed: ${changed.join(' ')}; debugger-break.png`;
  });

  await check('debugger: the memory view shows work RAM and edits it', async () => {
    await page.locator('.dbg-addr').fill('4C00');
    await page.locator('.dbg-addr').press('Enter');
    await page.waitForFunction(() => window.__arcadeTest.debuggerView()?.memory?.addr === 0x4c00, null, { timeout: 5000 });
    const ram = await hook('memory', 'workram');
    const v = await view();
    const work = ram.bytes;
    assert(work && v.memory.bytes.slice(0, 16).join() === work.slice(0, 16).join(), `view ${v.memory.bytes.slice(0, 8)} vs RAM ${work?.slice(0, 8)}`);
    // edit 4D00: work RAM the program does not use (its variables end at 4CA0, the stack is at 4FF0 down)
    await page.locator('.dbg-addr').fill('4D00');
    await page.locator('.dbg-addr').press('Enter');
    await page.waitForFunction(() => window.__arcadeTest.debuggerView()?.memory?.addr === 0x4d00, null, { timeout: 5000 });
    await page.locator('.dbg-byte[data-addr="4D00"]').click();
    await page.locator('.dbg-edit').fill('5A');
    await page.locator('.dbg-edit').press('Enter');
    await page.waitForFunction(() => window.__arcadeTest.debuggerView()?.memory?.bytes[0] === 0x5a, null, { timeout: 5000 });
    const after = await hook('memory', 'workram');
    assert(after.bytes[0x100] === 0x5a, `RAM 4D00 is ${after.bytes[0x100]} after the edit`);
    await page.screenshot({ path: join(RESULTS, 'debugger-memory.png') });
    return `4C00.. equals the machine's work RAM; 4D00 edited to 5A; debugger-memory.png`;
  });

  await check("debugger: the graphics viewers draw the board's tile set, sprites, palette and tilemap", async () => {
    const v = await view();
    const ids = v.viewers.map((s) => s.id);
    assert(['video.tiles', 'video.sprites', 'video.pens', 'video.tilemap'].every((id) => ids.includes(id)), `viewers: ${ids.join(', ')}`);
    await page.locator('.dbg-viewers summary').click();
    await page.locator('.dbg-viewer').selectOption('video.tiles');
    // 256 tiles of 8×8, 16 to a row with a 1-pixel gap: 144×144
    await page.waitForFunction(() => document.querySelector('.dbg-canvas')?.width === 144, null, { timeout: 5000 });
    const size = await page.evaluate(() => { const c = document.querySelector('.dbg-canvas'); return `${c.width}x${c.height}`; });
    assert(size === '144x144', `tile set drawn ${size}`);
    await page.screenshot({ path: join(RESULTS, 'debugger-gfx.png') });
    await page.locator('.dbg-viewers summary').click();
    return `${ids.join(', ')}; tiles 144x144; debugger-gfx.png`;
  });

  await check('debugger: F5 runs again, closing the panel leaves the game running', async () => {
    await cmd('bpclear');
    await page.keyboard.press('F5');
    await page.waitForFunction(() => window.__arcadeTest.debuggerView()?.paused === false, null, { timeout: 5000 });
    await page.keyboard.press('F9');
    await page.locator('.debugger-panel').waitFor({ state: 'hidden', timeout: 5000 });
    const f0 = await hook('frame');
    await page.waitForTimeout(500);
    const f1 = await hook('frame');
    assert(f1 > f0 + 10, `the game ran ${f1 - f0} frames after closing the debugger`);
    return `closed; the game ran ${f1 - f0} frames in 0.5 s`;
  });
}
