; MSTEST - a probe of the Ms. Pac-Man aux board (Arcade project homebrew, 2026, our own code).
; Assembled with Debian's z80asm (build.sh). It runs from pacman.6e, which both views of the aux board
; show unchanged below 0x0410 (the first patch), and never executes a trap address.
;
; Boot 1 (decode latch as at power-on): probe, then read/write each kind of trap and probe after each,
;   then leave the latch disabled and stop kicking the watchdog, so the board resets.
; Boot 2 (after the watchdog reset; RAM survives): probe (the latch is as boot 1 left it), enable by a
;   trap read, probe, then kick the watchdog forever.
; A probe stores the bytes the CPU reads at fixed addresses to the next RAM slots (0x4C00 on), so the RAM
; shows what each view maps where. 0x4CFF counts boots; 0x4CFC/D keeps the result pointer.

RAM:      equ 0x4C00
BOOTS:    equ 0x4CFF
RESPTR:   equ 0x4CFC
WDOG:     equ 0x50C0

          org 0x0000
          di
          im 1
          jp start
          defs 0x0100 - $

start:    ld sp, 0x4FC0
          ld a, (BOOTS)
          inc a
          ld (BOOTS), a
          cp 1
          jr nz, boot2

          ld hl, RAM
          call probe
          ld a, (0x0038)          ; read trap: original view
          ld (hl), a
          inc hl
          call probe
          ld a, (0x3FF8)          ; read trap: Ms. Pac-Man view (returns the decoded byte)
          ld (hl), a
          inc hl
          call probe
          ld (0x3FF3), a          ; write trap: original view
          call probe
          ld (0x3FFC), a          ; write trap: Ms. Pac-Man view
          call probe
          ld a, (0x97F5)          ; read trap in u6's range
          ld (hl), a
          inc hl
          call probe
          ld (RESPTR), hl
hang:     jr hang                 ; no watchdog kick: the board resets after 16 VBLANKs

boot2:    cp 2
          jr nz, done
          ld hl, (RESPTR)
          call probe              ; still the original view: the latch survived the reset
          ld a, (0x3FFF)
          ld (hl), a
          inc hl
          call probe
done:     ld (WDOG), a
          jr done

; Read one byte from each of the addresses in PROBES and store it at (HL)+.
probe:    ld de, PROBES
          ld b, NPROBES
ploop:    ld a, (de)
          ld c, a
          inc de
          ld a, (de)
          inc de
          push de
          ld d, a
          ld e, c
          ld a, (de)
          pop de
          ld (hl), a
          inc hl
          djnz ploop
          ret

; patched code (0x0410, 0x1000), u7 (0x3000, 0x3ABC), u5 (0x8008, 0x8456), u6 (0x8800, 0x9000, 0x97E0),
; the 6f mirror (0x9800), 6h and 6j mirrors (0xA123, 0xB456), unmapped space (0x7000, 0xD000)
PROBES:   defw 0x0410, 0x1000, 0x3000, 0x3ABC, 0x8008, 0x8456, 0x8800, 0x9000, 0x97E0, 0x9800, 0xA123, 0xB456
          defw 0x7000, 0xD000
NPROBES:  equ ($ - PROBES) / 2
