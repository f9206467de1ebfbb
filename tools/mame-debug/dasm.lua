-- Writes MAME's disassembly of maincpu DASM_START..+DASM_LENGTH (hex) to DASM_OUT with the debugger's
-- `dasm` command, then exits. Used by tools/make-golden-z80-dasm.sh.
if _G.__dasm_done then return end
_G.__dasm_done = true
local dbg = manager.machine.debugger
dbg:command(string.format("dasm %s,%s,%s,0", os.getenv("DASM_OUT"), os.getenv("DASM_START"), os.getenv("DASM_LENGTH")))
manager.machine:exit()
