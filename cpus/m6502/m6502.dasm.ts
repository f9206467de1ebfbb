/**
 * 6502 disassembler, driven by the opcode table (`m6502.ops.ts`). Output is lowercase with `$` hex,
 * e.g. `lda ($12),y`, `bne $c004`; undocumented opcodes use their common names (`lax`, `dcp`, `jam`).
 */
import { MODE_LENGTH, OPCODES } from './m6502.ops';

function h2(v: number): string { return '$' + v.toString(16).padStart(2, '0'); }
function h4(v: number): string { return '$' + v.toString(16).padStart(4, '0'); }

export function disassembleM6502(addr: number, peek: (addr: number) => number): { text: string; length: number } {
  const info = OPCODES[peek(addr & 0xffff) & 0xff];
  const length = MODE_LENGTH[info.mode];
  const b1 = peek((addr + 1) & 0xffff) & 0xff;
  const w = b1 | ((peek((addr + 2) & 0xffff) & 0xff) << 8);
  const m = info.mnemonic;
  switch (info.mode) {
    case 'imp': return { text: m, length };
    case 'acc': return { text: `${m} a`, length };
    case 'imm': return { text: `${m} #${h2(b1)}`, length };
    case 'zp': return { text: `${m} ${h2(b1)}`, length };
    case 'zpx': return { text: `${m} ${h2(b1)},x`, length };
    case 'zpy': return { text: `${m} ${h2(b1)},y`, length };
    case 'abs': return { text: `${m} ${h4(w)}`, length };
    case 'abx': return { text: `${m} ${h4(w)},x`, length };
    case 'aby': return { text: `${m} ${h4(w)},y`, length };
    case 'izx': return { text: `${m} (${h2(b1)},x)`, length };
    case 'izy': return { text: `${m} (${h2(b1)}),y`, length };
    case 'ind': return { text: `${m} (${h4(w)})`, length };
    case 'rel': return { text: `${m} ${h4((addr + 2 + ((b1 << 24) >> 24)) & 0xffff)}`, length };
  }
}
