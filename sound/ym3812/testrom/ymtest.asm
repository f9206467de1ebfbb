; YM3812 test for the Snow Bros. board's sound CPU (Z80 @ 6 MHz; YM3812 at I/O 02/03).
; Plays script.inc: each entry waits for a number of YM3812 timer 2 interrupts (13 × 384 µs = 4.992 ms,
; IM 1, flag reset in the handler), then writes one register. The 68000 side only keeps the watchdog quiet.
YMADDR:	equ	02h
YMDATA:	equ	03h
TICKS:	equ	8000h

	org	0000h
	di
	ld	sp,8800h
	im	1
	jp	start

	ds	0038h - $, 0ffh
irq:	push	af
	ld	a,04h
	out	(YMADDR),a
	ld	a,80h			; IRQ reset
	out	(YMDATA),a
	ld	a,(TICKS)
	inc	a
	ld	(TICKS),a
	pop	af
	ei
	reti

	ds	0066h - $, 0ffh
	retn				; no NMI source is used

start:	xor	a
	ld	(TICKS),a
	ld	a,03h
	out	(YMADDR),a
	ld	a,243			; timer 2: 13 units
	out	(YMDATA),a
	ld	a,04h
	out	(YMADDR),a
	ld	a,42h			; mask timer 1, start timer 2
	out	(YMDATA),a
	ei
	ld	hl,script
next:	ld	a,(hl)
	cp	0ffh
	jr	z,done
	ld	b,a			; interrupts to wait
wait:	ld	a,b
	or	a
	jr	z,write
	halt
	dec	b
	jr	wait
write:	inc	hl
	ld	a,(hl)
	out	(YMADDR),a
	inc	hl
	ld	a,(hl)
	out	(YMDATA),a
	inc	hl
	jr	next
done:	halt
	jr	done

	include	"script.inc"
