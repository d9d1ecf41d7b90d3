#!/usr/bin/env bash
# URL agreement with the generator itself, on whole real sites (outside the default test run;
# the same check on sample-content runs in CI as tests/integration/test_hugo_site.cpp).
#
#   bench/site_agreement.sh [digitalgov|cncf-glossary|hugo-docs ...]   (default: the first two)
#
# Each site from ../shared/sites is assembled in a temporary folder (its config, its content), built
# with Debian's Hugo (0.111) and indexed with `folio index SITE_ROOT`. Hugo gets minimal layouts
# that mark every page written from a content file, and a template for every shortcode the content
# uses (printing {{ .Inner }} when the content ever closes it, nothing otherwise). What Hugo needs
# and folio reads alike goes in config/_default/hugo.toml: ignoreFiles for the corpus's SOURCE.md,
# enableGitInfo off (there is no git repository). The theme and Hugo module imports are removed
# (they are not here and Hugo would fetch them). Prints, per site: pages Hugo wrote from a file,
# URLs folio stored, the agreement both ways, and the first differences; exits 1 below 100%.
set -euo pipefail
cd "$(dirname "$0")/.."
folio="$PWD/build/cli/folio"
shared="$PWD/../shared"
[[ -x "$folio" ]] || { echo "build folio first: scripts/build.sh build" >&2; exit 2; }
command -v hugo >/dev/null || { echo "hugo is needed: apt-get install hugo" >&2; exit 2; }
(($# == 0)) && set -- digitalgov cncf-glossary
work=$(mktemp -d /tmp/folio-sites-XXXXXX)
trap 'rm -rf "$work"' EXIT

assemble() {  # assemble NAME SITE_DIR
  local name=$1 site=$2 config
  mkdir -p "$site/layouts/_default" "$site/layouts/shortcodes" "$site/config/_default"
  case "$name" in
    digitalgov)
      grep -vE '^(theme|themesDir):' "$shared/sites/digitalgov/config.yml" >"$site/config.yml"
      ln -s "$shared/corpora/digitalgov" "$site/content" ;;
    cncf-glossary)
      sed '/^\[module\]/,$d' "$shared/sites/cncf-glossary/config.toml" >"$site/config.toml"  # docsy
      ln -s "$shared/sites/cncf-glossary/content" "$site/content" ;;
    hugo-docs)
      sed '/^\[module.hugoVersion\]/,/^\[\[module.mounts\]\]/{/^\[module.hugoVersion\]/d;/^ *min/d}' \
        "$shared/sites/hugo-docs/hugo.toml" >"$site/hugo.toml"
      mkdir -p "$site/content" && ln -s "$shared/corpora/hugo-docs" "$site/content/en" ;;
    *) echo "unknown site $name" >&2; exit 2 ;;
  esac
  cat >"$site/config/_default/hugo.toml" <<'TOML'
ignoreFiles = ['SOURCE\.md$']
enableGitInfo = false
TOML
  for kind in single list; do
    cat >"$site/layouts/_default/$kind.html" <<'HTML'
{{ with .File }}<meta name="folio-page" content="{{ $.RelPermalink }}">{{ end }}{{ .Content }}
HTML
  done
  # Shortcodes: every name the content uses; {{ .Inner }} for those it ever closes.
  local content="$site/content/"
  grep -rhoE '\{\{[<%] */?[A-Za-z0-9_/.-]+' "$content" --include='*.md' 2>/dev/null |
    sed -E 's/^\{\{[<%] *//' | sort -u >"$work/$name.shortcodes" || true
  while read -r code; do
    [[ "$code" == /* ]] && continue
    mkdir -p "$(dirname "$site/layouts/shortcodes/$code.html")"
    if grep -qx "/$code" "$work/$name.shortcodes"; then
      echo '{{ .Inner }}' >"$site/layouts/shortcodes/$code.html"
    else
      : >"$site/layouts/shortcodes/$code.html"
    fi
  done <"$work/$name.shortcodes"
}

folio_urls() {  # folio_urls DB: every stored URL, one per line
  local page=1
  while :; do
    "$folio" search "" --db "$1" --json --limit 100 --page "$page" >"$work/page.json"
    /usr/bin/python3 -c 'import json,sys; [print(h["url"]) for h in json.load(open(sys.argv[1]))["hits"]]' \
      "$work/page.json" >"$work/page.txt"
    cat "$work/page.txt"
    (($(wc -l <"$work/page.txt") < 100)) && break
    page=$((page + 1))
  done
}

status=0
for name in "$@"; do
  site="$work/$name"
  assemble "$name" "$site"
  start=$(date +%s.%N)
  hugo --source "$site" --destination "$work/$name-public" --cacheDir "$work/cache" --quiet \
    >"$work/$name.hugo.log" 2>&1 || { echo "$name: hugo failed:"; tail -20 "$work/$name.hugo.log"; }
  hugo_s=$(echo "$(date +%s.%N) - $start" | bc)
  start=$(date +%s.%N)
  "$folio" index "$site" --db "$work/$name.db" --full >"$work/$name.folio.log" 2>&1 || true
  folio_s=$(echo "$(date +%s.%N) - $start" | bc)
  grep -rhoE '<meta name="folio-page" content="[^"]*">' "$work/$name-public" --include='*.html' |
    sed -E 's/.*content="([^"]*)".*/\1/' >"$work/$name.hugo.txt" || true
  folio_urls "$work/$name.db" >"$work/$name.folio.txt"
  /usr/bin/python3 - "$name" "$work/$name.hugo.txt" "$work/$name.folio.txt" "$hugo_s" "$folio_s" \
    "$work/$name.hugo.log" "$work/$name.folio.log" <<'PY' || status=1
import sys, urllib.parse
name, hugo_path, folio_path, hugo_s, folio_s, hugo_log, folio_log = sys.argv[1:]
hugo = {urllib.parse.unquote(u.strip()) for u in open(hugo_path) if u.strip()}
folio = {u.strip() for u in open(folio_path) if u.strip()}
both = hugo & folio
def pct(a, b): return 100.0 * a / b if b else 100.0
print(f"{name}: Hugo wrote {len(hugo)} pages from content files in {float(hugo_s):.1f}s; "
      f"folio indexed {len(folio)} URLs in {float(folio_s):.1f}s")
print(f"  Hugo's pages in folio: {len(both)}/{len(hugo)} = {pct(len(both), len(hugo)):.2f}%")
print(f"  folio's URLs Hugo wrote: {len(both)}/{len(folio)} = {pct(len(both), len(folio)):.2f}%")
for label, diff in (("only Hugo", sorted(hugo - folio)), ("only folio", sorted(folio - hugo))):
    for url in diff[:15]:
        print(f"  {label}: {url}")
    if len(diff) > 15:
        print(f"  {label}: ... {len(diff) - 15} more")
errors = [l.rstrip() for l in open(hugo_log) if "ERROR" in l]
for line in errors[:5]:
    print(f"  hugo: {line[:200]}")
summary = [l.rstrip() for l in open(folio_log) if "added" in l]
print(f"  folio: {summary[-1] if summary else 'no summary'}")
sys.exit(0 if hugo == folio else 1)
PY
done
exit $status
