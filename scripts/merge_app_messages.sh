#!/usr/bin/env bash
# Move translations that apps kept in their own locale/ folder (scripts/app_messages.sh)
# into the main catalogues (locale/), then extract and compile everything as
# `make messages` does. The main catalogue wins where both translate a string.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
for app_po in landnetz/*/locale/*/LC_MESSAGES/django.po; do
  lang="$(basename "$(dirname "$(dirname "$app_po")")")"
  main="locale/$lang/LC_MESSAGES/django.po"
  [[ -f "$main" ]] || { echo "no main catalogue for $lang ($app_po)" >&2; exit 1; }
  msgcat --use-first --no-wrap "$main" "$app_po" -o "$main.merged"
  mv "$main.merged" "$main"
  echo "merged $app_po into $main"
done
for app_locale in landnetz/*/locale; do
  rm -rf "$app_locale"
done
make --no-print-directory messages
# English: every msgstr is its msgid (what makemessages matched "fuzzily" is wrong there).
en=locale/en/LC_MESSAGES/django.po
msgattrib --clear-fuzzy --empty --no-wrap "$en" -o "$en.tmp"
msgen --no-wrap "$en.tmp" -o "$en"
rm -f "$en.tmp"
.venv/bin/python manage.py compilemessages --ignore .venv -v0
for lang in locale/*/; do
  echo "$lang: $(msgfmt --statistics -o /dev/null "$lang/LC_MESSAGES/django.po" 2>&1)"
done
