#!/usr/bin/env bash
# Run MAME 0.251's debugger headless on a ROM folder with a Lua script (MAME `-debug -debugger none
# -autoboot_script`), the way the debugger goldens in test/debug/ are recorded.
#
# usage: tools/mame-debug.sh MACHINE ROMDIR SCRIPT.lua [ENV=VALUE…]
#   ROMDIR is a flat folder of ROM files (linked as <rompath>/MACHINE). The script sees the ENV pairs
#   as environment variables. MAME 0.251 may crash while tearing down Lua after the script made it
#   exit; that exit status is ignored when the script wrote its output (the caller checks).
set -uo pipefail
[ $# -ge 3 ] || { echo "usage: $0 MACHINE ROMDIR SCRIPT.lua [ENV=VALUE…]" >&2; exit 2; }
machine=$1 romdir=$(cd "$2" && pwd) script=$(cd "$(dirname "$3")" && pwd)/$(basename "$3"); shift 3
mame=/usr/games/mame
[ -x "$mame" ] || { echo "mame-debug: MAME not found at $mame (Debian package 'mame')" >&2; exit 4; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rp" && ln -s "$romdir" "$work/rp/$machine"
ulimit -c 0
env "$@" SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy timeout 300 "$mame" "$machine" -rompath "$work/rp" \
  -noreadconfig -nowriteconfig -noplugins -skip_gameinfo -video none -sound none -nothrottle \
  -homepath "$work" -cfg_directory "$work/cfg" -nvram_directory "$work/nvram" -nonvram_save -noautosave -nocheat \
  -state_directory "$work/sta" -input_directory "$work/inp" -diff_directory "$work/diff" \
  -debug -debugger none -autoboot_delay 0 -autoboot_script "$script" > "$work/mame.log" 2>&1 &
wait $!   # (as a background job, so the shell does not report MAME's crash at Lua teardown)
rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 139 ]; then cat "$work/mame.log" >&2; echo "mame-debug: MAME exited with status $rc" >&2; exit 4; fi
exit 0
