#!/bin/sh
# Every source file with a translatable string (_() or N_()) is listed in
# po/POTFILES.in, so xgettext sees its strings: src/ui/view.c was missing
# and the crossing sentence stayed English in the Chinese interface.
# Exits 1 naming each file that is missing.
top=${top_srcdir:-.}
missing=0
for f in $(cd "$top" && find src -name '*.c' | LC_ALL=C sort); do
	# A call, not the macro's definition or a word ending in _.
	if grep -E -q '(^|[^A-Za-z0-9_])N?_\(' "$top/$f" &&
	    ! grep -E -q "^$f\$" "$top/po/POTFILES.in"; then
		echo "FAIL: $f has translatable strings but is not in" \
		    "po/POTFILES.in" >&2
		missing=1
	fi
done
for f in $(grep -v '^#' "$top/po/POTFILES.in"); do
	if [ ! -f "$top/$f" ]; then
		echo "FAIL: po/POTFILES.in names $f, which does not exist" >&2
		missing=1
	fi
done
exit $missing
