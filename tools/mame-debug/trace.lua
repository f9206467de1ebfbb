-- Writes MAME's `trace` of CPU TRACE_CPU (default maincpu) to TRACE_OUT from power-on until the end of frame
-- TRACE_FRAMES (MAME's frame-done callback, as the oracle counts frames), then turns the trace off and exits.
-- TRACE_INPUTS optionally names an input script in the oracle's format (`FRAME PORT FIELD = VALUE`), applied
-- after frame FRAME is done as the oracle does. Used by tools/make-golden-trace.sh.
if _G.__trace_loaded then return end
_G.__trace_loaded = true
local machine = manager.machine
local dbg = machine.debugger
local frames = tonumber(os.getenv("TRACE_FRAMES") or "1")
local cpu = os.getenv("TRACE_CPU") or "maincpu"
local events = {}
local inputs = os.getenv("TRACE_INPUTS") or ""
if inputs ~= "" then
  -- the oracle's format: `FRAME PORT FIELD = VALUE`, or `START-END PORT FIELD` (held, released after END)
  for line in io.lines(inputs) do
    line = line:gsub("#.*$", ""):gsub("^%s+", ""):gsub("%s+$", "")
    local a, b, port, field = line:match("^(%d+)%-(%d+)%s+(%S+)%s+(.+)$")
    if a then
      events[#events + 1] = { frame = tonumber(a), port = port, field = field, value = 1 }
      events[#events + 1] = { frame = tonumber(b) + 1, port = port, field = field, value = 0 }
    else
      local f, p, fld, value = line:match("^(%d+)%s+(%S+)%s+(.-)%s*=%s*(%d+)$")
      if f then events[#events + 1] = { frame = tonumber(f), port = p, field = fld, value = tonumber(value) } end
    end
  end
end
local function apply(frame)
  for _, e in ipairs(events) do
    if e.frame == frame then
      local port = machine.ioport.ports[e.port:sub(1, 1) == ":" and e.port or (":" .. e.port)]
      local field = port and port.fields[e.field]
      if not field then error("no input " .. e.port .. " / " .. e.field) end
      field:set_value(e.value)
    end
  end
end
dbg:command("trace " .. os.getenv("TRACE_OUT") .. "," .. cpu)
apply(0)
local n = 0
emu.register_frame_done(function()
  n = n + 1
  if n == frames then
    dbg:command("trace off," .. cpu)
    machine:exit()
    return
  end
  apply(n)
end)
dbg:command("go")
