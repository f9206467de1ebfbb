// Our Z80 core (cpus/z80) for `npm run bench` and for ../shared/bench/peers/run.mjs --adapter.
// Loads the TypeScript source through tsx (a project dependency), so it needs no build step.
// The core runs the way a machine drives it: run(budget) slices on an AddressSpace; the workload ends
// with HALT, and the T-states idled in HALT after it are not counted.
import { tsImport } from 'tsx/esm/api';

const { Z80 } = await tsImport('../../cpus/z80/z80.ts', import.meta.url);
const { AddressSpace } = await tsImport('../../src/core/memory.ts', import.meta.url);

const SLICE = 100_000; // T-states per run() call, about a scanline batch of a real machine's scheduler

export default {
  name: 'arcade z80',
  cpu: 'z80',
  pkg: null,
  kind: 'TS interpreter',
  setup({ image, workload }) {
    const program = AddressSpace.flatRam({ name: 'program', addrBits: 16 });
    const io = AddressSpace.flatRam({ name: 'io', addrBits: 16 });
    program.mem.set(image, workload.loadAddr);
    const cpu = new Z80('maincpu', 3_072_000, program, io);
    cpu.reset();
    cpu.pc = workload.entry;
    cpu.sp = workload.sp;
    return {
      mem: program.mem,
      run(maxInstructions) {
        const i0 = cpu.instructions, c0 = cpu.totalCycles - cpu.haltCycles;
        while (cpu.halted === 0 && cpu.instructions - i0 < maxInstructions) cpu.run(SLICE);
        return { instructions: cpu.instructions - i0, cycles: cpu.totalCycles - cpu.haltCycles - c0 };
      },
      result: () => workload.readResult(program.mem),
    };
  },
};
