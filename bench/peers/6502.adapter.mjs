// Our NMOS 6502 core (cpus/m6502) for `npm run bench` and ../shared/bench/peers/run.mjs --adapter.
// Bus-exact as in a machine: every access, dummy reads and RMW double writes included, goes through
// AddressSpace.read8/write8. The workload's RAM is a flat AddressSpace; only page $7f00-$7fff (the
// results and the "done" address $7fff) is a handler page, as an I/O page would be on a board.
// Loads the TypeScript through tsx (a project dependency): no build step.
import { tsImport } from 'tsx/esm/api';

const { M6502 } = await tsImport('../../cpus/m6502/m6502.ts', import.meta.url);
const { AddressSpace } = await tsImport('../../src/core/memory.ts', import.meta.url);

export default {
  name: 'arcade m6502',
  cpu: '6502',
  pkg: null,
  kind: 'TS interpreter, bus-exact (every cycle an AddressSpace access)',
  setup({ image, workload }) {
    const space = AddressSpace.flatRam({ name: 'program', addrBits: 16 });
    const mem = space.mem;
    mem.set(image, workload.loadAddr);
    let done = false;
    const cpu = new M6502('maincpu', 1_500_000, space);
    space.mapHandler(0x7f00, 0x7fff, {
      read: (a) => mem[a],
      write: (a, d) => {
        mem[a] = d;
        if (a === workload.doneAddr) { done = true; cpu.endSlice(); }
      },
      peek: (a) => mem[a],
    });
    cpu.reset(); // the reset sequence (7 cycles, vector at $fffc) is not timed
    return {
      mem,
      run(maxInstructions) {
        let instructions = 0, cycles = 0;
        while (!done && instructions < maxInstructions) {
          cycles += cpu.run(1_000_000);
          instructions += cpu.sliceInstructions;
        }
        return { instructions, cycles };
      },
      result: () => ({ ...workload.readResult(mem), done }),
    };
  },
};
