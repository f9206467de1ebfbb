// cpus/z80/z80.gen.ts is generated from the opcode table (cpus/z80/z80.ops.ts) by tools/gen-z80.ts; this
// fails when someone edits the table, the generator or the generated file without regenerating.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generate, GENERATED_FILE } from '../../tools/gen-z80';

it('cpus/z80/z80.gen.ts is what tools/gen-z80.ts makes of the opcode table (run `npx tsx tools/gen-z80.ts`)', () => {
  expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generate());
});
