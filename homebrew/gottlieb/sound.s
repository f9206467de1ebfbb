; gottdemo sound program: 6502 on Gottlieb's sound board rev. 1, assembled with cc65's ca65/ld65.
;
; Board (MAME 0.251 audio/gottlieb.cpp, ../shared/docs/DRIVER-TARGETS.md): 128 bytes of RAM at $0000
; (the stack page mirrors it: $01ff is $7f), the 6532 RIOT at $0200, the MC1408 DAC at $1000, ROM at
; $7000-$7fff. The main board's command arrives on RIOT port A: bits 0-5 inverted, PA7 = strobe.
;
; Everything runs in the RIOT timer interrupt (divide by 1, IRQ on), which never stops: each interrupt
; re-arms the timer with the current period, polls port A for a rising PA7 (a new command), and while an
; effect plays writes its next DAC value. Effects: 1 tone (square), 2 sweep (falling pitch), 3 noise
; (LFSR), 4 chime (rising square); each decays in steps of CHUNK samples.
;
; Written so that its RAM can be compared with MAME's at every frame boundary:
;  - commands are polled at the sample clock rather than taken on the RIOT's PA7 interrupt, so the
;    6502's timeline depends only on its own clock, not on the exact cycle at which the 8088 writes the
;    command (MAME's i86 core and ours count 8088 cycles a little differently);
;  - the per-sample state lives in X (square phase or LFSR) and Y (samples left in the step): the idle
;    loop uses no register, so the handler neither saves them nor writes RAM per sample. RAM changes only
;    at commands and at envelope steps, so a frame boundary almost never falls inside a RAM write (MAME's
;    6502 stops mid-instruction at a boundary, an instruction-stepped core finishes the instruction).

RIOT_PA     = $0200         ; port A pins: command bits 0-5 inverted, PA7 strobe
RIOT_T1_IRQ = $021c         ; write: timer, divide by 1, IRQ on
DAC         = $1000
IDLE_PERIOD = 200           ; sample clock while no effect plays
CHUNK       = 128           ; samples per envelope step

mode    = $00               ; 0 idle, else the effect number
period  = $01               ; timer count per half wave / sample
amp     = $02               ; current amplitude around $80
steps   = $03               ; envelope steps left
dper    = $04               ; period change per step (signed)
decay   = $05               ; amplitude drop per step
noise   = $06               ; 1 = noise instead of square
lastcmd = $07
cmds    = $08               ; commands received
strobe  = $09               ; PA7 at the previous interrupt ($80 or 0)

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
        lda #IDLE_PERIOD
        sta period
        sta RIOT_T1_IRQ         ; the sample clock runs from now on
        ldx #0
        ldy #CHUNK
        cli
idle:   jmp idle                ; uses no register: X and Y belong to the interrupt handler

irq:
        lda period              ; re-arm first, so the period does not depend on the path taken
        sta RIOT_T1_IRQ
        lda RIOT_PA
        and #$80
        cmp strobe
        beq @fx
        sta strobe              ; PA7 changed
        cmp #$80
        bne @fx                 ; it fell
        jsr command             ; it rose: a new command
@fx:    lda mode
        beq @done
        lda noise
        beq @square
        txa                     ; 8-bit Galois LFSR, taps $b8
        lsr a
        bcc @nox
        eor #$b8
@nox:   tax
        bcc @low
        bcs @high
@square:
        txa
        eor #1
        tax
        and #1
        beq @low
@high:  lda #$80
        clc
        adc amp
        jmp @out
@low:   lda #$80
        sec
        sbc amp
@out:   sta DAC
        dey
        bne @done
        ; envelope step: pitch moves, amplitude decays, the effect ends after `steps` steps
        ldy #CHUNK
        lda period
        clc
        adc dper
        sta period
        lda amp
        sec
        sbc decay
        bcs @amp
        lda #0
@amp:   sta amp
        dec steps
        bne @done
        lda #0
        sta mode
        lda #$80
        sta DAC
        lda #IDLE_PERIOD
        sta period
@done:  rti

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
        tax
        lda effects-8,x
        sta period
        lda effects-8+1,x
        sta dper
        lda effects-8+2,x
        sta amp
        lda effects-8+3,x
        sta steps
        lda effects-8+4,x
        sta decay
        lda effects-8+5,x
        sta noise
        ldx #$a5                ; LFSR seed (bit 0 set: the square starts high)
        ldy #CHUNK
@ignore:
        rts

nmi:    rti

.segment "RODATA"
; period, period step per envelope step, amplitude, steps, decay, noise, pad, pad
effects:
        .byte 180, 0,   64, 10, 6, 0, 0, 0     ; 1 tone
        .byte 60,  6,   56, 24, 2, 0, 0, 0     ; 2 sweep down
        .byte 30,  0,   72, 36, 2, 1, 0, 0     ; 3 noise
        .byte 120, 250, 48, 14, 3, 0, 0, 0     ; 4 chime (rising)

.segment "VECTORS"
        .word nmi, reset, irq
