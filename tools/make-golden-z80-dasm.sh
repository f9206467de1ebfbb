#!/usr/bin/env bash
# test/debug/z80-dasm-mame.tsv: MAME 0.251's Z80 disassembly of every opcode pattern (main, CB, ED, DD, FD,
# DDCB, FDCB pages; 1792 patterns, one every 8 bytes, operands with hex letters in them), recorded with the
# debugger's `dasm` command on a Pac-Man board whose program ROMs hold the patterns (graphics and PROMs
# from homebrew/pacdemo). Columns: address, the 4 bytes there, MAME's length, MAME's text.
# usage: tools/make-golden-z80-dasm.sh [OUT]   (default test/debug/z80-dasm-mame.tsv); needs MAME, python3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/test/debug/z80-dasm-mame.tsv}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/roms" && cp "$root"/homebrew/pacdemo/* "$tmp/roms/"
python3 - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
rom = bytearray(0x4000)
pats = [[op, 0xab, 0xcd, 0x56] for op in range(256)] + [[0xcb, op, 0, 0] for op in range(256)] \
     + [[0xed, op, 0xef, 0xbe] for op in range(256)] + [[0xdd, op, 0x85, 0xfe] for op in range(256)] \
     + [[0xfd, op, 0x0c, 0xa2] for op in range(256)] + [[0xdd, 0xcb, 0x0e, op] for op in range(256)] \
     + [[0xfd, 0xcb, 0xf0, op] for op in range(256)]
for i, p in enumerate(pats): rom[i * 8:i * 8 + 4] = bytes(p)
open(tmp + '/patterns.bin', 'wb').write(rom)
for i, n in enumerate(['pacman.6e', 'pacman.6f', 'pacman.6h', 'pacman.6j']):
    open(tmp + '/roms/' + n, 'wb').write(rom[i * 0x1000:(i + 1) * 0x1000])
PY
"$root/tools/mame-debug.sh" pacman "$tmp/roms" "$root/tools/mame-debug/dasm.lua" DASM_OUT="$tmp/dasm.txt" DASM_START=0 DASM_LENGTH=3810
python3 - "$tmp" "$out" <<'PY'
import sys
tmp, out = sys.argv[1:]
rom = open(tmp + '/patterns.bin', 'rb').read()
text, order = {}, []
for line in open(tmp + '/dasm.txt'):
    a, t = line.rstrip('\n').split(': ', 1)
    text[int(a, 16)] = t; order.append(int(a, 16))
pos = {a: i for i, a in enumerate(order)}
rows = ['# MAME 0.251 Z80 disassembly (debugger `dasm`) of every opcode pattern; made by tools/make-golden-z80-dasm.sh',
        '# address\tbytes\tlength\ttext']
for i in range(1792):
    a = i * 8
    rows.append('%04x\t%s\t%d\t%s' % (a, rom[a:a + 4].hex(), order[pos[a] + 1] - a, text[a]))
open(out, 'w').write('\n'.join(rows) + '\n')
PY
echo "make-golden-z80-dasm: $(($(wc -l < "$out") - 2)) patterns -> ${out#$root/}"
