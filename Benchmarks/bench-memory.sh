#!/usr/bin/env bash
# `make bench` (second half): peak memory of restorecheck on the inputs that once made it
# grow without bound, beside the usual tool on the same input:
#   2M empty files in one tar.zst            (bsdtar -xf alongside)
#   a dump with one 500 MB INSERT line        (sqlite3 new.db < dump alongside)
#   a 100 MB SHA256SUMS inside a ~1 MB archive (sha256sum -c alongside)
# The bound is 128 MiB of peak RSS for each. A benchmark, not a test: it prints, never fails.
# ENTRIES, INSERT_MB and MANIFEST_MB make it smaller for a quick look.
set -euo pipefail
BIN=${BIN:-.build/release/restorecheck}
ENTRIES=${ENTRIES:-2000000}
INSERT_MB=${INSERT_MB:-500}
MANIFEST_MB=${MANIFEST_MB:-100}
work=$(mktemp -d /dev/shm/restorecheck-mem.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$BIN" ] || { echo "build first: swift build -c release" >&2; exit 2; }

peak() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; }   # seconds, max RSS KiB
line() { # label, tool time, tool KiB, restorecheck time, restorecheck KiB, exit
  printf '%-34s | usual tool %7.2f s %6d MiB | restorecheck %7.2f s %6d MiB (exit %s) | %s\n' "$1" "$2" $(( $3 / 1024 )) \
    "$4" $(( $5 / 1024 )) "$6" "$([ $(( $5 / 1024 )) -le 128 ] && echo 'within 128 MiB' || echo 'ABOVE 128 MiB')"
}
verify() { # archive [plan] → "seconds KiB exit"
  mkdir -p "$work/s"
  local out code
  out=$(/usr/bin/time -f '%e %M' -o "$work/t" "$BIN" verify "$@" --report-dir "$work/r" --scratch "$work/s" -q \
    >/dev/null 2>&1; echo $?)
  code=$out
  echo "$(cat "$work/t" | tail -1) $code"
  rm -rf "$work/s" "$work/r"
}

echo "restorecheck memory benchmark ($(nproc) cores, scratch $work)"

# 1. Many entries: a tar of empty files in directories of 1000.
python3 - "$ENTRIES" "$work/entries.tar.zst" <<'PY'
import io, subprocess, sys, tarfile
n, out = int(sys.argv[1]), sys.argv[2]
z = subprocess.Popen(["zstd", "-q", "-1", "-f", "-o", out], stdin=subprocess.PIPE)
with tarfile.open(fileobj=z.stdin, mode="w|", format=tarfile.USTAR_FORMAT) as t:
    for d in range(n // 1000 + 1):
        info = tarfile.TarInfo(f"srv/d{d:05}"); info.type = tarfile.DIRTYPE; info.mode = 0o755; info.mtime = 1764000000
        t.addfile(info)
    for i in range(n):
        info = tarfile.TarInfo(f"srv/d{i // 1000:05}/file-{i:08}.txt"); info.mode = 0o644; info.mtime = 1764000000
        t.addfile(info)
z.stdin.close(); z.wait()
PY
mkdir -p "$work/x"
read -r t_s t_k < <(peak bsdtar -xf "$work/entries.tar.zst" -C "$work/x")
rm -rf "$work/x"
read -r r_s r_k r_c < <(verify --archive "$work/entries.tar.zst" --max-entries $(( ENTRIES * 2 )))
line "$ENTRIES empty files (bsdtar -xf)" "$t_s" "$t_k" "$r_s" "$r_k" "$r_c"
rm -f "$work/entries.tar.zst"

# 2. One INSERT line of INSERT_MB (mysqldump-style extended insert, sqlite dialect).
python3 - "$INSERT_MB" "$work/dump.sql" <<'PY'
import sys
mb, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    f.write("BEGIN TRANSACTION;\nCREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);\nINSERT INTO t VALUES ")
    row, i, size = "", 0, 0
    while size < mb << 20:
        chunk = ",".join(f"({j},'row {j} of a very long insert line, as one extended INSERT holds it')"
                         for j in range(i, i + 10000))
        f.write(("," if i else "") + chunk); size += len(chunk); i += 10000
    f.write(";\nCOMMIT;\n")
PY
( cd "$work" && tar -cf dump.tar dump.sql )
read -r t_s t_k < <(peak bash -c "sqlite3 '$work/new.db' < '$work/dump.sql'")
rm -f "$work/new.db"
printf 'sets:\n  - name: big\n    source: { archive: %s }\n    databases:\n      - dump: /dump.sql\n' "$work/dump.tar" > "$work/plan.yml"
read -r r_s r_k r_c < <(verify "$work/plan.yml")
line "one ${INSERT_MB} MB INSERT line (sqlite3)" "$t_s" "$t_k" "$r_s" "$r_k" "$r_c"
rm -f "$work/dump.sql" "$work/dump.tar"

# 3. A SHA256SUMS of MANIFEST_MB inside an archive of a few files (it compresses to ~1 MB).
mkdir -p "$work/m"
( cd "$work/m" && printf 'a\n' > a.txt && python3 - "$MANIFEST_MB" <<'PY'
import hashlib, sys
mb = int(sys.argv[1])
real = hashlib.sha256(b"a\n").hexdigest()
with open("SHA256SUMS", "w") as f:
    f.write(f"{real}  a.txt\n")
    i = 0
    while f.tell() < mb << 20:
        f.write(f"{'0' * 64}  missing/file-{i:09}.txt\n"); i += 1   # compresses like the attack: ~1 MB
PY
)
tar -C "$work/m" -cf - SHA256SUMS a.txt | zstd -q -19 -o "$work/sums.tar.zst"
read -r t_s t_k < <(cd "$work/m" && peak sha256sum -c --quiet SHA256SUMS)
read -r r_s r_k r_c < <(verify --archive "$work/sums.tar.zst")
line "a ${MANIFEST_MB} MB SHA256SUMS inside ($(( $(stat -c %s "$work/sums.tar.zst") / 1024 )) KiB)" \
  "$t_s" "$t_k" "$r_s" "$r_k" "$r_c"
