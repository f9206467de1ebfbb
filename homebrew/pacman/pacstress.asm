; PACSTRESS - a stress test for Pac-Man hardware (Arcade project homebrew, 2026, our own code).
; Assembled with Debian's z80asm (build-pacstress.sh); stress.inc and the graphics ROMs/PROMs come
; from mkpacstress.py (which reuses pacdemo's art).
;
; What it keeps busy, every frame (issue #16: speed when screen, CPU and sound are all busy):
;   - the CPU never halts: between frames it runs a register-only loop that sums the program ROM;
;   - all 1024 video RAM bytes (scrolling text and pattern tiles, copied with unrolled LDI) and all
;     1024 colour RAM bytes (diagonal palette bands, computed byte by byte) are rewritten;
;   - all 8 sprites move at their own speeds, animate, change both flip bits and their palette;
;   - the three WSG voices change frequency (voice 1 sweeps, voice 2 an arpeggio, voice 3 a ramp)
;     and voices 2 and 3 also their volume;
;   - flip screen (0x5003) toggles every 32 frames.
;
; Hardware facts used: ../../../shared/oracle/README.md "Pac-Man hardware facts" (memory map, IM 2
; vector by OUT (0), VBLANK line held until 0x5000 is written with 0, WSG register layout); the memory
; map and the start-up code shared with pacdemo are in pacman-hw.inc.
;
; Determinism (for the MAME golden files): everything a frame writes is decided by the frame counter
; alone, and the work (about 37,000 of the frame's 50,688 cycles) ends long before the next VBLANK, at
; which MAME records the frame. The interrupt arrives at some instruction of the idle loop, so the
; handler resets SP and clears the two stack bytes that held the interrupted PC; the idle loop itself
; writes no memory. A frame's RAM therefore does not depend on the exact cycle of the interrupt.

include "pacman-hw.inc"

FRAMES:   equ RAM+0x00        ; 16-bit frame counter (interrupts taken)
SPRX:     equ RAM+0x10        ; 8 sprite positions (hardware X byte)
SPRY:     equ RAM+0x18        ; 8 sprite positions (hardware Y byte)

; ================================================================ reset, IM 2 vector table (I = 0x01, byte 0x00)
        reset_to_vectors
irq_table:
        defw frame

; ================================================================ boot
boot:
        boot_start
        ld hl, VRAM                 ; video and colour RAM
        ld de, VRAM+1
        ld bc, 0x7FF
        ld (hl), 0x20
        ldir
        ld hl, SPRATTR
        ld b, 16
boot_spr:
        ld (hl), 0
        inc hl
        djnz boot_spr
        ld hl, SNDREG
        ld b, 0x20
boot_snd:
        ld (hl), 0
        inc hl
        djnz boot_snd
        ld hl, spr_start            ; sprite start positions
        ld de, SPRX
        ld bc, 16
        ldir
        ld a, 1
        ld (SNDEN), a
        ld (IRQEN), a
        ei
        ; fall into the idle loop

; ================================================================ idle: busy, writes no memory
; Sums the program ROM into D and E (HL wraps from 0x3FFF back to 0x0000). Runs until VBLANK.
idle:
        ld a, (hl)
        add a, e
        ld e, a
        xor d
        rlca
        ld d, a
        inc hl
        res 6, h
        jr idle

; ================================================================ one frame's work (VBLANK interrupt)
frame:
        ld sp, STACKTOP             ; forget the interrupted PC (idle never returns)...
        ld hl, 0
        ld (STACKTOP-2), hl         ; ...and erase it: it depends on the cycle the interrupt came
        xor a
        ld (IRQEN), a               ; drop the VBLANK line (held until the mask clears)
        inc a
        ld (IRQEN), a
        ld (WDOG), a
        ld hl, (FRAMES)
        inc hl
        ld (FRAMES), hl
        call do_flip
        call do_sprites
        call do_sound
        call do_vram
        call do_cram
        ld hl, 0
        ei
        jr idle

; ---------------------------------------------------------------- flip screen: bit 5 of the frame
do_flip:
        ld a, (FRAMES)
        rlca
        rlca
        rlca
        and 1
        ld (FLIPSCR), a
        ret

; ---------------------------------------------------------------- video RAM: 4 pages of 256 bytes
; Page k gets message[(F + 64k) & 255 ...] (the message is stored twice, so no wrap inside a copy):
; the text moves on by one tile every frame.
do_vram:
        ld de, VRAM
dv_page:
        ld a, (FRAMES)
        add a, e                    ; E = 0 at every page start; D = page (0x40-0x43)
        ld l, d
        rrc l
        rrc l                       ; (page << 6) & 0xFF: 0x00, 0x40, 0x80, 0xC0
        ld c, a
        ld a, l
        and 0xC0
        add a, c
        ld c, a
        ld b, 0
        ld hl, message
        add hl, bc
        ld bc, 256
dv_ldi:
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        ldi
        jp pe, dv_ldi
        ld a, d
        cp VRAM/256 + 4
        jr nz, dv_page
        ret

; ---------------------------------------------------------------- colour RAM: diagonal palette bands
; Page k (0-3): value(i) = 3F + 64k + i * step, step = 1 + 2 * ((F >> 4) & 7) (odd: every palette).
do_cram:
        ld a, (FRAMES)
        rrca
        rrca
        rrca
        and 0x0E
        inc a
        ld c, a                     ; step
        ld a, (FRAMES)
        ld b, a
        add a, a
        add a, b                    ; 3F
        ld hl, CRAM
dc_page:
        ld b, 16
dc_16:
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        ld (hl), a
        add a, c
        inc l
        djnz dc_16
        add a, 0x40                 ; next page starts 64 further on
        inc h
        ld b, a
        ld a, h
        cp CRAM/256 + 4
        ld a, b
        jr nz, dc_page
        ret

; ---------------------------------------------------------------- sprites
; Sprite n: position += its velocity; code = base + bit 2 of F (two animation frames); flip bits =
; ((F >> 3) + n) & 3; palette 16 + ((3n + (F >> 4)) & 15).
do_sprites:
        ld ix, SPRX
        ld iy, spr_table
        ld hl, SPRATTR
        ld de, SPRPOS
        ld b, 0                     ; sprite number
ds_loop:
        ld a, (ix+0)                ; X += vx
        add a, (iy+1)
        ld (ix+0), a
        ld a, (ix+8)                ; Y += vy
        add a, (iy+2)
        ld (ix+8), a
        ld a, (FRAMES)              ; code
        rrca
        rrca
        and 1
        add a, (iy+0)
        add a, a
        add a, a
        ld c, a
        ld a, (FRAMES)              ; flips
        rrca
        rrca
        rrca
        add a, b
        and 3
        or c
        ld (hl), a
        inc hl
        ld a, (FRAMES)              ; palette
        rrca
        rrca
        rrca
        rrca
        add a, b
        add a, b
        add a, b
        and 15
        or 16
        ld (hl), a
        inc hl
        ld a, (ix+8)                ; hardware: first byte Y, second X
        ld (de), a
        inc de
        ld a, (ix+0)
        ld (de), a
        inc de
        inc ix
        inc iy
        inc iy
        inc iy
        inc b
        ld a, b
        cp 8
        jr nz, ds_loop
        ret

; per sprite: base code, vx, vy
spr_table:
        defb 0, 1, 2                ; Pac (open / half)
        defb 5, 0xFF, 1             ; ghosts (two frames)
        defb 5, 2, 0xFF
        defb 5, 0xFE, 0xFE
        defb 5, 3, 1
        defb 7, 1, 0xFD             ; cherry / bat
        defb 8, 0xFF, 3             ; bat (wings up / down)
        defb 3, 2, 2                ; Pac facing up (open / half)
spr_start:                          ; X bytes, then Y bytes
        defb 0x30, 0x50, 0x70, 0x90, 0xB0, 0xD0, 0x60, 0xA0
        defb 0x40, 0x60, 0x80, 0xA0, 0xC0, 0xE0, 0x70, 0x58

; ---------------------------------------------------------------- sound: all three voices, every frame
do_sound:
        ; voice 1: sine, volume 15, frequency 0x01000 + (F & 0x7F) * 32 (375-747 Hz, a repeating sweep)
        ld a, (FRAMES)
        and 0x7F
        ld l, a
        ld h, 0
        add hl, hl
        add hl, hl
        add hl, hl
        add hl, hl
        add hl, hl
        ld de, 0x1000
        add hl, de
        ex de, hl
        ld hl, SNDREG+0x10
        call put_nib4
        xor a
        ld (hl), a                  ; 0x14: frequency bits 16-19
        ld (SNDREG+0x05), a         ; waveform 0
        ld a, 15
        ld (SNDREG+0x15), a
        ; voice 2: organ arpeggio, a note every 2 frames, volume 3-6
        ld a, (FRAMES)
        and 0x0E
        ld e, a
        ld d, 0
        ld hl, arpeggio
        add hl, de
        ld e, (hl)
        inc hl
        ld d, (hl)
        ld hl, SNDREG+0x16
        call put_nib4
        ld a, 5
        ld (SNDREG+0x0A), a
        ld a, (FRAMES)
        and 3
        add a, 3
        ld (SNDREG+0x1A), a
        ; voice 3: triangle, frequency (0x040 + (5F & 0xFF)) << 4, volume 2-5
        ld a, (FRAMES)
        ld b, a
        add a, a
        add a, a
        add a, b
        ld e, a
        ld d, 0
        ld hl, 0x0040
        add hl, de
        ex de, hl
        ld hl, SNDREG+0x1B
        call put_nib4
        ld a, 2
        ld (SNDREG+0x0F), a
        ld a, (FRAMES)
        rrca
        and 3
        add a, 2
        ld (SNDREG+0x1F), a
        ret

; DE -> 4 register nibbles at HL (low nibble first); HL ends after them.
put_nib4:
        put_nib4_body
        inc hl
        ret

include "stress.inc"

        ds 0x4000 - $, 0xFF
