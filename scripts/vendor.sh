#!/usr/bin/env bash
# Vendor pinned front-end packages into the repository.
#
# Fetches each package with `npm pack <name>@<version>` into a temporary
# directory, checks the tarball against a pinned sha512 integrity, extracts it
# and copies ONLY the built files needed at runtime (plus licence texts) into
# the repository, with sourceMappingURL comments removed from JS and CSS (the .map
# files are not vendored; see strip_source_maps). Node/npm are needed only to run this script; the project
# itself serves the copied files as plain static files.
#
# Idempotent: every target directory/file it owns is recreated from scratch on
# each run, so re-running with the same pins yields byte-identical output.
#
# Usage:  scripts/vendor.sh
#
# To bump a package: change its *_VERSION and *_INTEGRITY below
# (integrity: `npm view <name>@<version> dist.integrity`), re-run, review the
# diff, and update the notes in the generated static/vendor/README.md if needed.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR_DIR="$ROOT/static/vendor"
E2E_ASSETS_DIR="$ROOT/tests/e2e/assets"

# --- Pins --------------------------------------------------------------------
KERN_PKG="@kern-ux/native"
KERN_VERSION="2.7.2"
KERN_INTEGRITY="sha512-TN0Mqbasp7S1IOqurXickde8MDj5hIcgT4s3f1i33wyv2iVgA1dTO/FoQyi6rgM9KYTYkIthl9k72g7fBUUvHg=="

HTMX_PKG="htmx.org"
HTMX_VERSION="2.0.11"   # latest 2.0.x at time of vendoring
HTMX_INTEGRITY="sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=="

AXE_PKG="axe-core"
AXE_VERSION="4.14.1"
AXE_INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

LEAFLET_PKG="leaflet"
LEAFLET_VERSION="1.9.4"
LEAFLET_INTEGRITY="sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="

# Only used to obtain the full SIL OFL 1.1 text for the Fira Sans font files,
# which @kern-ux/native ships without a licence file. No font files are taken
# from this package.
OFL_PKG="@fontsource/fira-sans"
OFL_VERSION="5.3.0"
OFL_INTEGRITY="sha512-z1SKSG7eRhm3srlb7rQ3j77QP4TP7OFxCZ4wUWhCdt+3hOF9K0AyvybpAsz6+JWNcCVV7AqC7dbOT3e67P2r5A=="

# Fira Sans faces to ship. kern.css only ever requests font-style: normal with
# weights 400 (regular), 500 (medium) and 600 (semi-bold); the other 27 faces
# in the package are unused and would add ~3.4 MB. Add e.g. "Italic" here if
# the project starts using <em>/<i> and synthesized oblique is not acceptable.
FIRA_FACES=(Regular Medium SemiBold)
# Copyright notice as stored in the fonts' own metadata (name table, ID 0).
FIRA_COPYRIGHT="Digitized data copyright (c) 2012-2015, The Mozilla Foundation and Telefonica S.A."

# --- Helpers -----------------------------------------------------------------
log() { printf '[vendor] %s\n' "$*"; }
die() { printf '[vendor] ERROR: %s\n' "$*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || die "npm is required to run this script (only for vendoring)."
command -v node >/dev/null 2>&1 || die "node is required to run this script (only for vendoring)."

TMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/vendor.XXXXXX")"
trap 'rm -rf "$TMP_DIR"' EXIT

sri_sha512() {
  node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"
}

# fetch <name> <version> <integrity>: sets PKG_DIR to the extracted package dir
PKG_DIR=""
fetch() {
  local name="$1" version="$2" integrity="$3"
  local dest="$TMP_DIR/$(printf '%s' "$name" | tr '@/' '__')-$version"
  mkdir -p "$dest"
  local tgz
  tgz="$(cd "$dest" && npm pack "$name@$version" --ignore-scripts --silent | tail -n 1)"
  [[ -n "$tgz" && -f "$dest/$tgz" ]] || die "npm pack $name@$version failed"
  local actual
  actual="$(sri_sha512 "$dest/$tgz")"
  [[ "$actual" == "$integrity" ]] || die "integrity mismatch for $name@$version: expected $integrity, got $actual"
  tar -xzf "$dest/$tgz" -C "$dest"
  [[ -d "$dest/package" ]] || die "unexpected tarball layout for $name@$version"
  log "fetched $name@$version (integrity OK)"
  PKG_DIR="$dest/package"
}

# strip_source_maps <file>: remove source map references from a JS or CSS file. The .map
# files are not vendored, and Django's ManifestStaticFilesStorage (production
# collectstatic) fails on a sourceMappingURL that does not resolve. A line holding only
# such a comment is deleted; a /*# ... */ comment after code is cut out of its line.
# Files without such comments are left byte-identical.
SOURCE_MAP_COMMENT='(//|/\*)[#@][[:space:]]*sourceMappingURL='
strip_source_maps() {
  local file="$1"
  sed -i -E \
    -e '/^[[:space:]]*\/\/[#@][[:space:]]*sourceMappingURL=[^[:space:]]*[[:space:]]*$/d' \
    -e '/^[[:space:]]*\/\*[#@][[:space:]]*sourceMappingURL=[^*]*\*\/[[:space:]]*$/d' \
    -e 's/\/\*[#@][[:space:]]*sourceMappingURL=[^*]*\*\///g' \
    "$file"
  if grep -qE "$SOURCE_MAP_COMMENT" "$file"; then
    die "${file#"$ROOT"/} still has a source map comment after stripping; extend strip_source_maps"
  fi
}

# copy <src> <dest>: copy one file, creating parent dirs, and report it. JS and CSS files
# lose their source map comments on the way (see strip_source_maps).
copy() {
  local src="$1" dest="$2" note=""
  [[ -f "$src" ]] || die "missing file in package: $src"
  mkdir -p "$(dirname "$dest")"
  cp "$src" "$dest"
  case "$dest" in
    *.js|*.css)
      if grep -qE "$SOURCE_MAP_COMMENT" "$dest"; then
        strip_source_maps "$dest"
        note=", source map comment removed"
      fi
      ;;
  esac
  chmod 0644 "$dest"
  log "  wrote ${dest#"$ROOT"/} ($(wc -c <"$dest" | tr -d ' ') bytes$note)"
}

# Fail if a CSS file references (non-data:, non-absolute) url()s that do not
# exist relative to it (would 404 and break Django's ManifestStaticFilesStorage).
check_css_urls() {
  local css="$1" dir ref path
  dir="$(dirname "$css")"
  while IFS= read -r ref; do
    [[ -z "$ref" ]] && continue
    case "$ref" in data:*|http://*|https://*|//*|\#*) continue ;; esac
    path="${ref%%[?#]*}"
    [[ -f "$dir/$path" ]] || die "${css#"$ROOT"/} references missing file: $ref"
  done < <(grep -oE 'url\([^)]*\)' "$css" | sed -E 's/^url\(\s*["'\'']?//; s/["'\'']?\s*\)$//')
}

# --- @kern-ux/native ---------------------------------------------------------
fetch "$KERN_PKG" "$KERN_VERSION" "$KERN_INTEGRITY"; KERN_SRC="$PKG_DIR"
fetch "$OFL_PKG" "$OFL_VERSION" "$OFL_INTEGRITY"; OFL_SRC="$PKG_DIR"
KERN_DEST="$VENDOR_DIR/kern-ux"
log "vendoring $KERN_PKG@$KERN_VERSION -> ${KERN_DEST#"$ROOT"/}/"
rm -rf "$KERN_DEST"
# kern.min.css already contains grid + utilities (kern-grid*.css and
# kern-utilities*.css are subsets of it); its icons are inline data: URIs.
copy "$KERN_SRC/dist/kern.min.css" "$KERN_DEST/kern.min.css"
copy "$KERN_SRC/LICENSE.md" "$KERN_DEST/LICENSE.md"

font_files=()
for face in "${FIRA_FACES[@]}"; do
  font_files+=("FiraSans-$face.woff2")
  copy "$KERN_SRC/dist/fonts/fira-sans/FiraSans-$face.woff2" "$KERN_DEST/fonts/fira-sans/FiraSans-$face.woff2"
done

# Subset of upstream dist/fonts/fira-sans.css: keep only the @font-face rules
# whose font file is shipped (rules are copied verbatim).
FIRA_CSS="$KERN_DEST/fonts/fira-sans.css"
{
  printf '/* Vendored by scripts/vendor.sh from %s@%s dist/fonts/fira-sans.css.\n' "$KERN_PKG" "$KERN_VERSION"
  printf ' * Only the @font-face rules for faces used by kern.css are kept: %s. */\n' "${FIRA_FACES[*]}"
  KEEP="${font_files[*]}" awk '
    BEGIN { RS = "}"; n = split(ENVIRON["KEEP"], keep, " ") }
    /@font-face/ {
      for (i = 1; i <= n; i++) {
        if (index($0, "/" keep[i] "\"") || index($0, "/" keep[i] ")")) {
          sub(/^[ \t\r\n]+/, ""); printf "\n%s}\n", $0; found++; break
        }
      }
    }
    END { if (found != n) { printf "expected %d @font-face rules, found %d\n", n, found > "/dev/stderr"; exit 1 } }
  ' "$KERN_SRC/dist/fonts/fira-sans.css"
} >"$FIRA_CSS" || die "could not build fira-sans.css subset"
if grep -qE "$SOURCE_MAP_COMMENT" "$FIRA_CSS"; then strip_source_maps "$FIRA_CSS"; fi
chmod 0644 "$FIRA_CSS"
log "  wrote ${FIRA_CSS#"$ROOT"/} ($(wc -c <"$FIRA_CSS" | tr -d ' ') bytes, ${#FIRA_FACES[@]} @font-face rules)"

# Fira Sans is licensed under SIL OFL 1.1 (see the fonts' name table), but
# @kern-ux/native ships no licence text for it: write one next to the fonts.
OFL_DEST="$KERN_DEST/fonts/fira-sans/OFL.txt"
{
  printf 'Fira Sans font files in this directory (from %s@%s):\n' "$KERN_PKG" "$KERN_VERSION"
  printf '%s\n\n' "$FIRA_COPYRIGHT"
  awk 'f || /^This Font Software is licensed under the SIL Open Font License/ { f = 1; print }' "$OFL_SRC/LICENSE"
} >"$OFL_DEST"
grep -q 'SIL OPEN FONT LICENSE Version 1.1' "$OFL_DEST" || die "could not extract OFL text from $OFL_PKG@$OFL_VERSION"
chmod 0644 "$OFL_DEST"
log "  wrote ${OFL_DEST#"$ROOT"/} ($(wc -c <"$OFL_DEST" | tr -d ' ') bytes, OFL text from $OFL_PKG@$OFL_VERSION)"

for css in "$KERN_DEST/kern.min.css" "$FIRA_CSS"; do
  check_css_urls "$css"
done
log "  checked url() references in CSS: all resolve"

# --- htmx.org ----------------------------------------------------------------
fetch "$HTMX_PKG" "$HTMX_VERSION" "$HTMX_INTEGRITY"; HTMX_SRC="$PKG_DIR"
HTMX_DEST="$VENDOR_DIR/htmx"
log "vendoring $HTMX_PKG@$HTMX_VERSION -> ${HTMX_DEST#"$ROOT"/}/"
rm -rf "$HTMX_DEST"
copy "$HTMX_SRC/dist/htmx.min.js" "$HTMX_DEST/htmx.min.js"
copy "$HTMX_SRC/LICENSE" "$HTMX_DEST/LICENSE"

# --- leaflet -----------------------------------------------------------------
fetch "$LEAFLET_PKG" "$LEAFLET_VERSION" "$LEAFLET_INTEGRITY"; LEAFLET_SRC="$PKG_DIR"
LEAFLET_DEST="$VENDOR_DIR/leaflet"
log "vendoring $LEAFLET_PKG@$LEAFLET_VERSION -> ${LEAFLET_DEST#"$ROOT"/}/"
rm -rf "$LEAFLET_DEST"
copy "$LEAFLET_SRC/dist/leaflet.js" "$LEAFLET_DEST/leaflet.js"
copy "$LEAFLET_SRC/dist/leaflet.css" "$LEAFLET_DEST/leaflet.css"
# All images leaflet.css references (layers*.png too: ManifestStaticFilesStorage
# fails on a url() that does not resolve) plus the marker shadow the JS loads.
for image in marker-icon.png marker-icon-2x.png marker-shadow.png layers.png layers-2x.png; do
  copy "$LEAFLET_SRC/dist/images/$image" "$LEAFLET_DEST/images/$image"
done
copy "$LEAFLET_SRC/LICENSE" "$LEAFLET_DEST/LICENSE"
check_css_urls "$LEAFLET_DEST/leaflet.css"
log "  checked url() references in leaflet.css: all resolve"

# --- axe-core (test asset only, not served) ----------------------------------
fetch "$AXE_PKG" "$AXE_VERSION" "$AXE_INTEGRITY"; AXE_SRC="$PKG_DIR"
log "vendoring $AXE_PKG@$AXE_VERSION -> ${E2E_ASSETS_DIR#"$ROOT"/}/"
copy "$AXE_SRC/axe.min.js" "$E2E_ASSETS_DIR/axe.min.js"
copy "$AXE_SRC/LICENSE" "$E2E_ASSETS_DIR/axe-core-LICENSE.txt"
# axe.min.js bundles third-party code; keep its notices with it.
copy "$AXE_SRC/LICENSE-3RD-PARTY.txt" "$E2E_ASSETS_DIR/axe-core-LICENSE-3RD-PARTY.txt"

# --- README ------------------------------------------------------------------
README="$VENDOR_DIR/README.md"
cat >"$README" <<EOF
# Vendored front-end assets

Generated by \`scripts/vendor.sh\`; do not edit the files below by hand (edit the
script instead). Node/npm are only needed to re-run the script, never to run
the project: the files are served as plain static files.

| Package | Version | Licence | Files |
|---|---|---|---|
| [\`$KERN_PKG\`](https://www.npmjs.com/package/$KERN_PKG) (KERN-UX) | $KERN_VERSION | EUPL-1.2 (\`kern-ux/LICENSE.md\`) | \`kern-ux/kern.min.css\` |
| Fira Sans (fonts shipped inside \`$KERN_PKG\`) | $KERN_VERSION | OFL-1.1 (\`kern-ux/fonts/fira-sans/OFL.txt\`) | \`kern-ux/fonts/fira-sans.css\`, \`kern-ux/fonts/fira-sans/FiraSans-{$(IFS=,; printf '%s' "${FIRA_FACES[*]}")}.woff2\` |
| [\`$HTMX_PKG\`](https://www.npmjs.com/package/$HTMX_PKG) | $HTMX_VERSION | 0BSD (\`htmx/LICENSE\`) | \`htmx/htmx.min.js\` |
| [\`$LEAFLET_PKG\`](https://www.npmjs.com/package/$LEAFLET_PKG) | $LEAFLET_VERSION | BSD-2-Clause (\`leaflet/LICENSE\`) | \`leaflet/leaflet.js\`, \`leaflet/leaflet.css\`, \`leaflet/images/{marker-icon,marker-icon-2x,marker-shadow,layers,layers-2x}.png\` |
| [\`$AXE_PKG\`](https://www.npmjs.com/package/$AXE_PKG) (tests only) | $AXE_VERSION | MPL-2.0 (\`tests/e2e/assets/axe-core-LICENSE.txt\`) | \`tests/e2e/assets/axe.min.js\` (not under \`static/\`, never served) |

Notes:

- \`kern.min.css\` already contains the KERN grid and utility classes (the
  separate \`kern-grid\`/\`kern-utilities\` files are subsets), and all icons are
  inline \`data:\` SVGs, so it needs no other files.
- Only the Fira Sans faces that \`kern.css\` actually uses are shipped
  (font-style normal, weights 400/500/600); \`fonts/fira-sans.css\` is the
  upstream file reduced to those \`@font-face\` rules. Font files are unmodified.
- The OFL text for Fira Sans is taken from \`$OFL_PKG@$OFL_VERSION\` because
  \`$KERN_PKG\` ships the fonts without it.
- Leaflet is never included up front: \`static/js/organisation-map.js\` loads
  \`leaflet/leaflet.css\` and \`leaflet/leaflet.js\` only after the user asks for
  the map on the organisation form (only offered when \`MAP_TILE_URL\` is set).
  \`layers*.png\` are unused but referenced by \`leaflet.css\`, so they are kept
  for \`collectstatic\` (ManifestStaticFilesStorage).
- \`sourceMappingURL\` comments are removed from every vendored JS and CSS file
  (\`leaflet/leaflet.js\` has one upstream): the \`.map\` files are not shipped,
  and production \`collectstatic\` (ManifestStaticFilesStorage) fails on a
  reference that does not resolve. Everything else is byte-identical to upstream.
- The optional \`kern-kopfzeile.js\` web component is not vendored; the
  Kopfzeile can be written as plain HTML with the \`kern-kopfzeile*\` classes.

Include in templates:

\`\`\`html
<link rel="stylesheet" href="{% static 'vendor/kern-ux/fonts/fira-sans.css' %}">
<link rel="stylesheet" href="{% static 'vendor/kern-ux/kern.min.css' %}">
<script src="{% static 'vendor/htmx/htmx.min.js' %}" defer></script>
\`\`\`

## Updating

1. Edit the version and integrity pins at the top of \`scripts/vendor.sh\`
   (\`npm view <name>@<version> dist.integrity\`; for htmx pick the newest 2.0.x
   from \`npm view htmx.org versions --json\`).
2. Run \`scripts/vendor.sh\` from anywhere (needs \`npm\` and \`node\`). It is
   idempotent: it recreates \`static/vendor/kern-ux/\`, \`static/vendor/htmx/\`,
   \`static/vendor/leaflet/\`,
   the three \`tests/e2e/assets/axe*\` files and this README.
3. Review \`git diff --stat static/vendor tests/e2e/assets\` and commit.
EOF
chmod 0644 "$README"
log "wrote ${README#"$ROOT"/}"

log "done. Files:"
( cd "$ROOT" && find static/vendor tests/e2e/assets -type f | LC_ALL=C sort | while IFS= read -r f; do
    printf '[vendor]   %8s  %s\n' "$(wc -c <"$f" | tr -d ' ')" "$f"
  done )
