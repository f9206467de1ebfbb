; gottdemo sound program: 6502 on Gottlieb's sound board rev. 1, assembled with cc65's ca65/ld65.
;
; Board (MAME 0.251 audio/gottlieb.cpp, ../shared/docs/DRIVER-TARGETS.md): 128 bytes of RAM at $0000
; (the stack page mirrors it: $01ff is $7f), the 6532 RIOT at $0200, the MC1408 DAC at $1000, ROM at
; $7000-$7fff. The main board's command arrives on RIOT port A: bits 0-5 inverted, PA7 = strobe.
;
; Everything runs in the IRQ handler; the main loop only waits. A PA7 rising edge starts an effect from
; the table; the RIOT interval timer (divide by 1, IRQ on) then clocks it: each timer interrupt writes
; the next DAC value and re-arms the timer with the effect's current period. Effects: 1 tone (square,
; decaying), 2 sweep (falling pitch), 3 noise (LFSR), 4 chime (two-step square).

RIOT_PA     = $0200
RIOT_FLAGS  = $0205         ; read: bit 7 timer, bit 6 PA7 (reading clears PA7)
RIOT_EDGE   = $0207         ; write: PA7 IRQ on, rising edge
RIOT_T1_IRQ = $021c         ; write: timer, divide by 1, IRQ on
RIOT_T1     = $0214         ; write: timer, divide by 1, IRQ off
DAC         = $1000

mode    = $00               ; 0 idle, else the effect number
period  = $01               ; timer count per half wave / sample
amp     = $02               ; current amplitude around $80
len_lo  = $03               ; timer interrupts left
len_hi  = $04
dper    = $05               ; period change per step (signed)
phase   = $06
lfsr    = $07
step    = $08               ; interrupts until the next envelope step
noise   = $09               ; 1 = noise instead of square
lastcmd = $0a
cmds    = $0b               ; commands received

.segment "CODE"

reset:
        sei
        cld
        ldx #$ff
        txs
        lda #0
        ldx #$0f
@clr:   sta $00,x
        dex
        bpl @clr
        lda #$80
        sta DAC                 ; the DAC rests at mid scale
        lda #$a5
        sta lfsr
        lda #$ff
        sta RIOT_T1             ; timer without IRQ (its flag is ignored while idle)
        sta RIOT_EDGE           ; PA7 rising edge interrupts
        cli
idle:   jmp idle

irq:
        pha
        txa
        pha
        lda RIOT_FLAGS
        tax
        and #$40
        beq @notcmd
        jsr command
@notcmd:
        txa
        bpl @done
        lda mode
        beq @done
        jsr sample
@done:  pla
        tax
        pla
        rti

; a new command on port A (bits 0-5 inverted)
command:
        lda RIOT_PA
        eor #$3f
        and #$3f
        sta lastcmd
        inc cmds
        cmp #5
        bcs @ignore             ; unknown commands are ignored
        cmp #0
        beq @ignore
        sta mode
        asl a
        asl a
        asl a                   ; 8 bytes per table entry
        tay
        lda effects-8,y
        sta period
        lda effects-8+1,y
        sta dper
        lda effects-8+2,y
        sta amp
        lda effects-8+3,y
        sta len_lo
        lda effects-8+4,y
        sta len_hi
        lda effects-8+5,y
        sta noise
        lda #64
        sta step
        lda period
        sta RIOT_T1_IRQ         ; first sample after `period` cycles
@ignore:
        rts

; one timer interrupt: re-arm first (so the period does not depend on the path), then the new level
sample:
        lda period
        sta RIOT_T1_IRQ
        lda noise
        beq @square
        lda lfsr                ; 8-bit Galois LFSR, taps $b8
        lsr a
        bcc @nox
        eor #$b8
@nox:   sta lfsr
        bcc @low
        bcs @high
@square:
        lda phase
        eor #1
        sta phase
        beq @low
@high:  lda #$80
        clc
        adc amp
        jmp @out
@low:   lda #$80
        sec
        sbc amp
@out:   sta DAC
        ; envelope / pitch step every 64 interrupts
        dec step
        bne @len
        lda #64
        sta step
        lda period
        clc
        adc dper
        sta period
        lda amp
        beq @len
        dec amp
@len:   lda len_lo
        bne @declo
        lda len_hi
        beq @stop
        dec len_hi
@declo: dec len_lo
        lda len_lo
        ora len_hi
        bne @ret
@stop:  lda #0
        sta mode
        lda #$80
        sta DAC
        lda #$ff
        sta RIOT_T1             ; timer IRQ off (clears its flag)
@ret:   rts

nmi:    rti

.segment "RODATA"
; period, period step, amplitude, length (lo, hi), noise, pad, pad
effects:
        .byte 180, 0,   60, <1400, >1400, 0, 0, 0     ; 1 tone
        .byte 60,  4,   50, <3000, >3000, 0, 0, 0     ; 2 sweep down
        .byte 30,  0,   70, <5000, >5000, 1, 0, 0     ; 3 noise
        .byte 120, 254, 40, <2400, >2400, 0, 0, 0     ; 4 chime (rising)

.segment "VECTORS"
        .word nmi, reset, irq
