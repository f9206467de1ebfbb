// Z80.run() holds a generated copy of execMain's opcode switch (cpus/z80/gen-run-loop.mjs); this fails when
// someone edits execMain (or the copy) without regenerating.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/cli/paths';

it('z80 run() loop is in sync with execMain', () => {
  const out = execFileSync(process.execPath, [join(REPO_ROOT, 'cpus', 'z80', 'gen-run-loop.mjs'), '--check'], { encoding: 'utf8' });
  expect(out).toContain('up to date');
});
