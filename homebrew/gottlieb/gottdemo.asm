; gottdemo: our own test program for Gottlieb GG-1 hardware with the rev. 1 sound board (the board of
; Mad Planets and Q*bert). Intel 8088, assembled with Debian's nasm into the 40 KiB at 0x6000-0xffff;
; the code lives at 0xa000-0xffff, so the same image runs with Q*bert's ROM layout too.
;
; What it shows (all work happens in the VBLANK NMI handler; the main loop is HLT):
;  - text and hex numbers from the tile ROMs (boot count kept in battery RAM, frame counter, inputs);
;  - 16 solid colour tiles, a pattern row, palette animation (pens 14 and 15 change every frame);
;  - sprites: a ship moved by the joystick, a bouncing ball, an F moved by the dial, a quadrant square
;    that sweeps over patterned tiles; background priority flips every 128 frames; button 2 steps the
;    flip bits (X, Y) and plays the noise effect;
;  - sound commands to the 6502 board: button 1 = tone, start 1 = sweep, coin 1 = chime, and one of
;    the four automatically every 40 frames. A command is written at the very start of the NMI handler
;    and 0xff (strobe low) on the frame after, so PA7 rises once per command.
; Facts used: ../shared/docs/DRIVER-TARGETS.md § Q*bert / Mad Planets and MAME 0.251 gottlieb.cpp.

bits 16
cpu 8086
org 0x6000
        ; the code starts at 0xa000 so it also runs on Q*bert's board, whose ROMs fill 0xa000-0xffff
        times 0xa000 - 0x6000 db 0xff

VRAM    equ 0x3800
SPR     equ 0x3000
PAL     equ 0x5000
WDOG    equ 0x5800          ; W watchdog / R DSW
DIALRST equ 0x5801          ; W latch the dial / R IN1
SNDCMD  equ 0x5802          ; W sound command / R IN2
VCTRL   equ 0x5803          ; W video control / R IN3 (dial movement on mplanets)
IN4     equ 0x5804
; Text goes along native rows so it reads upright on the 270-degree monitor: screen line L (0-31, top
; to bottom), column C (0-29) is tile (native column 31 - L, native row C); the next character is 32 on.
%define txt_pos(line, col) (VRAM + (col) * 32 + 31 - (line))

; work RAM (0x1000-0x2fff)
FRAME   equ 0x1000          ; word
PX      equ 0x1002          ; ship x, y (native)
PY      equ 0x1003
BALLX   equ 0x1004
BALLY   equ 0x1005
BDX     equ 0x1006
BDY     equ 0x1007
DIAL    equ 0x1008          ; accumulated dial movement
PREV4   equ 0x1009          ; IN4 last frame (edges)
SNDNEXT equ 0x100a          ; command to write at the next NMI
CTRL    equ 0x100b          ; flip bits 1-2 (bit 0 comes from the frame counter)
PHASE   equ 0x100c
PREV1   equ 0x100d
AUTO    equ 0x100e          ; frames until the next automatic sound
AUTOCMD equ 0x100f
SQX     equ 0x1010          ; quadrant square x
LASTIN1 equ 0x1011
LASTDSW equ 0x1012
LASTIN3 equ 0x1013
; battery RAM (0x0000-0x0fff): the interrupt vectors and our boot counter
NVBOOT  equ 0x0100          ; word
NVMAGIC equ 0x0102          ; word 'GB' once initialised

start:
        cli
        xor ax, ax
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov sp, 0x2000
        cld
        mov word [0x0008], nmi          ; NMI = interrupt 2
        mov word [0x000a], 0
        cmp word [NVMAGIC], 0x4247
        je .known
        mov word [NVMAGIC], 0x4247
        mov word [NVBOOT], 0
.known:
        inc word [NVBOOT]
        ; work variables
        mov di, 0x1000
        mov cx, 0x40
        xor ax, ax
        rep stosw
        ; video RAM: spaces
        mov di, VRAM
        mov cx, 512
        mov ax, 0x2020
        rep stosw
        ; sprites: picture 0 (empty) everywhere
        mov di, SPR
        mov cx, 64
.spr:   mov word [di], 0
        mov word [di+2], 0x00ff
        add di, 4
        loop .spr
        ; palette
        mov si, paltab
        mov di, PAL
        mov cx, 32
        rep movsb
        mov byte [PX], 100
        mov byte [PY], 120
        mov byte [BALLX], 40
        mov byte [BALLY], 60
        mov byte [BDX], 1
        mov byte [BDY], 2
        mov byte [SNDNEXT], 0xff
        mov byte [AUTO], 20
        mov byte [SQX], 20
        call draw_static
.idle:  hlt
        jmp .idle

; ---- VBLANK ----------------------------------------------------------------------------------------
nmi:
        push ax
        mov al, [SNDNEXT]               ; first thing: the sound command, at a fixed time after VBLANK
        mov [SNDCMD], al
        mov byte [SNDNEXT], 0xff
        mov [WDOG], al                  ; watchdog
        push bx
        push cx
        push dx
        push si
        push di
        inc word [FRAME]

        ; inputs
        mov al, [WDOG]
        mov [LASTDSW], al
        mov al, [DIALRST]
        mov [LASTIN1], al
        mov al, [VCTRL]                 ; dial movement since the last latch
        mov [LASTIN3], al
        add [DIAL], al
        mov [DIALRST], al               ; latch the dial again
        mov bl, [IN4]

        ; joystick (mplanets: up 01 right 02 down 04 left 08) moves the ship
        test bl, 0x01
        jz .noup
        inc byte [PX]
.noup:  test bl, 0x04
        jz .nodown
        dec byte [PX]
.nodown:test bl, 0x02
        jz .noright
        inc byte [PY]
.noright:
        test bl, 0x08
        jz .noleft
        dec byte [PY]
.noleft:
        ; new presses: IN4 & ~PREV4
        mov bh, [PREV4]
        mov [PREV4], bl
        not bh
        and bh, bl
        test bh, 0x10                   ; button 1: tone
        jz .nob1
        mov byte [SNDNEXT], 0x01
.nob1:  test bh, 0x20                   ; start 1: sweep
        jz .nos1
        mov byte [SNDNEXT], 0x02
.nos1:  test bh, 0x80                   ; button 2: next flip state + noise
        jz .nob2
        add byte [CTRL], 2
        and byte [CTRL], 6
        mov byte [SNDNEXT], 0x03
.nob2:  mov al, [LASTIN1]               ; coin 1: chime
        mov ah, [PREV1]
        mov [PREV1], al
        not ah
        and al, ah
        test al, 0x01
        jz .nocoin
        mov byte [SNDNEXT], 0x04
.nocoin:
        ; automatic sounds every 40 frames, commands 1-4 in turn (only if nothing else is queued,
        ; and never on the frame right after a command, so the strobe has fallen)
        dec byte [AUTO]
        jnz .noauto
        mov byte [AUTO], 40
        cmp byte [SNDNEXT], 0xff
        jne .noauto
        mov al, [AUTOCMD]
        inc al
        and al, 3
        mov [AUTOCMD], al
        inc al
        mov [SNDNEXT], al
.noauto:
        ; video control: priority from frame bit 7, flips from CTRL
        mov al, [FRAME]
        rol al, 1
        and al, 1
        or al, [CTRL]
        mov [VCTRL], al

        ; palette animation: pen 15 runs through a colour wheel, pen 14 pulses grey
        inc byte [PHASE]
        mov al, [PHASE]
        mov ah, al
        shr ah, 1
        shr ah, 1
        and ah, 0x0f                    ; level 0-15
        mov bl, ah
        mov cl, 4
        shl bl, cl
        mov bh, 15
        sub bh, ah
        or bl, bh                       ; green = level, blue = 15 - level
        mov [PAL+30], bl
        mov al, [PHASE]
        shr al, 1
        and al, 0x0f
        mov [PAL+31], al                ; red
        mov al, [PHASE]
        and al, 0x1f
        cmp al, 16
        jb .up
        xor al, 0x1f
.up:    and al, 0x0f
        mov ah, al
        shl ah, cl
        or ah, al
        mov [PAL+28], ah
        mov [PAL+29], al

        ; ball
        mov al, [BALLX]
        add al, [BDX]
        cmp al, 24
        jb .bxflip
        cmp al, 232
        jb .bxok
.bxflip:neg byte [BDX]
        mov al, [BALLX]
        add al, [BDX]
.bxok:  mov [BALLX], al
        mov al, [BALLY]
        add al, [BDY]
        cmp al, 20
        jb .byflip
        cmp al, 236
        jb .byok
.byflip:neg byte [BDY]
        mov al, [BALLY]
        add al, [BDY]
.byok:  mov [BALLY], al
        inc byte [SQX]

        ; sprites (RAM +0 = native y + 13, +1 = native x + 4, +2 = 255 ^ picture)
        mov al, [PY]
        mov [SPR+0], al
        mov al, [PX]
        mov [SPR+1], al
        mov byte [SPR+2], 255 ^ 2       ; ship
        mov al, [BALLY]
        mov [SPR+4], al
        mov al, [BALLX]
        mov [SPR+5], al
        mov byte [SPR+6], 255 ^ 1       ; ball
        mov al, [DIAL]
        mov [SPR+8], al
        mov byte [SPR+9], 200
        mov byte [SPR+10], 255 ^ 3      ; F, moved by the dial
        mov al, [SQX]
        mov [SPR+12], al
        mov byte [SPR+13], 76           ; square over the pattern rows (tile columns 8-10)
        mov byte [SPR+14], 255 ^ 4
        mov byte [SPR+16], 30           ; a second ball overlapping the ship's start, drawn on top
        mov byte [SPR+17], 104
        mov byte [SPR+18], 255 ^ 1

        ; numbers
        mov di, txt_pos(4, 8)
        mov ax, [FRAME]
        call hex16
        mov di, txt_pos(5, 8)
        mov ax, [NVBOOT]
        call hex16
        mov di, txt_pos(6, 5)
        mov al, [LASTIN1]
        call hex8
        mov di, txt_pos(6, 12)
        mov al, [PREV4]
        call hex8
        mov di, txt_pos(6, 19)
        mov al, [LASTDSW]
        call hex8
        mov di, txt_pos(7, 6)
        mov al, [DIAL]
        call hex8
        mov di, txt_pos(7, 15)
        mov al, [LASTIN3]
        call hex8

        pop di
        pop si
        pop dx
        pop cx
        pop bx
        pop ax
        iret


; print the zero-terminated string at SI to DI
print:
        lodsb
        or al, al
        jz .done
        mov [di], al
        add di, 32
        jmp print
.done:  ret

hexdigit:
        and al, 0x0f
        add al, '0'
        cmp al, '9'
        jbe .d
        add al, 7
.d:     mov [di], al
        add di, 32
        ret

hex8:   push ax
        mov cl, 4
        shr al, cl
        call hexdigit
        pop ax
        jmp hexdigit

hex16:  push ax
        mov al, ah
        call hex8
        pop ax
        jmp hex8

draw_static:
        mov si, s_title
        mov di, txt_pos(1, 2)
        call print
        mov si, s_sub
        mov di, txt_pos(2, 2)
        call print
        mov si, s_frame
        mov di, txt_pos(4, 2)
        call print
        mov si, s_boot
        mov di, txt_pos(5, 2)
        call print
        mov si, s_in
        mov di, txt_pos(6, 1)
        call print
        mov si, s_dial
        mov di, txt_pos(7, 1)
        call print
        ; colour bars: lines 10-11, 16 solid tiles (codes 0x80-0x8f) from column 7
        mov di, txt_pos(10, 7)
        mov al, 0x80
        mov cx, 16
.bar:   mov [di], al
        mov [di-1], al
        inc al
        add di, 32
        loop .bar
        ; gradient tiles and a border box on line 13
        mov byte [txt_pos(13, 2)], 0x92
        mov byte [txt_pos(13, 4)], 0x93
        mov byte [txt_pos(13, 5)], 0x94
        ; pattern block under the sweeping square: lines 21-23, all 30 columns
        mov di, txt_pos(21, 0)
        mov cx, 30
.pat:   mov byte [di], 0x90
        mov byte [di-1], 0x91
        mov byte [di-2], 0x90
        add di, 32
        loop .pat
        mov si, s_foot
        mov di, txt_pos(28, 3)
        call print
        ret

s_title: db 'GOTTLIEB HARDWARE DEMO', 0
s_sub:   db 'ARCADE PROJECT HOMEBREW', 0
s_frame: db 'FRAME', 0
s_boot:  db 'BOOTS', 0
s_in:    db 'IN1    IN4    DSW', 0
s_dial:  db 'DIAL     IN3', 0
s_foot:  db '* 8088 + 6502 + DAC *', 0

; 16 pens x 2 bytes: even = green << 4 | blue, odd = red
paltab:
        db 0x02, 0x00   ; 0 dark blue
        db 0xff, 0x0f   ; 1 white
        db 0x20, 0x02   ; 2 dark olive
        db 0x84, 0x06   ; 3
        db 0x0f, 0x00   ; 4 blue
        db 0xa0, 0x0f   ; 5 orange
        db 0xc0, 0x0f   ; 6 yellow-orange
        db 0xf0, 0x0f   ; 7 yellow
        db 0xf8, 0x0f   ; 8 pale yellow
        db 0xfc, 0x0f   ; 9
        db 0xff, 0x0f   ; 10 white
        db 0x8f, 0x00   ; 11 sky blue
        db 0xff, 0x00   ; 12 cyan
        db 0x00, 0x0f   ; 13 red
        db 0x77, 0x07   ; 14 grey (animated)
        db 0xf0, 0x00   ; 15 green (animated)

        times 0xfff0 - 0x6000 - ($ - $$) db 0xff
reset:  jmp 0x0000:start                ; FFFF0h = 0xfff0 on this 16-bit-decoded board
        times 0x10000 - 0x6000 - ($ - $$) db 0xff
