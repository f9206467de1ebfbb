; Namco WSG test program for Pac-Man hardware (our own), assembled with Debian's z80asm.
; It plays a fixed script of sound-register writes, one script entry per VBLANK interrupt, so a
; MAME recording of it can be replayed against sound/namco-wsg/ without a Z80 (test/sound/).
;
; Script (0x1000, pacman.6f, written by mkwsgtest.py): per interrupt one entry
;   N, then N pairs (register, value): register 0x00-0x1f -> write 0x5040 + register,
;   register 0x80 -> write the sound-enable latch 0x5001; 0xFF = end of script (nothing more happens).
; RAM: 0x4C00 (16-bit) counts serviced interrupts, so the oracle's memory dump shows after which frame
; each entry was applied.

RAM:      equ 0x4C00
IRQCNT:   equ RAM+0
SCRPTR:   equ RAM+2
VBLFLAG:  equ RAM+4
STACKTOP: equ 0x4FC0
IRQEN:    equ 0x5000
SNDEN:    equ 0x5001
SNDREG:   equ 0x5040
WDOG:     equ 0x50C0
SCRIPT:   equ 0x1000

        org 0x0000
        di
        ld sp, STACKTOP
        jp start

        ds 0x0100 - $, 0xFF
irq_table:
        defw irq_handler

irq_handler:
        push af
        push bc
        push de
        push hl
        xor a
        ld (IRQEN), a           ; MAME pacman: the VBLANK line stays asserted until the mask is cleared
        ld hl, (SCRPTR)
        ld a, (hl)
        cp 0xFF
        jr z, irq_done
        ld b, a
        inc hl
        inc b
        dec b
        jr z, irq_next
irq_loop:
        ld a, (hl)              ; register
        inc hl
        ld c, (hl)              ; value
        inc hl
        cp 0x80
        jr z, irq_enable
        ld e, a
        ld d, 0
        push hl
        ld hl, SNDREG
        add hl, de
        ld (hl), c
        pop hl
        djnz irq_loop
        jr irq_next
irq_enable:
        ld a, c
        ld (SNDEN), a
        djnz irq_loop
irq_next:
        ld (SCRPTR), hl
irq_done:
        ld hl, (IRQCNT)
        inc hl
        ld (IRQCNT), hl
        ld a, 1
        ld (VBLFLAG), a
        ld (IRQEN), a
        pop hl
        pop de
        pop bc
        pop af
        ei
        reti

start:
        im 2
        ld a, irq_table >> 8
        ld i, a
        xor a
        out (0), a
        ld (IRQEN), a
        ld (SNDEN), a
        ld hl, RAM
        ld de, RAM+1
        ld bc, 0x3BF
        ld (hl), 0
        ldir
        ld hl, SNDREG
        ld b, 0x20
clr:    ld (hl), 0
        inc hl
        djnz clr
        ld hl, SCRIPT
        ld (SCRPTR), hl
        ld a, 1
        ld (IRQEN), a
        ei
main:
        ld a, (VBLFLAG)
        or a
        jr z, main
        xor a
        ld (VBLFLAG), a
        ld (WDOG), a
        jr main

        ds SCRIPT - $, 0xFF
        include "script.inc"
        ds 0x4000 - $, 0xFF
