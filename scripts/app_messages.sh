#!/usr/bin/env bash
# Extract one app's messages into landnetz/<app>/locale/<lang>/LC_MESSAGES/django.po and
# compile them, to translate while the app is being built next to others (Django reads an
# app's own locale/ folder after the main one). Translations already in the app's file or
# in the main catalogue are kept; new ones come empty. scripts/merge_app_messages.sh later
# moves them into the main catalogues (locale/).
#   scripts/app_messages.sh groups
set -euo pipefail
cd "$(dirname "$0")/.."
app="$1"
root="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "landnetz/$app" "$work/$app"
mkdir -p "$work/locale"
rm -rf "$work/$app/locale"
(cd "$work" && "$root/.venv/bin/django-admin" makemessages -l de -l uk -l ar -l ru --no-location --no-obsolete -v0)
for lang in de uk ar ru; do
  new="$work/locale/$lang/LC_MESSAGES/django.po"
  mkdir -p "landnetz/$app/locale/$lang/LC_MESSAGES"
  out="landnetz/$app/locale/$lang/LC_MESSAGES/django.po"
  main="locale/$lang/LC_MESSAGES/django.po"
  # The header (plural forms) comes from the main catalogue.
  "$root/.venv/bin/python" - "$main" "$new" <<'PY'
import re, sys
main, new = (open(name, encoding="utf-8").read() for name in sys.argv[1:])
plural = re.search(r'^"Plural-Forms.*$', main, re.M).group(0)
new = re.sub(r'^"Plural-Forms:[^\n]*\n(?:"(?![A-Z][\w-]*: )[^\n]*\n)*', lambda _: plural + "\n", new, count=1, flags=re.M)
new = new.replace("charset=CHARSET", "charset=UTF-8").replace("#, fuzzy\n", "", 1)
open(sys.argv[2], "w", encoding="utf-8").write(new)
PY
  if [[ -f "$out" ]]; then
    msgmerge -q --no-fuzzy-matching --no-location --no-wrap -C "$main" "$out" "$new" -o "$out.tmp"
  else
    msgmerge -q --no-fuzzy-matching --no-location --no-wrap -C "$main" "$new" "$new" -o "$out.tmp"
  fi
  msgattrib --no-obsolete --no-wrap "$out.tmp" -o "$out"
  rm -f "$out.tmp"
  echo "$out: $(msgfmt --statistics -o "${out%.po}.mo" "$out" 2>&1)"
done
