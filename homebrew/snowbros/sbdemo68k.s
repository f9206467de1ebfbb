| sbdemo main program: MC68000 @ 8 MHz on the Snow Bros. board (GNU as, --register-prefix-optional).
|
| Board facts used (../../../shared/docs/DRIVER-TARGETS.md § Snow Bros., MAME 0.251 kaneko/snowbros.cpp):
|   ROM 000000-03ffff, work RAM 100000-103fff, palette 600000 (256 words xBGR 5-5-5),
|   Pandora sprite RAM 700000: byte k of sprite n at word 700000 + 16n + 2k (low byte),
|   inputs 500000 DSW1 / 500002 DSW2 / 500004 SYSTEM (controls active low in the high byte),
|   300001 sound command (write) / reply (read), 200000 watchdog, 400000 bit 7 = 0 flips the screen,
|   autovectored IRQ 4 at line 32 (ack 800000), IRQ 3 at line 128 (900000), IRQ 2 at line 240 (a00000).
|
| What it shows: a scrolling wall of 238 background sprites (17 per row, chained with relative
| positions, eight colour banks), 64 sprites on Lissajous paths (banks 8-15, some with flip bits), a
| 32x32 snowman of four chained sprites steered with the P1 joystick (flips when walking left), hex
| read-outs of the frame counter, the inputs and the sound CPU's reply, colour cycling on bank 15 and
| a pulsing background colour (pen 0xf0). P1 buttons 1/2/3 send sound effects (laser, jump, siren on/off),
| every frame sends a tick that drives the FM tune. P2 button 1 (or the Flip Screen DIP) flips the screen.
|
| Timing discipline: the CPU waits in STOP between interrupts and does each part of a frame's work in
| the window after one interrupt (after IRQ 2: inputs, sound, palette, the snowman; after IRQ 4: half of
| the wall and the text; after IRQ 3: the other half and the 64 moving sprites), so every interrupt
| arrives during STOP and the RAM contents at any frame end do not depend on sub-instruction timing.

	.equ	RAM,	0x100000
	.equ	PALETTE,	0x600000
	.equ	SPRITES,	0x700000
	.equ	DSW1,	0x500000
	.equ	DSW2,	0x500002
	.equ	SYSTEM,	0x500004
	.equ	SOUND,	0x300001
	.equ	WATCHDOG,	0x200000
	.equ	FLIP,	0x400000
	.equ	ACK4,	0x800000
	.equ	ACK3,	0x900000
	.equ	ACK2,	0xa00000

	| work RAM variables
	.equ	frame,	RAM+0x00	| long: IRQ 2 count
	.equ	phase,	RAM+0x04	| byte: 1 after IRQ 2, 2 after IRQ 4, 3 after IRQ 3
	.equ	irq4n,	RAM+0x06	| word
	.equ	irq3n,	RAM+0x08	| word
	.equ	in1,	RAM+0x0a	| word: DSW1
	.equ	in2,	RAM+0x0c	| word: DSW2
	.equ	insys,	RAM+0x0e	| word: SYSTEM
	.equ	px,	RAM+0x10	| word
	.equ	py,	RAM+0x12	| word
	.equ	pleft,	RAM+0x14	| word: 0x8000 when facing left
	.equ	reply,	RAM+0x16	| word: last reply from the sound CPU
	.equ	prevbt,	RAM+0x18	| word: buttons pressed last frame (active high)
	.equ	lastcmd,	RAM+0x1a	| word
	.equ	flipped,	RAM+0x1c	| word

	.equ	BG_SPRITE,	0	| 14 rows x 17
	.equ	BALL_SPRITE,	238	| 64
	.equ	PLAYER_SPRITE,	302	| 4
	.equ	TEXT_SPRITE,	306

	.text
	.org	0
vectors:
	.long	0x104000		| initial SSP: top of work RAM
	.long	start
	.rept	22
	.long	fault			| bus/address error, illegal … traps 2-23
	.endr
	.long	fault			| 24 spurious
	.long	fault			| 25 level 1
	.long	irq2			| 26 level 2: line 240 (VBLANK)
	.long	irq3			| 27 level 3: line 128
	.long	irq4			| 28 level 4: line 32
	.rept	256-29
	.long	fault
	.endr

fault:	bra.s	fault

irq2:	move.w	d0,ACK2
	addq.l	#1,frame
	move.b	#1,phase
	rte
irq3:	move.w	d0,ACK3
	addq.w	#1,irq3n
	move.b	#3,phase
	rte
irq4:	move.w	d0,ACK4
	addq.w	#1,irq4n
	move.b	#2,phase
	rte

start:	move.w	#0x2700,sr
	lea	RAM,a0			| clear work RAM (below the stack that is in use: nothing yet)
	move.w	#0x1000-1,d0
1:	clr.l	(a0)+
	dbra	d0,1b
	lea	SPRITES,a0		| clear sprite RAM
	move.w	#0x1000-1,d0
1:	clr.w	(a0)+
	dbra	d0,1b
	lea	paltab,a1		| palette
	lea	PALETTE,a0
	move.w	#256-1,d0
1:	move.w	(a1)+,(a0)+
	dbra	d0,1b
	move.w	#120,px
	move.w	#136,py
	move.b	#0x80,FLIP
	move.w	#0x2000,sr		| interrupts on (mask 0)

main:	stop	#0x2000
	move.b	phase,d0
	beq.s	main
	clr.b	phase
	cmpi.b	#1,d0
	bne.s	1f
	bsr	vblank_work
	bra.s	main
1:	cmpi.b	#2,d0
	bne.s	2f
	moveq	#0,d7			| wall rows 0-6
	bsr	wall
	bsr	text
	bra.s	main
2:	moveq	#7,d7			| wall rows 7-13
	bsr	wall
	bsr	balls
	bra.s	main

| ---- after IRQ 2 -----------------------------------------------------------------------------------
vblank_work:
	move.w	d0,WATCHDOG
	move.w	DSW1,in1
	move.w	DSW2,in2
	move.w	SYSTEM,insys
	moveq	#0,d0
	move.b	SOUND,d0
	move.w	d0,reply

	| sound: one command per frame (a tick, or a tick with an effect on a new button press)
	move.w	in1,d0
	not.w	d0
	andi.w	#0x7000,d0		| P1 buttons 1-3, active high
	move.w	prevbt,d1
	move.w	d0,prevbt
	not.w	d1
	and.w	d1,d0			| newly pressed
	moveq	#0x01,d1
	btst	#12,d0
	beq.s	1f
	moveq	#0x10,d1
	bra.s	3f
1:	btst	#13,d0
	beq.s	2f
	moveq	#0x11,d1
	bra.s	3f
2:	btst	#14,d0
	beq.s	3f
	moveq	#0x12,d1
3:	move.b	d1,SOUND
	move.w	d1,lastcmd

	| flip screen: P2 button 1 held or the Flip Screen DIP on
	moveq	#0,d1
	btst	#4,in2			| word bit 12 = bit 4 of its high byte
	bne.s	1f
	moveq	#1,d1
1:	btst	#1,in1+1
	bne.s	2f
	moveq	#1,d1
2:	move.w	d1,flipped
	move.b	#0x80,d0
	tst.w	d1
	beq.s	3f
	moveq	#0,d0
3:	move.b	d0,FLIP

	| joystick: 2 pixels per frame, positions kept in 16..224 x 16..208 (sprite coordinates)
	move.w	in1,d0
	move.w	px,d2
	move.w	py,d3
	btst	#8,d0			| up
	bne.s	1f
	subq.w	#2,d3
1:	btst	#9,d0			| down
	bne.s	1f
	addq.w	#2,d3
1:	btst	#10,d0			| left
	bne.s	1f
	subq.w	#2,d2
	move.w	#0x8000,pleft
1:	btst	#11,d0			| right
	bne.s	1f
	addq.w	#2,d2
	clr.w	pleft
1:	cmpi.w	#16,d2
	bge.s	1f
	moveq	#16,d2
1:	cmpi.w	#224,d2
	ble.s	1f
	move.w	#224,d2
1:	cmpi.w	#16,d3
	bge.s	1f
	moveq	#16,d3
1:	cmpi.w	#208,d3
	ble.s	1f
	move.w	#208,d3
1:	move.w	d2,px
	move.w	d3,py

	bsr	palette_fx
	bra	player

| ---- colour cycling on bank 15 (pens 0xf1-0xfe) and the background pen 0xf0 -------------------------
palette_fx:
	move.l	frame,d0
	lsr.l	#2,d0
	divu	#14,d0
	swap	d0			| d0.w = (frame / 4) mod 14
	add.w	d0,d0
	lea	paltab+0xf1*2,a1
	lea	PALETTE+0xf1*2,a0
	moveq	#14-1,d1
1:	move.w	(a1,d0.w),(a0)+		| pen 0xf1 + i = table pen 0xf1 + (i + k) mod 14
	addq.w	#2,d0
	cmpi.w	#14*2,d0
	blt.s	2f
	subi.w	#14*2,d0
2:	dbra	d1,1b
	move.l	frame,d0		| background: blue 4-11 and back, one step per 8 frames
	lsr.l	#3,d0
	andi.w	#15,d0
	cmpi.w	#8,d0
	blt.s	1f
	eori.w	#15,d0
1:	addq.w	#4,d0
	moveq	#10,d1
	lsl.w	d1,d0
	ori.w	#0x0402,d0		| a little green and red
	move.w	d0,PALETTE+0xf0*2
	rts

| ---- sprite writer: a0 = &byte 3 of the sprite; d1 = byte 3 flags (bank << 4 | relative 4),
|      d2 = x, d3 = y (9 bits), d4 = tile | 0x8000 flip X | 0x4000 flip Y. a0 advances to the next sprite.
put:	move.w	d2,d5
	lsr.w	#8,d5
	andi.w	#1,d5
	move.w	d3,d6
	lsr.w	#7,d6
	andi.w	#2,d6
	or.w	d6,d5
	or.w	d1,d5
	move.w	d5,(a0)+		| byte 3
	move.w	d2,(a0)+		| byte 4: x
	move.w	d3,(a0)+		| byte 5: y
	move.w	d4,(a0)+		| byte 6: tile bits 7-0
	move.w	d4,d5
	lsr.w	#8,d5
	move.w	d5,(a0)+		| byte 7: flips, tile bits 13-8
	addq.l	#6,a0
	rts

| ---- the wall: rows d7 .. d7+6, 17 sprites each; the first absolute, the others 16 pixels to its right
wall:	moveq	#7-1,d0
1:	move.w	d7,d6
	mulu	#17*16,d6
	lea	SPRITES+6,a0
	adda.l	d6,a0
	move.w	d7,d1			| colour bank = row mod 8
	andi.w	#7,d1
	lsl.w	#4,d1
	move.l	frame,d2		| scroll left one pixel per frame
	andi.w	#15,d2
	neg.w	d2
	andi.w	#0x1ff,d2
	move.w	d7,d3
	lsl.w	#4,d3
	addi.w	#16,d3
	move.w	d7,d4
	andi.w	#3,d4
	addq.w	#1,d4			| tiles 1-4
	move.w	d0,-(sp)
	bsr	put
	ori.w	#4,d1			| relative
	moveq	#16,d2
	moveq	#0,d3
	moveq	#16-1,d0
2:	bsr	put
	dbra	d0,2b
	move.w	(sp)+,d0
	addq.w	#1,d7
	dbra	d0,1b
	rts

| ---- 64 sprites on Lissajous paths ------------------------------------------------------------------
balls:	lea	SPRITES+BALL_SPRITE*16+6,a0
	lea	sine,a1
	move.l	frame,d7
	moveq	#0,d0			| i
1:	move.w	d0,d5			| x = 120 + sin(frame + 4i)
	lsl.w	#2,d5
	add.w	d7,d5
	andi.w	#0xff,d5
	move.b	(a1,d5.w),d2
	ext.w	d2
	addi.w	#120,d2
	move.w	d0,d5			| y = 120 + sin(2 frame + 8i + 64)
	lsl.w	#3,d5
	add.w	d7,d5
	add.w	d7,d5
	addi.w	#64,d5
	andi.w	#0xff,d5
	move.b	(a1,d5.w),d3
	ext.w	d3
	addi.w	#120,d3
	move.w	d0,d1			| bank 8-15
	andi.w	#7,d1
	addq.w	#8,d1
	lsl.w	#4,d1
	moveq	#5,d4			| ball, or every fourth one the "F" marker with flips
	move.w	d0,d5
	andi.w	#3,d5
	bne.s	2f
	moveq	#0x10,d4
	move.w	d0,d5
	lsl.w	#4,d5			| (i >> 2) & 3 → flip Y, flip X in bits 14, 15
	andi.w	#0xc000,d5
	or.w	d5,d4
2:	andi.w	#0x1ff,d2
	andi.w	#0x1ff,d3
	movem.l	d0/d7,-(sp)
	bsr	put
	movem.l	(sp)+,d0/d7
	addq.w	#1,d0
	cmpi.w	#64,d0
	blt.s	1b
	rts

| ---- the snowman: 2x2 chained sprites -----------------------------------------------------------------
player:	lea	SPRITES+PLAYER_SPRITE*16+6,a0
	move.w	#0xe0,d1		| bank 14
	move.w	px,d2
	move.w	py,d3
	move.w	pleft,d7
	moveq	#6,d4			| top left (top right when facing left)
	tst.w	d7
	beq.s	1f
	moveq	#7,d4
1:	or.w	d7,d4
	bsr	put
	ori.w	#4,d1
	moveq	#16,d2
	moveq	#0,d3
	eori.w	#1,d4			| 6 <-> 7
	bsr	put
	move.w	#0x1f0,d2		| -16
	moveq	#16,d3
	addq.w	#2,d4			| 8 / 9
	eori.w	#1,d4
	bsr	put
	moveq	#16,d2
	moveq	#0,d3
	eori.w	#1,d4
	bra	put

| ---- text: "FRAME hhhh" at the top, "IN hhhh hhhh" and "SND hh" at the bottom ------------------------
text:	lea	SPRITES+TEXT_SPRITE*16+6,a0
	lea	str_frame,a1
	moveq	#0,d2
	moveq	#16,d3
	bsr	puts
	move.l	frame,d0
	moveq	#4-1,d7
	bsr	puthex
	lea	str_in,a1
	moveq	#0,d2
	move.w	#192,d3
	bsr	puts
	move.w	in1,d0
	moveq	#4-1,d7
	bsr	puthex
	bsr	putspace
	move.w	insys,d0
	moveq	#4-1,d7
	bsr	puthex
	lea	str_snd,a1
	moveq	#0,d2
	move.w	#212,d3
	bsr	puts
	move.w	reply,d0
	moveq	#2-1,d7
	bsr	puthex
	bsr	putspace
	move.w	lastcmd,d0
	moveq	#2-1,d7
	bra	puthex

| a1 = string (0-terminated), d2/d3 = position of the first character (absolute), the rest relative
puts:	move.w	#0xf0,d1		| bank 15
	moveq	#0,d4
	move.b	(a1)+,d4
	bsr	put
	move.w	#0xf4,d1
	moveq	#16,d2
	moveq	#0,d3
1:	moveq	#0,d4
	move.b	(a1)+,d4
	beq.s	2f
	cmpi.b	#0x20,d4
	bne.s	3f
	moveq	#0,d4			| space: the empty tile
3:	bsr	put
	bra.s	1b
2:	rts

putspace:
	moveq	#0,d4
	bra	put

| d0 = value, d7 = digits - 1; continues a relative chain (d1 = 0xf4, d2 = 16, d3 = 0)
puthex:	move.w	d7,d6
	lsl.w	#2,d6
	move.w	d0,d4
	lsr.w	d6,d4
	andi.w	#15,d4
	cmpi.w	#10,d4
	blt.s	1f
	addq.w	#7,d4			| 'A' - '0' - 10
1:	addi.w	#0x30,d4
	move.w	d0,-(sp)
	bsr	put
	move.w	(sp)+,d0
	dbra	d7,puthex
	rts

str_frame:	.asciz	"FRAME "
str_in:		.asciz	"IN "
str_snd:	.asciz	"SND "
	.even

| palette: bank b, pen p (1-15) → a colour ramp per bank; pen 0 black (pen 0xf0 is animated)
paltab:
	.include	"palette.inc"

	.include	"tables.inc"
	.even
