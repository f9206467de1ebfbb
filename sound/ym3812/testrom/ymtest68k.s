| Minimal 68000 side of the YM3812 test: interrupts masked, the watchdog written in a loop.
	.text
	.org	0
	.long	0x104000
	.long	start
	.rept	254
	.long	start
	.endr
start:	move.w	#0x2700,sr
1:	move.w	d0,0x200000
	bra.s	1b
