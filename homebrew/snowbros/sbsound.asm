; sbdemo sound program: Z80 @ 6 MHz on the Snow Bros. board (ROM 0000-7fff, RAM 8000-87ff)
; YM3812 at I/O 02 (address / status) and 03 (data); I/O 04: read = command from the 68000 (NMI),
; write = reply to the 68000. The YM3812 IRQ (timer 2, 5 ms) drives INT (IM 1).
;
; Each frame the 68000 sends one command: 0x01 = tick, 0x10/0x11/0x12 = tick + sound effect
; (laser sweep on channel 3 / jump blip on channel 4 with waveform 1 / siren on channel 5 toggled, with
; tremolo and vibrato; its pitch follows the count of timer interrupts). The tick advances the tune: melody on
; channel 0, bass on channel 1, rhythm mode drums (bass drum, snare, hi-hat) on channels 6-8.
; The reply is the number of commands received.
;
; RAM is only written right after the 68000's command (once per frame, by the NMI handler and the main
; loop it wakes), so the RAM contents at each frame end do not depend on sub-frame timing; the timer
; interrupt keeps its state in the alternate registers.

YMADDR:	equ	02h
YMDATA:	equ	03h
LATCH:	equ	04h

cmdcount:	equ	8000h
lastcmd:	equ	8001h
step:	equ	8002h
stepfrm:	equ	8003h
fx1time:	equ	8004h
fx1fnum:	equ	8005h		; word
fx2time:	equ	8007h
fx2fnum:	equ	8008h		; word
siren:	equ	800ah
cmdflag:	equ	800bh
ticks:	equ	800ch		; word
cmdin:	equ	800eh
lastb:	equ	8010h		; last B0-B8 value of channels 0 and 1 (key-off keeps block and F-number)

	org	0000h
	di
	im	1
	jp	init

	ds	0038h - $, 0ffh
; YM3812 timer 2 interrupt: clear the flag and count it in bc' (the siren's pitch follows the count).
; The timer is restarted with each command, so its interrupts never meet the command's NMI.
irq:	ex	af,af'
	exx
	inc	bc
	exx
	ld	a,04h
	out	(YMADDR),a
	ld	a,80h			; IRQ reset: status flags cleared, timers keep running
	out	(YMDATA),a
	ex	af,af'
	ei
	reti

	ds	0066h - $, 0ffh
; the 68000's command: store it for the main loop (the YM3812 is only written with interrupts off, from
; the main loop and the timer interrupt, so the two never interleave an address/data pair)
nmi:	push	af
	in	a,(LATCH)		; reading the command clears the NMI line
	ld	(cmdin),a
	ld	a,1
	ld	(cmdflag),a
	pop	af
	retn

; ---- YM3812 write: register a, data c ------------------------------------------------------------
ymw:	out	(YMADDR),a
	push	af
	ld	a,c
	out	(YMDATA),a
	pop	af
	ret

; ---- start -------------------------------------------------------------------------------------
init:	ld	hl,8000h		; clear RAM (the stack lives at its top)
	ld	de,8001h
	ld	bc,07ffh
	ld	(hl),0
	ldir
	ld	sp,8800h
	ld	hl,instruments		; (register, value) pairs, register 0 ends
initlp:	ld	a,(hl)
	or	a
	jr	z,initdone
	inc	hl
	ld	c,(hl)
	inc	hl
	call	ymw
	jr	initlp
initdone:
	exx
	ld	bc,0			; timer interrupt count
	exx
	ld	a,0ffh
	ld	(stepfrm),a		; the first tick plays step 0
	ei
main:	halt
	ld	a,(cmdflag)
	or	a
	jr	z,main
	di
	xor	a
	ld	(cmdflag),a
	call	command
	ei
	jr	main

; ---- one command: count it, reply, effect, tick --------------------------------------------------
command:
	; restart timer 2 so its interrupts keep clear of the next command (17.4 ms away: 5 + 5 + 5 ms)
	ld	a,04h
	ld	c,40h			; stop (timer 1 stays masked)
	call	ymw
	ld	a,04h
	ld	c,42h			; load timer 2 again
	call	ymw
	ld	a,(cmdin)
	ld	b,a
	ld	(lastcmd),a
	ld	hl,cmdcount
	inc	(hl)
	ld	a,(hl)
	out	(LATCH),a		; reply: commands received
	ld	a,b
	and	10h
	call	nz,effect
	jp	tick

; ---- effects (command in b) --------------------------------------------------------------------
effect:	ld	a,b
	cp	10h
	jr	z,laser
	cp	11h
	jr	z,jump
	cp	12h
	ret	nz
	ld	a,(siren)		; siren toggle
	xor	1
	ld	(siren),a
	ld	c,(4<<2)|1		; key off keeps block and F-number
	jr	z,sirenset
	ld	c,20h|(4<<2)|1
sirenset:
	ld	a,0b5h
	jp	ymw
laser:	ld	a,20
	ld	(fx1time),a
	ld	hl,03ffh
	ld	(fx1fnum),hl
	ret
jump:	ld	a,12
	ld	(fx2time),a
	ld	hl,0100h
	ld	(fx2fnum),hl
	ret

; ---- once per frame ----------------------------------------------------------------------------
tick:	ld	hl,(ticks)
	inc	hl
	ld	(ticks),hl
	; siren: two pitches, swapped every 16 timer interrupts (80 ms)
	ld	a,(siren)
	or	a
	jr	z,nosiren
	exx
	ld	a,c
	exx
	and	10h
	ld	c,40h
	jr	z,lowpitch
	ld	c,0a0h
lowpitch:
	ld	a,0a5h
	call	ymw
	ld	a,0b5h
	ld	c,20h|(4<<2)|1
	call	ymw
nosiren:
	; laser: F-number falls by 40 per frame, block 5, channel 3
	ld	a,(fx1time)
	or	a
	jr	z,nofx1
	dec	a
	ld	(fx1time),a
	ld	hl,(fx1fnum)
	ld	de,-40
	add	hl,de
	ld	(fx1fnum),hl
	ld	c,l
	ld	a,0a3h
	call	ymw
	ld	a,(fx1time)
	or	a
	ld	a,h
	jr	z,fx1off
	or	20h
fx1off:	or	5<<2
	ld	c,a
	ld	a,0b3h
	call	ymw
nofx1:	; jump: F-number rises by 24 per frame, block 4, channel 4
	ld	a,(fx2time)
	or	a
	jr	z,nofx2
	dec	a
	ld	(fx2time),a
	ld	hl,(fx2fnum)
	ld	de,24
	add	hl,de
	ld	(fx2fnum),hl
	ld	c,l
	ld	a,0a4h
	call	ymw
	ld	a,(fx2time)
	or	a
	ld	a,h
	jr	z,fx2off
	or	20h
fx2off:	or	4<<2
	ld	c,a
	ld	a,0b4h
	call	ymw
nofx2:	; the tune: a step every 8 frames; notes off at frame 6, drums released at frame 4
	ld	a,(stepfrm)
	inc	a
	and	7
	ld	(stepfrm),a
	cp	4
	jr	z,drumsoff
	cp	6
	jr	z,notesoff
	or	a
	ret	nz
	; frame 0: next step
	ld	a,(step)
	ld	e,a
	inc	a
	and	63
	ld	(step),a
	ld	d,0
	ld	hl,melody
	add	hl,de
	ld	a,(hl)
	ld	b,0			; channel 0
	call	playnote
	ld	hl,bass
	add	hl,de
	ld	a,(hl)
	ld	b,1
	call	playnote
	ld	hl,drums
	add	hl,de
	ld	a,(hl)
	or	0e0h			; AM depth, vibrato depth, rhythm mode
	ld	c,a
	ld	a,0bdh
	jp	ymw
drumsoff:
	ld	a,0bdh
	ld	c,0e0h
	jp	ymw
notesoff:
	ld	b,0
	call	noteoff
	ld	b,1
noteoff:			; channel b: clear key-on, keep block/F-number
	ld	hl,lastb
	ld	e,b
	ld	d,0
	add	hl,de
	ld	a,(hl)
	and	0dfh
	ld	c,a
	ld	a,0b0h
	add	a,b
	jp	ymw

; note a (MIDI 36-95, 0 = rest) on channel b
playnote:
	or	a
	ret	z
	sub	36
	add	a,a
	ld	c,a
	push	de
	push	hl
	ld	hl,notetab
	ld	e,c
	ld	d,0
	add	hl,de
	ld	a,0a0h
	add	a,b
	ld	c,(hl)
	call	ymw
	inc	hl
	ld	a,0b0h
	add	a,b
	ld	c,(hl)
	call	ymw
	ld	hl,lastb
	ld	e,b
	add	hl,de
	ld	(hl),c
	pop	hl
	pop	de
	ret

; ---- instrument set-up: (register, value) ------------------------------------------------------
instruments:
	defb	01h,20h			; waveform select enable
	defb	08h,00h
	defb	0bdh,0e0h		; AM depth 4.8 dB, vibrato 14 cent, rhythm mode
	; channel 0 melody (operators 00/03)
	defb	20h,01h, 40h,18h, 60h,0f4h, 80h,55h, 0e0h,00h
	defb	23h,01h, 43h,00h, 63h,0f2h, 83h,54h, 0e3h,00h
	defb	0c0h,06h
	; channel 1 bass (01/04), carrier sustained
	defb	21h,02h, 41h,20h, 61h,0f5h, 81h,77h, 0e1h,00h
	defb	24h,21h, 44h,03h, 64h,0f3h, 84h,36h, 0e4h,00h
	defb	0c1h,0ah
	; channel 3 laser (08/0b)
	defb	28h,0fh, 48h,10h, 68h,0f0h, 88h,0fh, 0e8h,00h
	defb	2bh,21h, 4bh,00h, 6bh,0f0h, 8bh,0fh, 0ebh,00h
	defb	0c3h,0eh
	; channel 4 jump (09/0c): additive, quiet modulator, half-sine carrier
	defb	29h,01h, 49h,3fh, 69h,0f0h, 89h,00h, 0e9h,00h
	defb	2ch,21h, 4ch,04h, 6ch,0f0h, 8ch,05h, 0ech,01h
	defb	0c4h,01h
	; channel 5 siren (0a/0d): tremolo + vibrato on the carrier, |sine| carrier, pulse modulator, KSL
	defb	2ah,01h, 4ah,20h, 6ah,0f0h, 8ah,00h, 0eah,03h
	defb	2dh,0e1h, 4dh,82h, 6dh,0f0h, 8dh,04h, 0edh,02h
	defb	0c5h,04h, 0a5h,40h, 0b5h,(4<<2)|1
	; rhythm: channel 6 bass drum (10/13), 7 hi-hat (11) + snare (14), 8 tom (12) + cymbal (15)
	defb	30h,01h, 50h,0bh, 70h,0f8h, 90h,47h
	defb	33h,01h, 53h,00h, 73h,0f6h, 93h,67h
	defb	0c6h,04h, 0a6h,57h, 0b6h,05h
	defb	31h,01h, 51h,00h, 71h,0f7h, 91h,07h
	defb	34h,01h, 54h,00h, 74h,0f7h, 94h,07h
	defb	0a7h,0f0h, 0b7h,0ah
	defb	32h,05h, 52h,00h, 72h,0f8h, 92h,07h
	defb	35h,01h, 55h,03h, 75h,0f5h, 95h,07h
	defb	0a8h,50h, 0b8h,09h
	; timer 2: 13 × 384 µs = 5 ms, timer 1 masked, IRQ on
	defb	03h,243
	defb	04h,42h
	defb	0

	include	"notes.inc"
