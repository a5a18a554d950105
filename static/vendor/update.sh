#!/usr/bin/env bash
# Re-fetch the pinned front-end packages from the npm registry (npm pack, no CDN)
# and copy exactly the vendored files into static/vendor/ and tests/browser/vendor/.
# Usage (from anywhere):  bash static/vendor/update.sh
# To upgrade: change a version + its integrity below, run, review the diff, update README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATIC="$ROOT/static/vendor"
TESTV="$ROOT/tests/browser/vendor"

# name@version  npm dist.integrity (sha512, from `npm view NAME@VERSION dist.integrity`)
PKGS=(
  "bootstrap@5.3.9 sha512-20cU0rcfw8WdxtVbmfU+xT2EjvVTw9Ror/h1Qvd7DXCujRg8OO9mdBCsmTHdJFf3BuadmBNJtgIuUXsBqSkk/w=="
  "htmx.org@2.0.11 sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=="
  "chart.js@4.6.1 sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g=="
  "axe-core@4.14.1 sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
)

TMP="$(mktemp -d /tmp/vendor.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

for entry in "${PKGS[@]}"; do
  spec="${entry%% *}"; want="${entry#* }"
  name="${spec%@*}"
  (cd "$TMP" && npm pack --silent "$spec" >/dev/null)
  tgz="$(ls "$TMP"/"${name}"-*.tgz)"
  got="sha512-$(python3 -c 'import base64,hashlib,sys;print(base64.b64encode(hashlib.sha512(open(sys.argv[1],"rb").read()).digest()).decode())' "$tgz")"
  if [ "$got" != "$want" ]; then
    echo "integrity mismatch for $spec: got $got want $want" >&2; exit 1
  fi
  mkdir -p "$TMP/$name"
  tar xzf "$tgz" -C "$TMP/$name"
  echo "fetched $spec ($(basename "$tgz")) integrity OK"
done

mkdir -p "$STATIC/bootstrap/css" "$STATIC/bootstrap/js" "$STATIC/htmx" "$STATIC/chartjs" "$TESTV"

B="$TMP/bootstrap/package"
cp "$B/dist/css/bootstrap.min.css" "$B/dist/css/bootstrap.min.css.map" "$STATIC/bootstrap/css/"
cp "$B/dist/js/bootstrap.bundle.min.js" "$B/dist/js/bootstrap.bundle.min.js.map" "$STATIC/bootstrap/js/"
cp "$B/LICENSE" "$STATIC/bootstrap/LICENSE"

H="$TMP/htmx.org/package"
cp "$H/dist/htmx.min.js" "$STATIC/htmx/htmx.min.js"
cp "$H/LICENSE" "$STATIC/htmx/LICENSE"

C="$TMP/chart.js/package"
cp "$C/dist/chart.umd.min.js" "$C/dist/chart.umd.min.js.map" "$STATIC/chartjs/"
cp "$C/LICENSE.md" "$STATIC/chartjs/LICENSE.md"

A="$TMP/axe-core/package"
cp "$A/axe.min.js" "$TESTV/axe.min.js"
cp "$A/LICENSE" "$TESTV/axe-core.LICENSE"
cp "$A/LICENSE-3RD-PARTY.txt" "$TESTV/axe-core.LICENSE-3RD-PARTY.txt"

# Every sourceMappingURL in a served file must point to a file next to it
# (whitenoise CompressedManifestStaticFilesStorage fails collectstatic otherwise).
status=0
while IFS= read -r f; do
  while IFS= read -r ref; do
    if [ ! -f "$(dirname "$f")/$ref" ]; then
      echo "missing source map $ref referenced by $f" >&2; status=1
    fi
  done < <(grep -o 'sourceMappingURL=[^ *]*' "$f" | sed 's/^sourceMappingURL=//')
done < <(find "$STATIC" "$TESTV" -name '*.js' -o -name '*.css')
[ "$status" -eq 0 ] && echo "source map references OK"
exit "$status"
