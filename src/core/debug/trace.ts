/**
 * Instruction traces in the format of MAME 0.251's debugger `trace` command, so that `diff` against a
 * trace MAME wrote for the same ROMs, inputs and frames is empty:
 *
 * - one line per instruction: the PC in uppercase hex padded to the space's address width, `: `, then the
 *   disassembly (MAME's text; cpus/z80/z80.dasm.ts matches it for the Z80);
 * - loops collapse: MAME remembers the last 64 PCs it wrote (a ring that starts filled with zeros); an
 *   instruction whose PC is in that ring twice or more is not written but counted, and the next written
 *   line is preceded by a blank line, `   (loops for N instructions)` and another blank line;
 * - a count still pending when the trace is turned off is not written.
 * Facts from MAME 0.251's behaviour (traces recorded with tools/make-golden-trace.sh), not its code.
 */
const HISTORY = 64;

export class MameTracer {
  private readonly history = new Int32Array(HISTORY);
  private next = 0;
  private loops = 0;
  private readonly digits: number;

  constructor(
    addrBits: number,
    private readonly disassemble: (pc: number) => string,
    private readonly write: (text: string) => void,
  ) {
    this.digits = Math.ceil(addrBits / 4);
  }

  instruction(pc: number): void {
    const h = this.history;
    let count = 0;
    for (let i = 0; i < HISTORY; i++) if (h[i] === pc) count++;
    if (count > 1) { this.loops++; return; }
    if (this.loops !== 0) this.write(`\n   (loops for ${this.loops} instructions)\n\n`);
    this.loops = 0;
    this.write(`${pc.toString(16).toUpperCase().padStart(this.digits, '0')}: ${this.disassemble(pc)}\n`);
    this.next = (this.next + 1) % HISTORY;
    h[this.next] = pc;
  }
}
