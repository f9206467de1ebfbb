; cendemo: "Bug Blaster", our homebrew game for Atari Centipede hardware (MAME `centiped` file names).
;
; Trackball steers the blaster, the fire button shoots, 14 bugs bounce around; shooting one scores 10,
; mushrooms score 1; a bug touching the blaster costs a life (3 per game). The five best scores live in
; the ER2055 EAROM and survive power cycles. POKEY plays a tune on the title screen, a heartbeat, shots
; (pure tones) and explosions (17-bit noise).
;
; Hardware facts used (../../../shared/docs/DRIVER-TARGETS.md section Centipede, MAME 0.251):
;  - 6502 @ 1.512 MHz, 14-bit bus; RAM 0000-03ff, video RAM 0400-07bf (32x30 native tiles, row by row),
;    sprite RAM 07c0 (+0 picture, +10 vertical, +20 horizontal, +30 colour), DSW1 0800, DSW2 0801,
;    IN0 0c00 (trackball X nibble, bit 6 VBLANK, bit 7 direction), IN1 0c01, IN2 0c02 (trackball Y),
;    IN3 0c03, POKEY 1000-100f, palette 1400-140f (write only), EAROM 1600-163f (address+data),
;    1680 (control), 1700 (read), IRQ acknowledge 1800, LS259 1c00-1c07 (bit 7), watchdog 2000.
;  - IRQ asserted at lines 48, 112, 176 and 240 (240 = VBLANK start), a level cleared by the acknowledge.
;  - MAME draws the picture in 16-line bands, so sprite RAM rewritten after the line-112 interrupt shows
;    from line 129 on: the 16 sprites are used twice per frame (native lines = upright columns).
;
; Objects live in upright coordinates: UX 0-239 (native line), UY 0-255 (upright row, native x = 248-UY).

        .setcpu "6502"

; ---- hardware --------------------------------------------------------------------------------------
VRAM    = $0400
SPR_PIC = $07c0
SPR_V   = $07d0
SPR_H   = $07e0
SPR_COL = $07f0
DSW1    = $0800
IN0     = $0c00
IN1     = $0c01
IN2     = $0c02
POKEY   = $1000
AUDF1   = POKEY+0
AUDC1   = POKEY+1
AUDF2   = POKEY+2
AUDC2   = POKEY+3
AUDF3   = POKEY+4
AUDC3   = POKEY+5
AUDF4   = POKEY+6
AUDC4   = POKEY+7
AUDCTL  = POKEY+8
RANDOM  = POKEY+10
SKCTL   = POKEY+15
PAL     = $1400
EA_ADDR = $1600
EA_CTRL = $1680
EA_READ = $1700
IRQACK  = $1800
LATCH   = $1c00
WATCHDOG = $2000

NOBJ    = 16            ; 0 blaster, 1 shot, 2-15 bugs
HIDDEN  = $ff           ; objY value of an unused object
SPLIT_A = 113           ; set A: objects whose UX < SPLIT_A (drawn in lines 0-128)
SPLIT_B = 97            ; set B: objects whose UX >= SPLIT_B (drawn from line 129 on)

; ---- zero page -------------------------------------------------------------------------------------
        .zeropage
frame:      .res 1      ; VBLANK count
vsync:      .res 1      ; set by the VBLANK interrupt
phase:      .res 1      ; interrupts since VBLANK
state:      .res 1      ; 0 title, 1 play, 2 game over
timer:      .res 1
credits:    .res 1
lives:      .res 1
score:      .res 3      ; BCD, most significant first
in1_now:    .res 1
in1_last:   .res 1
trk_x:      .res 1      ; last trackball nibbles seen
trk_y:      .res 1
ptr:        .res 2
ptr2:       .res 2
tmp:        .res 4
music_pos:  .res 1
music_t:    .res 1
boom_vol:   .res 1
beep_t:     .res 1
beat_t:     .res 1
flash_t:    .res 1
rng:        .res 1
hue:        .res 1
raw_in0:    .res 1      ; raw reads of this frame, for the golden tests
raw_in2:    .res 1
raw_rand:   .res 1
newhi:      .res 1
dx:         .res 1      ; trackball movement of this frame (signed)
dy:         .res 1

; ---- RAM -------------------------------------------------------------------------------------------
        .bss
objX:   .res NOBJ
objY:   .res NOBJ
objPic: .res NOBJ
objCol: .res NOBJ
objDX:  .res NOBJ
objDY:  .res NOBJ
bufA:   .res 64         ; sprite RAM image for lines 0-128
bufB:   .res 64         ; and for lines 129-239
hiscore: .res 16        ; 5 x 3 BCD + check byte (EAROM image)
pokey_regs: .res 4      ; last AUDF1/AUDC1/AUDF4/AUDC4 written (read back by the tests)

        .code
; ---- reset -----------------------------------------------------------------------------------------
reset:  sei
        cld
        ldx #$ff
        txs
        lda #0
        tax
@clr:   sta $00,x       ; work RAM 0000-03ff (stack page included: nothing is on it yet)
        sta $0200,x
        sta $0300,x
        inx
        bne @clr
        ldx #0          ; page 1 last byte by byte, below the stack pointer's use
@clr1:  sta $0100,x
        inx
        bne @clr1
        jsr clear_screen
        jsr hide_all
        ldx #7
        lda #0
@latch: sta LATCH,x     ; coin counters off, LEDs on (0 = on), trackball flip = player 1
        dex
        bpl @latch
        lda #0
        sta AUDCTL
        lda #3
        sta SKCTL       ; out of reset: polynomials and prescalers run
        ldx #7
        lda #0
@snd:   sta POKEY,x
        dex
        bpl @snd
        lda IN0
        and #$0f
        sta trk_x
        lda IN2
        and #$0f
        sta trk_y
        lda #$a5
        sta rng
        jsr load_scores
        jsr title_enter
        cli
main:   lda vsync
        beq main
        lda #0
        sta vsync
        sta WATCHDOG
        jsr build_sprites
        lda frame
        cmp #3          ; frames 1-2 keep MAME's power-on palette (a test of it)
        bcc @skip
        jsr set_palette
@skip:  jsr read_inputs
        lda state
        bne @n0
        jsr title_step
        jmp @done
@n0:    cmp #1
        bne @n1
        jsr play_step
        jmp @done
@n1:    jsr over_step
@done:  jsr sound_step
        jmp main

; ---- interrupts ------------------------------------------------------------------------------------
irq:    pha
        txa
        pha
        sta IRQACK
        lda IN0
        and #$40
        beq @mid
        inc frame       ; VBLANK (line 240): sprite set A for the top of the next frame
        lda #1
        sta vsync
        lda #0
        sta phase
        ldx #63
@ca:    lda bufA,x
        sta SPR_PIC,x
        dex
        bpl @ca
        jmp @out
@mid:   inc phase
        lda phase
        cmp #2          ; line 112: set B for the lower bands
        bne @out
        ldx #63
@cb:    lda bufB,x
        sta SPR_PIC,x
        dex
        bpl @cb
@out:   pla
        tax
        pla
nmi:    rti

; ---- sprites ---------------------------------------------------------------------------------------
; Fill bufA with the objects above SPLIT_A and bufB with those at or past SPLIT_B (in both when they
; straddle the split); unused slots get vertical 0 (native y 240: off screen).
build_sprites:
        ldx #63
        lda #0
@z:     sta bufA,x
        sta bufB,x
        dex
        bpl @z
        ldy #0          ; next slot in A
        sty tmp
        sty tmp+1       ; next slot in B
        ldx #0
@obj:   lda objY,x
        cmp #HIDDEN
        beq @next
        lda objX,x
        cmp #SPLIT_A
        bcs @notA
        ldy tmp
        jsr put_a
        inc tmp
@notA:  lda objX,x
        cmp #SPLIT_B
        bcc @next
        ldy tmp+1
        jsr put_b
        inc tmp+1
@next:  inx
        cpx #NOBJ
        bne @obj
        rts

put_a:  lda objPic,x
        sta bufA,y
        lda #240
        sec
        sbc objX,x
        sta bufA+$10,y
        lda #248
        sec
        sbc objY,x
        sta bufA+$20,y
        lda objCol,x
        sta bufA+$30,y
        rts

put_b:  lda objPic,x
        sta bufB,y
        lda #240
        sec
        sbc objX,x
        sta bufB+$10,y
        lda #248
        sec
        sbc objY,x
        sta bufB+$20,y
        lda objCol,x
        sta bufB+$30,y
        rts

hide_all:
        ldx #NOBJ-1
        lda #HIDDEN
@h:     sta objY,x
        dex
        bpl @h
        rts

; ---- palette ---------------------------------------------------------------------------------------
; Palette bytes are inverted: bit 0 red, 1 green, 2 blue, 3 "alternate" (0 = dimmed blue/green).
set_palette:
        lda #$0f        ; background black
        ldx flash_t
        beq @bg
        dec flash_t
        lda #$0e        ; red flash after a hit
@bg:    sta PAL+4
        lda frame       ; text colour cycles every 16 frames
        lsr
        lsr
        lsr
        lsr
        and #7
        tax
        lda hues,x
        sta PAL+5
        lda #$0e        ; mushroom red
        sta PAL+6
        lda #$0c        ; mushroom cap yellow
        sta PAL+7
        lda #$09        ; sprite pen colours: cyan, magenta, yellow
        sta PAL+13
        lda #$0a
        sta PAL+14
        lda #$0c
        sta PAL+15
        rts
hues:   .byte $08, $0c, $09, $0d, $0a, $0b, $06, $0e

; ---- inputs ----------------------------------------------------------------------------------------
read_inputs:
        lda in1_now
        sta in1_last
        lda IN1
        eor #$ff        ; 1 = pressed
        sta in1_now
        lda RANDOM
        sta raw_rand
        eor rng
        sta rng
        ; trackball: 4-bit counters; the direction bit says which way the last change went
        lda IN0
        sta raw_in0
        jsr track_delta_x
        lda tmp+2       ; Centipede's X counter runs down as the ball rolls right (MAME PORT_REVERSE)
        eor #$ff
        clc
        adc #1
        sta dx
        lda IN2
        sta raw_in2
        jsr track_delta_y
        lda tmp+2
        sta dy
        ; coins (either mech) count whatever the state
        lda in1_now
        and #$60
        beq @nocoin
        lda in1_last
        and #$60
        bne @nocoin
        lda credits
        cmp #9
        bcs @nocoin
        inc credits
        lda #10
        sta beep_t
@nocoin:
        rts

; in: A = port value; out: tmp+2 = signed delta of the low nibble since the last read
track_delta_x:
        tay
        and #$0f
        tax
        sec
        sbc trk_x
        stx trk_x
        jmp signed_delta
track_delta_y:
        tay
        and #$0f
        tax
        sec
        sbc trk_y
        stx trk_y
signed_delta:
        and #$0f
        beq @zero
        cpy #$80        ; direction bit set: the counter went down
        bcc @pos
        ora #$f0
@pos:   sta tmp+2
        rts
@zero:  sta tmp+2
        rts

; ---- title -----------------------------------------------------------------------------------------
title_enter:
        lda #0
        sta state
        sta music_pos
        sta music_t
        jsr clear_screen
        jsr hide_all
        jsr load_scores ; the table as the EAROM holds it
        ldx #<txt_title
        ldy #>txt_title
        jsr print_list
        jsr show_scores
        rts

title_step:
        jsr show_credits
        ; attract: one bug wanders
        lda frame
        sta objX+2
        lda #120
        sta objY+2
        lda frame
        and #8
        lsr
        lsr
        clc
        adc #4          ; pictures 2/3 (codes 2, 3 -> bytes 4, 6)
        sta objPic+2
        lda #$39
        sta objCol+2
        lda credits
        beq @out
        lda in1_now
        and #$01        ; 1 Player Start
        beq @out
        dec credits
        jsr play_enter
@out:   rts

; ---- play ------------------------------------------------------------------------------------------
play_enter:
        lda #1
        sta state
        lda #3
        sta lives
        lda #0
        sta score
        sta score+1
        sta score+2
        sta AUDC1
        sta AUDC2
        jsr clear_screen
        jsr hide_all
        ; mushrooms at random places in upright rows 4-22
        ldx #24
@m:     jsr random
        and #$1f
        cmp #30
        bcs @m
        sta tmp         ; upright column
        jsr random
        and #$0f
        clc
        adc #4
        sta tmp+1       ; upright row
        lda #38         ; mushroom tile
        jsr put_tile
        dex
        bne @m
        ; blaster, shot, bugs
        lda #112
        sta objX
        lda #232
        sta objY
        lda #0          ; picture code 0
        sta objPic
        lda #$39        ; pens 1/2/3 -> colours 1/2/3
        sta objCol
        lda #HIDDEN
        sta objY+1
        lda #2          ; code 1 -> byte 2
        sta objPic+1
        lda #$3a
        sta objCol+1
        ldx #2
@b:     jsr spawn_bug
        inx
        cpx #NOBJ
        bne @b
        jsr show_status
        rts

; X = object: a bug at the top, random column and direction
spawn_bug:
        jsr random
        and #$7f
        sta tmp
        jsr random
        and #$3f
        clc
        adc tmp
        sta objX,x      ; 0-190
        jsr random
        and #$1f
        clc
        adc #16
        sta objY,x
        jsr random
        and #3
        tay
        lda speeds,y
        sta objDX,x
        jsr random
        and #1
        clc
        adc #1
        sta objDY,x
        lda #4          ; code 2
        sta objPic,x
        lda #$2d
        sta objCol,x
        rts
speeds: .byte 1, 2, $ff, $fe

play_step:
        ; blaster follows the trackball (X moves across, Y moves up and down in the bottom zone)
        lda dx
        ldx objX
        ldy #224
        jsr add_clamped
        sta objX
        lda dy
        ldx objY
        ldy #240
        jsr add_clamped
        cmp #176
        bcs @ylo
        lda #176
@ylo:   sta objY
        lda frame
        and #1
        bne @noshoot
        lda objY+1
        cmp #HIDDEN
        bne @noshoot
        lda in1_now
        and #$04        ; P1 Button 1
        beq @noshoot
        lda objX
        sta objX+1
        lda objY
        sec
        sbc #8
        sta objY+1
        lda #$a8
        sta AUDC1
        sta pokey_regs+1
@noshoot:
        jsr move_shot
        jsr move_bugs
        ; heartbeat on channel 2
        inc beat_t
        lda beat_t
        cmp #30
        bcc @nb
        lda #0
        sta beat_t
@nb:    cmp #4
        bcs @quiet
        lda #220
        sta AUDF2
        lda #$a6
        sta AUDC2
        bne @sb
@quiet: lda #$a0
        sta AUDC2
@sb:    jsr show_status
        lda lives
        bne @alive
        lda #$a0
        sta AUDC2
        lda #2
        sta state
        lda #150
        sta timer
        jsr enter_score
        ldx #<txt_over
        ldy #>txt_over
        jsr print_list
@alive: rts

; A = signed delta, X = position, Y = maximum -> A = position + delta within 0..Y
add_clamped:
        stx tmp
        sty tmp+1
        cmp #$80
        bcs @neg
        clc
        adc tmp
        bcs @max
        cmp tmp+1
        bcc @ok
        beq @ok
@max:   lda tmp+1
@ok:    rts
@neg:   clc
        adc tmp
        bcs @ok         ; no borrow: still >= 0
        lda #0
        rts

move_shot:
        lda objY+1
        cmp #HIDDEN
        beq @out
        sec
        sbc #6
        bcc @gone
        cmp #8
        bcc @gone
        sta objY+1
        sta AUDF1       ; falling pitch as it rises
        sta pokey_regs
        ; mushroom under the shot?
        lda objX+1
        clc
        adc #8
        lsr
        lsr
        lsr
        sta tmp
        lda objY+1
        lsr
        lsr
        lsr
        sta tmp+1
        jsr tile_addr
        ldy #0
        lda (ptr),y
        cmp #38
        bne @hitbug
        lda #0
        sta (ptr),y
        lda #1
        jsr add_score
        jmp @gone
@hitbug:
        ldx #2
@bl:    lda objX,x
        sec
        sbc objX+1
        bcs @p1
        eor #$ff
        adc #1
@p1:    cmp #12
        bcs @nx
        lda objY,x
        sec
        sbc objY+1
        bcs @p2
        eor #$ff
        adc #1
@p2:    cmp #8
        bcs @nx
        jsr spawn_bug
        lda #$10
        jsr add_score
        lda #15
        sta boom_vol
        jmp @gone
@nx:    inx
        cpx #NOBJ
        bne @bl
@out:   rts
@gone:  lda #HIDDEN
        sta objY+1
        lda #$a0
        sta AUDC1
        sta pokey_regs+1
        rts

move_bugs:
        ldx #2
@l:     lda objX,x
        clc
        adc objDX,x
        cmp #225
        bcc @okx
        lda objDX,x     ; bounce
        eor #$ff
        clc
        adc #1
        sta objDX,x
        lda objX,x
@okx:   sta objX,x
        lda objY,x
        clc
        adc objDY,x
        cmp #16
        bcc @flipy
        cmp #241
        bcc @oky
@flipy: lda objDY,x
        eor #$ff
        clc
        adc #1
        sta objDY,x
        lda objY,x
@oky:   sta objY,x
        lda frame       ; wing beat
        and #4
        lsr
        clc
        adc #4
        sta objPic,x
        ; touching the blaster?
        lda objX,x
        sec
        sbc objX
        bcs @q1
        eor #$ff
        adc #1
@q1:    cmp #12
        bcs @nx
        lda objY,x
        sec
        sbc objY
        bcs @q2
        eor #$ff
        adc #1
@q2:    cmp #6
        bcs @nx
        jsr spawn_bug
        dec lives
        lda #12
        sta flash_t
        lda #15
        sta boom_vol
@nx:    inx
        cpx #NOBJ
        bne @l
        rts

; ---- game over -------------------------------------------------------------------------------------
over_step:
        dec timer
        bne @out
        jsr title_enter
@out:   rts

; ---- sound -----------------------------------------------------------------------------------------
sound_step:
        ; explosion: 17-bit noise on channel 4, decaying
        lda boom_vol
        beq @nob
        dec boom_vol
        lda #40
        sta AUDF4
        lda boom_vol
        ora #$80        ; direct clock, 17-bit polynomial noise
        sta AUDC4
        sta pokey_regs+3
        jmp @coin
@nob:   lda #0
        sta AUDC4
        sta pokey_regs+3
@coin:  ; coin / credit beep on channel 3
        lda beep_t
        beq @nobeep
        dec beep_t
        lda #30
        sta AUDF3
        lda #$a8
        sta AUDC3
        bne @mus
@nobeep:
        lda #$a0
        sta AUDC3
@mus:   lda state
        bne @out
        ; title tune on channels 1 (melody) and 2 (bass)
        dec music_t
        bpl @out
        lda #9
        sta music_t
        ldx music_pos
        lda tune,x
        bne @note
        ldx #0
        stx music_pos
        lda tune
@note:  sta AUDF1
        sta pokey_regs
        lda #$a6
        sta AUDC1
        sta pokey_regs+1
        lda bass,x
        sta AUDF2
        lda #$a4
        sta AUDC2
        inc music_pos
@out:   rts

; AUDF values at the 64 kHz clock (54 kHz on this board): f = 54000 / (2 (N + 1))
tune:   .byte 60, 50, 40, 33, 40, 50, 60, 67, 60, 45, 40, 45, 50, 60, 67, 80, 0
bass:   .byte 240, 240, 200, 200, 180, 180, 200, 200, 240, 240, 200, 200, 180, 180, 160, 160, 0

; ---- scores and the EAROM ----------------------------------------------------------------------------
; A = BCD points to add to the last byte (carry ripples up)
add_score:
        sed
        clc
        adc score+2
        sta score+2
        lda score+1
        adc #0
        sta score+1
        lda score
        adc #0
        sta score
        cld
        rts

; hiscore: 5 entries x 3 BCD bytes, then a check byte = sum of the 15 XOR $5a
load_scores:
        ldx #0
@r:     txa
        sta EA_ADDR,x   ; address (the data latch gets A too; a read ignores it)
        lda #$09        ; CS1, C1 (read), CK high
        sta EA_CTRL
        lda #$08        ; CK falls: the cell is latched
        sta EA_CTRL
        lda EA_READ
        sta hiscore,x
        inx
        cpx #16
        bne @r
        lda #0
        sta EA_CTRL
        jsr check_sum
        cmp hiscore+15
        beq @ok
        ldx #14         ; fresh or damaged EAROM: the default table
@d:     lda default_scores,x
        sta hiscore,x
        dex
        bpl @d
@ok:    rts

check_sum:
        lda #0
        ldx #14
        clc
@s:     adc hiscore,x
        dex
        bpl @s
        eor #$5a
        rts

save_scores:
        jsr check_sum
        sta hiscore+15
        ldx #0
@w:     lda hiscore,x
        sta EA_ADDR,x   ; address and data latch
        lda #$0e        ; CS1, C2: erase the cell
        sta EA_CTRL
        lda #$0a        ; CS1, C1 = C2 = 0: write the latch
        sta EA_CTRL
        lda #$00
        sta EA_CTRL
        inx
        cpx #16
        bne @w
        rts

default_scores:
        .byte $00, $05, $00,  $00, $04, $00,  $00, $03, $00,  $00, $02, $00,  $00, $01, $00

; Insert the score into the table if it beats an entry; save to the EAROM.
enter_score:
        lda #0
        sta newhi
        ldx #0          ; entry offset 0, 3, ..., 12
@find:  lda score
        cmp hiscore,x
        bcc @lower
        bne @insert
        lda score+1
        cmp hiscore+1,x
        bcc @lower
        bne @insert
        lda score+2
        cmp hiscore+2,x
        bcc @lower
        beq @lower
        bne @insert
@lower: inx
        inx
        inx
        cpx #15
        bne @find
        rts
@insert:
        stx tmp
        ldy #11         ; shift entries down from the end
@sh:    cpy tmp
        bcc @put
        lda hiscore,y
        sta hiscore+3,y
        cpy tmp
        beq @put
        dey
        jmp @sh
@put:   ldx tmp
        lda score
        sta hiscore,x
        lda score+1
        sta hiscore+1,x
        lda score+2
        sta hiscore+2,x
        lda #1
        sta newhi
        jsr save_scores
        rts

; ---- text --------------------------------------------------------------------------------------------
; tile_addr: tmp = upright column (0-29), tmp+1 = upright row (0-31) -> ptr = VRAM + col*32 + 31 - row
tile_addr:
        lda tmp
        sta ptr
        lda #0
        sta ptr+1
        ldy #5
@m:     asl ptr
        rol ptr+1
        dey
        bne @m
        lda #31
        sec
        sbc tmp+1
        clc
        adc ptr
        sta ptr
        lda ptr+1
        adc #>VRAM
        sta ptr+1
        rts

; A = tile, tmp/tmp+1 = position
put_tile:
        pha
        jsr tile_addr
        pla
        ldy #0
        sta (ptr),y
        rts

; print a zero-terminated string at column tmp, row tmp+1 from (ptr2)
print_at:
        jsr tile_addr
        ldy #0
@c:     lda (ptr2),y
        beq @done
        sty tmp+3
        ldy #0
        sta (ptr),y
        ldy tmp+3
        lda ptr         ; next upright column: +32 bytes
        clc
        adc #32
        sta ptr
        bcc @n
        inc ptr+1
@n:     iny
        bne @c
@done:  rts

; X/Y = list of (column, row, string..., 0), ended by $ff
print_list:
        stx ptr2
        sty ptr2+1
@l:     ldy #0
        lda (ptr2),y
        cmp #$ff
        beq @out
        sta tmp
        iny
        lda (ptr2),y
        sta tmp+1
        lda ptr2
        clc
        adc #2
        sta ptr2
        bcc @a
        inc ptr2+1
@a:     jsr print_at    ; leaves Y = string length
        tya
        sec             ; skip the string and its 0
        adc ptr2
        sta ptr2
        bcc @l
        inc ptr2+1
        jmp @l
@out:   rts

; A = BCD byte printed at (ptr) as two digits, ptr advances
print_bcd:
        pha
        lsr
        lsr
        lsr
        lsr
        clc
        adc #1          ; digit tiles start at 1
        ldy #0
        sta (ptr),y
        jsr next_col
        pla
        and #$0f
        clc
        adc #1
        ldy #0
        sta (ptr),y
next_col:
        lda ptr
        clc
        adc #32
        sta ptr
        bcc @n
        inc ptr+1
@n:     rts

print_score3:           ; X = offset into the 3-byte BCD at (ptr2)
        ldy #0
@l:     sty tmp+3
        lda (ptr2),y
        jsr print_bcd
        ldy tmp+3
        iny
        cpy #3
        bne @l
        rts

show_scores:
        lda #14
        sta tmp+1       ; upright row of the first entry
        ldx #0
@e:     stx tmp+2
        lda #11
        sta tmp
        jsr tile_addr
        lda #<hiscore
        clc
        adc tmp+2
        sta ptr2
        lda #>hiscore
        adc #0
        sta ptr2+1
        jsr print_score3
        inc tmp+1
        inc tmp+1
        ldx tmp+2
        inx
        inx
        inx
        cpx #15
        bne @e
        rts

show_credits:
        lda #1
        sta tmp
        lda #30
        sta tmp+1
        lda #<txt_credit
        sta ptr2
        lda #>txt_credit
        sta ptr2+1
        jsr print_at
        lda credits
        jsr print_bcd
        rts

show_status:
        lda #0          ; upright row 0: score and lives
        sta tmp
        sta tmp+1
        jsr tile_addr
        lda #<score
        sta ptr2
        lda #0
        sta ptr2+1
        jsr print_score3
        lda #20
        sta tmp
        lda #0
        sta tmp+1
        jsr tile_addr
        lda lives
        jsr print_bcd
        lda #23
        sta tmp
        lda #0
        sta tmp+1
        jsr tile_addr
        lda #<hiscore
        sta ptr2
        lda #>hiscore
        sta ptr2+1
        jsr print_score3
        rts

clear_screen:
        lda #0
        tax
@c:     sta VRAM,x
        sta VRAM+$100,x
        sta VRAM+$200,x
        inx
        bne @c
@d:     sta VRAM+$300,x
        inx
        cpx #$c0
        bne @d
        rts

; 8-bit Galois LFSR mixed with POKEY's RANDOM each frame
random: lda rng
        asl
        bcc @n
        eor #$1d
@n:     sta rng
        rts

; ---- strings -----------------------------------------------------------------------------------------
        .charmap ' ', 42     ; a blank tile other than 0, which ends strings
        .charmap '-', 37
        .charmap '0', 1
        .charmap '1', 2
        .charmap '2', 3
        .charmap '3', 4
        .charmap '4', 5
        .charmap '5', 6
        .charmap '6', 7
        .charmap '7', 8
        .charmap '8', 9
        .charmap '9', 10
        .charmap 'A', 11
        .charmap 'B', 12
        .charmap 'C', 13
        .charmap 'D', 14
        .charmap 'E', 15
        .charmap 'F', 16
        .charmap 'G', 17
        .charmap 'H', 18
        .charmap 'I', 19
        .charmap 'J', 20
        .charmap 'K', 21
        .charmap 'L', 22
        .charmap 'M', 23
        .charmap 'N', 24
        .charmap 'O', 25
        .charmap 'P', 26
        .charmap 'Q', 27
        .charmap 'R', 28
        .charmap 'S', 29
        .charmap 'T', 30
        .charmap 'U', 31
        .charmap 'V', 32
        .charmap 'W', 33
        .charmap 'X', 34
        .charmap 'Y', 35
        .charmap 'Z', 36

txt_title:
        .byte 5, 4
        .asciiz "BUG BLASTER"
        .byte 2, 7
        .asciiz "CENTIPEDE HARDWARE"
        .byte 4, 9
        .asciiz "ARCADE HOMEBREW"
        .byte 8, 12
        .asciiz "HIGH SCORES"
        .byte 5, 26
        .asciiz "INSERT COIN"
        .byte 3, 28
        .asciiz "TRACKBALL AND FIRE"
        .byte $ff
txt_over:
        .byte 7, 14
        .asciiz "GAME OVER"
        .byte $ff
txt_credit:
        .asciiz "CREDITS "

; ---- vectors (the 14-bit bus puts fffa-ffff at 3ffa-3fff) ----------------------------------------------
        .segment "VECTORS"
        .word nmi, reset, irq
