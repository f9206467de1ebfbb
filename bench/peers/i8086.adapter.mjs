// Our 8086 core (cpus/i8086) for `npm run bench` and for ../shared/bench/peers/run.mjs --adapter.
// Loads the TypeScript source through tsx (a project dependency), so it needs no build step.
// The workload is a 64 KB "BIOS" at 0xF0000 on a flat 1 MB RAM; the CPU resets to FFFF:0000 (the
// same physical address as the workload's F000:FFF0). The run ends at the workload's OUT 0E0h, which
// an I/O handler turns into endSlice(), exactly as a machine's device would stop the CPU's slice.
import { tsImport } from 'tsx/esm/api';

const { I8086 } = await tsImport('../../cpus/i8086/i8086.ts', import.meta.url);
const { AddressSpace } = await tsImport('../../src/core/memory.ts', import.meta.url);

const SLICE = 100_000; // clocks per run() call, about a scanline batch of a real machine's scheduler

export default {
  name: 'arcade i8086',
  cpu: '8086',
  pkg: null,
  kind: 'TS interpreter',
  setup({ image, workload }) {
    const program = AddressSpace.flatRam({ name: 'program', addrBits: 20, endian: 'little', dataBits: 16 });
    program.mem.set(image, workload.loadAddr);
    const io = new AddressSpace({ name: 'io', addrBits: 16 }, new Uint8Array(0));
    let done = false;
    let cpu;
    io.mapHandler(0x0000, 0x00ff, {
      read: () => 0xff,
      write: (port) => { if (port === workload.donePort) { done = true; cpu.endSlice(); } },
    });
    cpu = new I8086('maincpu', 8_000_000, program, io, '8086');
    cpu.reset();
    return {
      mem: program.mem,
      run(maxInstructions) {
        const i0 = cpu.instructions;
        let cycles = 0;
        while (!done && cpu.instructions - i0 < maxInstructions) cycles += cpu.run(SLICE);
        return { instructions: cpu.instructions - i0, cycles };
      },
      result: () => workload.readResult(program.mem),
    };
  },
};
