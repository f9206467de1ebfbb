/**
 * e2e checks for issue #19 (bad input in the app), run by run.mjs in the library view after the first
 * zip drop (pacdemo's files as pacman.zip): a worse zip never replaces a better one, a multi-selection
 * imports every good zip and names each bad one, messages are for players (no IPC internals, the file
 * named once), and Settings → ROMs follows drops and removals while it is open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Drop files (name → bytes) on the window, as a player dragging them from a file manager. */
async function drop(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const [name, b64] of list) dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'application/zip' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, Object.entries(files).map(([n, b]) => [n, Buffer.from(b).toString('base64')]));
}

async function toasts(page) {
  return page.locator('.toast').evaluateAll((els) => els.map((e) => e.textContent));
}

async function clearToasts(page) {
  await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
}

/** The texts of the ROMs list in the open Settings dialog. */
async function romList(page) {
  return page.locator('dialog.modal[open] .tab-body.roms li .mono').allTextContents();
}

export async function robustChecks({ page, check, assert, hook, ROOT, RESULTS, SET }) {
  const { zipSync } = await import('fflate');
  const dir = join(ROOT, 'homebrew', SET);
  const setFiles = Object.fromEntries(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
  const status = async (name) => (await hook('entries')).find((x) => x.name === name)?.status;

  await check('#19: an empty or worse pacman.zip is refused with the reason; Pac-Man stays playable', async () => {
    await clearToasts(page);
    const before = await status('pacman');
    assert(before === 'badChecksum', `pacman is ${before} before`);
    const some = Object.fromEntries(Object.entries(setFiles).slice(0, 2));
    await drop(page, { 'pacman.zip': zipSync({}) });
    await page.waitForFunction(() => document.querySelectorAll('.toast-error').length >= 1, null, { timeout: 10000 });
    await drop(page, { 'pacman.zip': zipSync(some) });
    await page.waitForFunction(() => document.querySelectorAll('.toast-error').length >= 2, null, { timeout: 10000 });
    const t = await toasts(page);
    assert(t.some((x) => /^pacman\.zip holds no files; it was not added/.test(x)), `toasts: ${JSON.stringify(t)}`);
    assert(t.some((x) => /^Kept the pacman\.zip you added before/.test(x)), `toasts: ${JSON.stringify(t)}`);
    assert(!t.some((x) => /^Added/.test(x)), `an "Added" notice for a refused zip: ${JSON.stringify(t)}`);
    const after = await status('pacman');
    assert(after === 'badChecksum', `pacman became ${after}`);
    return `pacman stays ${after}; ${t.length} notices`;
  });

  await check('#19: player messages: no "invalid IPC argument", the file named once, odd names matched by CRC', async () => {
    await clearToasts(page);
    await drop(page, {
      'random.zip': new Uint8Array(300).map((_, i) => (i * 37 + 11) & 0xff),
      'damaged.zip': new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9]),
      'Pac Demo [!].zip': zipSync(setFiles),
    });
    await page.waitForFunction(() => document.querySelectorAll('.toast').length >= 3, null, { timeout: 10000 });
    const t = await toasts(page);
    for (const text of t) {
      assert(!/IPC argument|Error invoking/.test(text), `internal wording: ${text}`);
      const file = /^(random\.zip|damaged\.zip)/.exec(text)?.[1];
      if (file) assert(text.split(file).length === 2, `name doubled: ${text}`);
    }
    assert(t.some((x) => /^random\.zip is not a zip archive/.test(x)), JSON.stringify(t));
    assert(t.some((x) => /^damaged\.zip: not a readable zip file/.test(x)), JSON.stringify(t));
    assert(t.some((x) => x === 'Added 1 zip.'), JSON.stringify(t));
    await page.screenshot({ path: join(RESULTS, 'robust-messages.png') });
    return t.join(' | ');
  });

  await check('#19: a multi-selection imports every good zip and names each bad one; Settings → ROMs is live', async () => {
    await clearToasts(page);
    await page.getByRole('button', { name: 'Settings' }).first().click();
    await page.locator('dialog.modal[open] .tab[data-tab="ROMs"]').click();
    const listed0 = await romList(page);
    assert(listed0.includes('pacman.zip') && listed0.includes(`${SET}.zip`), `ROMs tab shows ${JSON.stringify(listed0)}`);
    // Remove pacman.zip: the list follows at once, without closing the dialog.
    await page.locator('dialog.modal[open] .tab-body.roms li', { hasText: 'pacman.zip' }).getByRole('button', { name: 'Remove' }).click();
    await page.waitForFunction(() => ![...document.querySelectorAll('dialog.modal[open] .tab-body.roms li .mono')].some((e) => e.textContent === 'pacman.zip'), null, { timeout: 5000 });
    assert(await status('pacman') === 'notFound', `pacman is ${await status('pacman')} after removal`);
    // The picker: one good zip between two bad ones.
    const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
    await page.locator('dialog.modal[open]').getByRole('button', { name: 'Add ROM zips…' }).click();
    await (await chooser).setFiles([
      { name: 'junk.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') },
      { name: 'pacman.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(setFiles)) },
      { name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ 'readme.txt': new Uint8Array(10) })) },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.toast-error').length >= 1, null, { timeout: 10000 });
    const t = await toasts(page);
    const msg = t.find((x) => /Not added/.test(x)) ?? '';
    assert(/^Added 1 zip\. Not added: junk\.zip is not a zip archive.* notes\.zip holds no file of any supported game/.test(msg), `message: ${JSON.stringify(t)}`);
    await page.waitForFunction(() => [...document.querySelectorAll('dialog.modal[open] .tab-body.roms li .mono')].some((e) => e.textContent === 'pacman.zip'), null, { timeout: 5000 });
    const listed = await romList(page);
    assert(await status('pacman') === 'badChecksum', `pacman is ${await status('pacman')} after the picker`);
    // A drop while Settings is open shows up in the list too.
    await drop(page, { 'pacman.zip': zipSync({}) }); // refused: the list keeps pacman.zip
    await page.screenshot({ path: join(RESULTS, 'robust-settings-roms.png') });
    await page.keyboard.press('Escape');
    return `ROMs list after remove + pick: ${listed.join(', ')}`;
  });
}
