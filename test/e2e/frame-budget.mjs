/**
 * e2e block for issue #16 (speed): the app's frame budget on the stress set `pacstress` (CPU busy
 * every cycle, all tile and colour RAM rewritten every frame, 8 moving sprites, 3 changing voices).
 * Run by run.mjs; plays the set in real time through the normal UI for 10 s and prints:
 *   - worker: ms of emulation per frame (runFrame, audio hand-off and the frame copy, as timed by the
 *     worker for each 'frame' message),
 *   - main thread: ms per shown frame spent on the worker's 'frame' messages (copy, texture upload and
 *     draw), and ms per shown frame of all main-thread tasks (Chrome's Performance.getMetrics
 *     TaskDuration: also the rAF pacing loop, UI, audio polling, GC),
 *   - dropped frames: emulated frames due in 10 s at the game's refresh rate that never ran (the pacer
 *     drops what it cannot catch up), and frames that ran but were never shown (run in batches).
 * A measurement, not a speed assertion (the host is shared and headless Chromium renders in software);
 * it fails only when the game does not run.
 */
const SET = 'pacstress';
const SECONDS = 10;

export async function frameBudgetChecks({ page, check, assert, hook }) {
  await check(`#16 frame budget: ${SET} played for ${SECONDS} s (worker ms/frame, main-thread ms/frame, dropped frames)`, async () => {
    await hook('backToLibrary');
    await page.waitForFunction(() => window.__arcadeTest.view() === 'library', null, { timeout: 10000 });
    await page.locator(`.card[data-set="${SET}"]`).click();
    await page.locator('.details [data-action="play"]').click();
    await page.waitForFunction((s) => window.__arcadeTest.current() === s && window.__arcadeTest.frame() > 60, SET, { timeout: 30000 });
    const info = await hook('info');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;

    const s0 = await hook('stats');
    const f0 = await hook('frame');
    const task0 = await taskSeconds();
    const t0 = Date.now();
    await page.waitForTimeout(SECONDS * 1000);
    const s1 = await hook('stats');
    const f1 = await hook('frame');
    const task1 = await taskSeconds();
    const elapsed = (Date.now() - t0) / 1000;
    await cdp.detach();

    const ran = s1.framesRun - s0.framesRun;
    const shown = s1.framesShown - s0.framesShown;
    assert(ran > 0 && f1 > f0, `${SET} did not run (${ran} frames in ${elapsed.toFixed(1)} s)`);
    const workerMs = (s1.workerMs - s0.workerMs) / ran;
    const mainMs = (s1.mainMs - s0.mainMs) / shown;
    const taskMs = ((task1 - task0) * 1000) / shown;
    const due = Math.round(elapsed * info.refreshHz);
    const dropped = Math.max(0, due - ran);
    const budget = 1000 / info.refreshHz;
    const figures = `worker ${workerMs.toFixed(2)} ms/frame emulating (budget ${budget.toFixed(1)} ms); `
      + `main thread ${mainMs.toFixed(2)} ms/frame on frames, ${taskMs.toFixed(2)} ms/frame all tasks; `
      + `${ran} of ${due} due frames ran in ${elapsed.toFixed(1)} s (dropped ${dropped}), ${shown} shown (${ran - shown} run but not shown)`;
    console.log(`    frame budget: ${figures}`);
    return figures;
  });
}
