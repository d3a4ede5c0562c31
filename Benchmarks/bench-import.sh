#!/usr/bin/env bash
# `make bench`: re-importing a `sqlite3 .dump` file, restorecheck against the sqlite3 shell.
# Generates a dump of a few hundred MB (SIZE_MB, default 300) with real sqlite3, then times
#   sqlite3 new.db < dump.sql                      (the usual tool)
#   restorecheck verify --archive dump.tar         (restore the archive, import, check)
# and prints both times, restorecheck's own import time, their ratio and the peak memory
# of each, at two dump sizes so a flat memory line shows. A benchmark, not a test: nothing fails.
set -euo pipefail
BIN=${BIN:-.build/release/restorecheck}
SIZE_MB=${SIZE_MB:-300}
work=$(mktemp -d /dev/shm/restorecheck-bench.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

make_dump() {   # $1 = rows, $2 = output
  python3 - "$1" "$work/gen.db" <<'PY'
import sqlite3, sys, random
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(7)
db = sqlite3.connect(path)
db.executescript("""
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, balance REAL, created_at TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total NUMERIC, note TEXT, payload BLOB);
""")
words = ["alpha", "O'Neil", "café", "naïve", "🛒", "line\\nbreak", "tab\there", "quote''s", "x" * 40]
db.executemany("INSERT INTO customers VALUES (?,?,?,?,?)",
               ((i, f"c{i}@example.com", " ".join(random.choice(words) for _ in range(4)), random.random() * 1000,
                 f"2026-{1 + i % 12:02}-{1 + i % 28:02} 10:00:00") for i in range(1, rows // 4 + 1)))
db.executemany("INSERT INTO orders VALUES (?,?,?,?,?)",
               ((i, 1 + i % (rows // 4), round(random.random() * 500, 2), " ".join(random.choice(words) for _ in range(8)),
                 random.randbytes(24)) for i in range(1, rows + 1)))
db.commit()
PY
  sqlite3 "$work/gen.db" .dump > "$2"
  rm -f "$work/gen.db"
}

peak() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; }   # seconds, max RSS KiB

run_size() {   # $1 = rows
  local dump="$work/dump.sql" tar="$work/dump.tar"
  make_dump "$1" "$dump"
  ( cd "$work" && tar -cf dump.tar dump.sql )
  local mb=$(( $(stat -c %s "$dump") / 1048576 ))
  rm -f "$work/new.db"
  read -r s_time s_rss < <(peak bash -c "sqlite3 '$work/new.db' < '$dump'")
  read -r r_time r_rss < <(peak "$BIN" verify --archive "$tar" --report-dir "$work/r" --scratch "$work" -q)
  local import
  import=$(python3 -c "import json;print('%.2f' % json.load(open(__import__('glob').glob('$work/r/*/latest/report.json')[0]))['sets'][0]['databases'][0]['seconds'])")
  printf '%6s MB dump | sqlite3 <dump: %6.2f s, %5d MiB | restorecheck verify: %6.2f s (import %6.2f s), %5d MiB | sqlite3 / restorecheck import = %.2fx\n' \
    "$mb" "$s_time" $(( s_rss / 1024 )) "$r_time" "$import" $(( r_rss / 1024 )) "$(python3 -c "print($s_time / max($import, 0.01))")"
  rm -f "$dump" "$tar" "$work/new.db"
}

[ -x "$BIN" ] || { echo "build first: swift build -c release" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "missing sqlite3 (apt-get install sqlite3)" >&2; exit 2; }
echo "restorecheck import benchmark ($(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) shell, scratch $work)"
rows=$(( SIZE_MB * 1048576 / 240 ))
run_size $(( rows / 3 ))
run_size "$rows"
