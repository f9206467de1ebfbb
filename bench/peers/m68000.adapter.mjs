// Our MC68000 core (cpus/m68000) for `npm run bench` and ../shared/bench/peers/run.mjs --adapter
// (the harness calls this CPU '68000'). Loads the TypeScript through tsx (a project dependency): no
// build step. The workload is a 1 MB RAM image at 0 in the 24-bit big-endian space (SSP and PC come
// from the vectors at 0, as on a board). The 4 KB page holding the results and the DONE long
// (DATA+0x100C = 0x1100C) is a handler page, as an I/O page would be; the DONE store ends the slice.
import { tsImport } from 'tsx/esm/api';

const { M68000 } = await tsImport('../../cpus/m68000/m68000.ts', import.meta.url);
const { AddressSpace } = await tsImport('../../src/core/memory.ts', import.meta.url);

const SLICE = 100_000; // clocks per run() call, about a scanline batch of a real machine's scheduler

export default {
  name: 'arcade m68000',
  cpu: '68000',
  pkg: null,
  kind: 'TS interpreter, bus-cycle timing',
  setup({ image, workload }) {
    const space = new AddressSpace({ name: 'program', addrBits: 24, endian: 'big', dataBits: 16 }, new Uint8Array(workload.memSize));
    space.mapArena(0, workload.memSize - 1, 0, true);
    const mem = space.mem;
    mem.set(image, workload.loadAddr);
    const doneAddr = workload.dataBase + 0x100c;
    const page = doneAddr & ~0xfff;
    let done = false;
    let cpu;
    const check = (a) => {
      if ((a & ~3) === doneAddr && ((mem[doneAddr] << 24) | (mem[doneAddr + 1] << 16) | (mem[doneAddr + 2] << 8) | mem[doneAddr + 3]) === 1) {
        done = true;
        cpu.endSlice();
      }
    };
    space.mapHandler(page, page + 0xfff, {
      read: (a) => mem[a],
      write: (a, d) => { mem[a] = d; check(a); },
      read16: (a) => (mem[a] << 8) | mem[a + 1],
      write16: (a, d) => { mem[a] = d >> 8; mem[a + 1] = d & 0xff; check(a); },
      peek: (a) => mem[a],
    });
    cpu = new M68000('maincpu', 10_000_000, space);
    cpu.reset(); // vector fetch and first prefetch are not timed
    return {
      mem,
      run(maxInstructions) {
        const i0 = cpu.instructions;
        let cycles = 0;
        while (!done && cpu.instructions - i0 < maxInstructions) cycles += cpu.run(SLICE);
        return { instructions: cpu.instructions - i0, cycles };
      },
      result: () => ({ ...workload.readResult(mem, workload.dataBase), done }),
    };
  },
};
