; TWOCPU sound CPU (6502) - the driver guide's example board (Arcade project homebrew, 2026, our own code).
; Assembled with Debian's ca65/ld65 by build.sh (sound.cfg: 4 KiB at $F000).
; Waits; each command from the main CPU raises NMI: reply with command + $40, count commands at $00.

.segment "CODE"
reset:  sei
        ldx #$FF
        txs
wait:   jmp wait

nmi:    pha
        lda $1000           ; the command (reading clears the latch's pending flag)
        clc
        adc #$40
        sta $1001           ; the reply
        inc $00
        pla
        rti

irq:    rti

.segment "VECTORS"
        .word nmi, reset, irq
