#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Fuzz/Targets for FUZZ_SECONDS each (default 60).
#   Fuzz/run.sh [target ...]     e.g. Fuzz/run.sh sql plan
# The library is built once with coverage instrumentation (-sanitize=fuzzer) and testing
# enabled, in .build-fuzz; each target is linked against its objects by swiftc, since a
# SwiftPM executable built with -sanitize=fuzzer does not link (it wants its own main).
# Seeds come from Fixtures/; an input that traps is saved as .build-fuzz/crashes/<target>-*
# and the run fails: turn it into a regression test before fixing the parser.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
OUT=.build-fuzz
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(checksums mtree sql insert copy plan textdiff)

swift build --build-path "$OUT" --target RestoreCheck -Xswiftc -sanitize=fuzzer -Xswiftc -enable-testing
BIN=$(swift build --build-path "$OUT" --show-bin-path)
# Every object the library needs (its own, Yams, swift-crypto, the C shims), not the CLI's.
mapfile -t OBJECTS < <(find "$BIN" -name '*.o' -path '*.build/*' \
  ! -path '*/restorecheck.build/*' ! -path '*/RestoreCheckTests.build/*' ! -path '*/ArgumentParser*' \
  ! -path '*/swift-version*' ! -name '*test*.o' | sort)
INCLUDES=(-I "$BIN/Modules" -I "$BIN")
for module in Sources/CRC*/; do INCLUDES+=(-I "$module" -I "$module/include"); done
for dir in "$OUT"/checkouts/swift-crypto/Sources/CCryptoBoringSSL/include "$OUT"/checkouts/Yams/Sources/CYaml/include; do
  [ -d "$dir" ] && INCLUDES+=(-I "$dir")
done

seed() { # seed <target> <files...>: small seeds, at most 64 KiB each
  local dir="$OUT/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do head -c 65536 "$f" > "$dir/$(basename "$f")"; done
}
seed checksums Fixtures/demo/backups/demo-2026-11-26.tar.gz.sha256
(cd Fixtures/demo && sha256sum plan.yml tree.bsdtar.mtree > "../../$OUT/corpus/checksums/gnu" \
  && sha256sum --tag plan.yml > "../../$OUT/corpus/checksums/tag" && md5sum plan.yml > "../../$OUT/corpus/checksums/md5")
seed mtree Fixtures/demo/tree.bsdtar.mtree Fixtures/demo/tree.netbsd.mtree
seed sql Fixtures/dumps/shop.sqlite.sql Fixtures/dumps/shop.mariadb.sql Fixtures/dumps/shop.pg.sql
mkdir -p "$OUT/corpus/insert" "$OUT/corpus/copy"
for dump in Fixtures/dumps/shop.*.sql Fixtures/datasets/chinook/chinook.*.sql; do
  { grep -m 20 '^INSERT' "$dump" || true; } | cut -c1-4096 | split -l 1 - "$OUT/corpus/insert/$(basename "$dump")-"
done
awk '/^COPY /{on=1; next} /^\\\.$/{on=0} on' Fixtures/dumps/shop.pg.sql | head -200 > "$OUT/corpus/copy/shop"
seed plan Fixtures/demo/plan.yml
mkdir -p "$OUT/corpus/textdiff"
{ head -c 2000 Fixtures/demo/plan.yml; printf '\377'; head -c 2000 Fixtures/demo/plan.yml | sed 's/daily/weekly/'; } \
  > "$OUT/corpus/textdiff/plan"
printf "db_password = 'Xk9-tr0ub4dor'\n2026-11-26T06:00:00Z\n\377password: files\n" > "$OUT/corpus/textdiff/secret"

failed=0
for target in "${TARGETS[@]}"; do
  exe="$OUT/fuzz-$target"
  swiftc -sanitize=fuzzer -parse-as-library -swift-version 6 "${INCLUDES[@]}" \
    "Fuzz/Targets/$target.swift" Fuzz/FuzzLines.swift "${OBJECTS[@]}" \
    -larchive -lsqlite3 -lz -lstdc++ -o "$exe"
  mkdir -p "$OUT/crashes" "$OUT/corpus/$target"
  echo "fuzzing $target for ${SECONDS_EACH}s"
  if ! "$exe" "$OUT/corpus/$target" -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 \
      -timeout=10 -print_final_stats=1 -artifact_prefix="$OUT/crashes/$target-" 2> "$OUT/fuzz-$target.log"; then
    echo "FAIL $target: see $OUT/fuzz-$target.log and $OUT/crashes/"; tail -30 "$OUT/fuzz-$target.log"
    failed=1
  else
    echo "ok   $target: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$OUT/fuzz-$target.log" | grep -o '[0-9]*$') runs, no crash"
  fi
done
exit $failed
