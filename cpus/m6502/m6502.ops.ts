/**
 * The NMOS 6502 opcode table: one row per opcode, mnemonic and addressing mode. It drives the code
 * generator (`tools/gen-m6502.ts` → `m6502.gen.ts`: bus sequence and cycle count of every opcode) and
 * the disassembler (`m6502.dasm.ts`), so the three can never disagree.
 *
 * Undocumented opcodes carry the names of "NMOS 6510 Unintended Opcodes — No More Secrets"
 * (groepaz, 2023): slo rla sre rra sax lax dcp isc anc alr arr ane lxa sbx usbc sha shx shy tas las jam,
 * plus `nop` for the multi-byte NOPs. Their behaviour is the one the shared SingleStepTests vectors record.
 */

export type Mode =
  | 'imp' // implied (one dummy read of PC)
  | 'acc' // accumulator
  | 'imm' // #$nn
  | 'zp' // $nn
  | 'zpx' // $nn,x
  | 'zpy' // $nn,y
  | 'abs' // $nnnn
  | 'abx' // $nnnn,x
  | 'aby' // $nnnn,y
  | 'izx' // ($nn,x)
  | 'izy' // ($nn),y
  | 'ind' // ($nnnn) (JMP only)
  | 'rel'; // branch target

/** Instruction length in bytes per addressing mode. */
export const MODE_LENGTH: Record<Mode, number> = {
  imp: 1, acc: 1, imm: 2, zp: 2, zpx: 2, zpy: 2, abs: 3, abx: 3, aby: 3, izx: 2, izy: 2, ind: 3, rel: 2,
};

// 16 rows of 16: "mnemonic mode" per opcode, in opcode order.
const ROWS = [
  'brk imp|ora izx|jam imp|slo izx|nop zp|ora zp|asl zp|slo zp|php imp|ora imm|asl acc|anc imm|nop abs|ora abs|asl abs|slo abs',
  'bpl rel|ora izy|jam imp|slo izy|nop zpx|ora zpx|asl zpx|slo zpx|clc imp|ora aby|nop imp|slo aby|nop abx|ora abx|asl abx|slo abx',
  'jsr abs|and izx|jam imp|rla izx|bit zp|and zp|rol zp|rla zp|plp imp|and imm|rol acc|anc imm|bit abs|and abs|rol abs|rla abs',
  'bmi rel|and izy|jam imp|rla izy|nop zpx|and zpx|rol zpx|rla zpx|sec imp|and aby|nop imp|rla aby|nop abx|and abx|rol abx|rla abx',
  'rti imp|eor izx|jam imp|sre izx|nop zp|eor zp|lsr zp|sre zp|pha imp|eor imm|lsr acc|alr imm|jmp abs|eor abs|lsr abs|sre abs',
  'bvc rel|eor izy|jam imp|sre izy|nop zpx|eor zpx|lsr zpx|sre zpx|cli imp|eor aby|nop imp|sre aby|nop abx|eor abx|lsr abx|sre abx',
  'rts imp|adc izx|jam imp|rra izx|nop zp|adc zp|ror zp|rra zp|pla imp|adc imm|ror acc|arr imm|jmp ind|adc abs|ror abs|rra abs',
  'bvs rel|adc izy|jam imp|rra izy|nop zpx|adc zpx|ror zpx|rra zpx|sei imp|adc aby|nop imp|rra aby|nop abx|adc abx|ror abx|rra abx',
  'nop imm|sta izx|nop imm|sax izx|sty zp|sta zp|stx zp|sax zp|dey imp|nop imm|txa imp|ane imm|sty abs|sta abs|stx abs|sax abs',
  'bcc rel|sta izy|jam imp|sha izy|sty zpx|sta zpx|stx zpy|sax zpy|tya imp|sta aby|txs imp|tas aby|shy abx|sta abx|shx aby|sha aby',
  'ldy imm|lda izx|ldx imm|lax izx|ldy zp|lda zp|ldx zp|lax zp|tay imp|lda imm|tax imp|lxa imm|ldy abs|lda abs|ldx abs|lax abs',
  'bcs rel|lda izy|jam imp|lax izy|ldy zpx|lda zpx|ldx zpy|lax zpy|clv imp|lda aby|tsx imp|las aby|ldy abx|lda abx|ldx aby|lax aby',
  'cpy imm|cmp izx|nop imm|dcp izx|cpy zp|cmp zp|dec zp|dcp zp|iny imp|cmp imm|dex imp|sbx imm|cpy abs|cmp abs|dec abs|dcp abs',
  'bne rel|cmp izy|jam imp|dcp izy|nop zpx|cmp zpx|dec zpx|dcp zpx|cld imp|cmp aby|nop imp|dcp aby|nop abx|cmp abx|dec abx|dcp abx',
  'cpx imm|sbc izx|nop imm|isc izx|cpx zp|sbc zp|inc zp|isc zp|inx imp|sbc imm|nop imp|usbc imm|cpx abs|sbc abs|inc abs|isc abs',
  'beq rel|sbc izy|jam imp|isc izy|nop zpx|sbc zpx|inc zpx|isc zpx|sed imp|sbc aby|nop imp|isc aby|nop abx|sbc abx|inc abx|isc abx',
];

export interface OpInfo {
  readonly op: number;
  readonly mnemonic: string;
  readonly mode: Mode;
  /** Not in the MOS programming manual (undocumented / "illegal"). */
  readonly undocumented: boolean;
}

/** The 151 documented opcodes of the MCS6500 family programming manual. */
const DOCUMENTED = new Set(
  ('00 01 05 06 08 09 0a 0d 0e 10 11 15 16 18 19 1d 1e 20 21 24 25 26 28 29 2a 2c 2d 2e 30 31 35 36 38 39 3d 3e ' +
    '40 41 45 46 48 49 4a 4c 4d 4e 50 51 55 56 58 59 5d 5e 60 61 65 66 68 69 6a 6c 6d 6e 70 71 75 76 78 79 7d 7e ' +
    '81 84 85 86 88 8a 8c 8d 8e 90 91 94 95 96 98 99 9a 9d a0 a1 a2 a4 a5 a6 a8 a9 aa ac ad ae b0 b1 b4 b5 b6 b8 ' +
    'b9 ba bc bd be c0 c1 c4 c5 c6 c8 c9 ca cc cd ce d0 d1 d5 d6 d8 d9 dd de e0 e1 e4 e5 e6 e8 e9 ea ec ed ee f0 ' +
    'f1 f5 f6 f8 f9 fd fe')
    .split(' ')
    .map((h) => parseInt(h, 16)),
);

export const OPCODES: readonly OpInfo[] = ROWS.flatMap((row, hi) =>
  row.split('|').map((cell, lo) => {
    const [mnemonic, mode] = cell.split(' ') as [string, Mode];
    const op = hi * 16 + lo;
    return { op, mnemonic, mode, undocumented: !DOCUMENTED.has(op) };
  }),
);

if (OPCODES.length !== 256 || DOCUMENTED.size !== 151) throw new Error('m6502 opcode table is malformed');
