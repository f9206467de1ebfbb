export function disassembleM68000(addr: number, peek: (addr: number) => number): { text: string; length: number } {
  const op = (peek(addr) << 8) | peek(addr + 1);
  return { text: `dc.w $${op.toString(16).padStart(4, '0')}`, length: 2 };
}
