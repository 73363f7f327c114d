#!/bin/sh
# The layering of ARCHITECTURE.md, enforced: curses only in src/ui, and
# each module includes only the modules below it.  Usage: layering.sh [SRCDIR]
src=${1:-${top_srcdir:-.}/src}
fail=0
bad() { echo "layering: $1"; fail=$((fail + 1)); }

# 1. No curses header outside src/ui.
hits=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](n?cursesw?/)?(n?curses|ncursesw|term|panel|menu|form)\.h[>"]' \
    "$src" --include='*.[ch]' | grep -v "^$src/ui/" || true)
[ -z "$hits" ] || bad "curses header outside src/ui:
$hits"

# 2. Each module may include only these project modules.
allowed() {
	case $1 in
	core) echo "core" ;;
	lib) echo "lib" ;;
	sim) echo "core lib sim" ;;
	script) echo "core lib sim script" ;;
	lab) echo "core lib sim lab" ;;
	lesson) echo "core lib sim script lesson" ;;
	quiz) echo "core lib sim script lesson quiz" ;;
	capture) echo "core lib sim script capture" ;;
	ui) echo "core lib sim script lesson quiz capture ui" ;;
	esac
}
for dir in "$src"/*/; do
	mod=$(basename "$dir")
	ok=$(allowed "$mod")
	[ -n "$ok" ] || continue
	grep -rnoE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z]+/' \
	    "$dir" --include='*.[ch]' | while IFS= read -r line; do
		inc=$(echo "$line" | sed -E 's/.*"([a-z]+)\/.*/\1/')
		case " $ok " in
		*" $inc "*) ;;
		*) echo "layering: $line: src/$mod must not include $inc/" ;;
		esac
	done
done > layering.$$.out
if [ -s layering.$$.out ]; then
	cat layering.$$.out
	fail=$((fail + $(wc -l < layering.$$.out)))
fi
rm -f layering.$$.out

# 3. The core is libc only: no config.h-dependent or system headers beyond C.
hits=$(grep -rnE '#[[:space:]]*include[[:space:]]*<(unistd|sys/|fcntl|libintl|locale|pthread)' \
    "$src/core" --include='*.[ch]' || true)
[ -z "$hits" ] || bad "non-libc header in src/core:
$hits"

# 4. Each module's sources are in its layer's convenience library, so the
# linker enforces what rule 2 checks in the includes: a library links only
# with those below it (Makefile.am).
mk=$src/../Makefile.am
if [ -f "$mk" ]; then
	out=$(awk '
	/^[a-z_]+_SOURCES[ \t]*\+?=/ { lib = $1; sub(/_SOURCES$/, "", lib) }
	lib != "" { for (i = 1; i <= NF; i++) if ($i ~ /^src\/.*\.c$/)
		print lib, $i }
	!/\\$/ { lib = "" }' "$mk" | while read -r lib file; do
		mod=$(echo "$file" | cut -d/ -f2)
		case $mod in
		core) want=libtcpcore_a ;;
		lib|sim) want=libtcpteach_a ;;
		script) want=libtcpscript_a ;;
		lesson) want=libtcplesson_a ;;
		quiz) want=libtcpquiz_a ;;
		capture) want=libtcpcapture_a ;;
		lab) want=libtcplab_a ;;
		ui) want="libtcpview_a tcpteach" ;;
		*) want=tcpteach ;;
		esac
		case " $want " in
		*" $lib "*) ;;
		*) echo "layering: $file is in ${lib}, not in ${want}" ;;
		esac
	done)
	[ -z "$out" ] || { echo "$out"; fail=$((fail + $(echo "$out" | wc -l))); }
fi

if [ "$fail" -ne 0 ]; then
	echo "0 passed, $fail failed"
	exit 1
fi
echo "1 passed, 0 failed"
