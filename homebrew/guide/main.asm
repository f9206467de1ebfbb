; TWOCPU main CPU (Z80) - the driver guide's example board (Arcade project homebrew, 2026, our own code).
; Assembled with Debian's z80asm by build.sh. Memory map: see drivers/example/twocpu.ts.
;   at start: counts boots in battery-backed RAM, selects bank 2 and copies one of its bytes to RAM;
;   on each scanline interrupt (IM 1, 4 per frame): counts it, sends the count to the sound CPU,
;   stores the sound CPU's reply to the previous command and the dial position, kicks nothing.

NVRAM:    equ 0xE000        ; [0] boots
RAM:      equ 0xC000        ; [0] interrupts, [1] last reply, [2] bank 2 byte, [3] dial
LATCH:    equ 0xD000        ; write: command to the sound CPU; read: its reply
BANKSEL:  equ 0xD002
DIAL:     equ 0xD003

          org 0x0000
          di
          ld sp, 0xC800
          im 1
          ld hl, NVRAM
          inc (hl)
          ld a, 2
          ld (BANKSEL), a
          ld a, (0x8123)
          ld (RAM+2), a
          ei
idle:     halt
          jr idle

          defs 0x0038 - $
irq:      push af
          ld a, (RAM)
          inc a
          ld (RAM), a
          ld (LATCH), a
          ld a, (LATCH)
          ld (RAM+1), a
          ld a, (DIAL)
          ld (RAM+3), a
          pop af
          ei
          reti
