#!/usr/bin/env bash
# `make bench` (first part): issue 14's table, restorecheck beside what a careful admin would
# script instead, on a generated server tree (deterministic: seeded):
#   SCALE=1 → 20k text files of 1–64 KiB, 150 random blobs of 1–5 MiB (≈1.1 GB), and a
#             `sqlite3 .dump` of 3M rows with an index (≈340 MB), packed as tar.zst and tar.gz
#             with a sha256sum manifest inside
#   P1  restore + hash + manifest check   vs  bsdtar -xf alone           (tar.zst, tar.gz)
#   P2  the whole verify with the dump    vs  bsdtar -xf; sha256sum -c; sqlite3 new.db < dump
#   P3  the dump import alone             vs  sqlite3 new.db < dump
#   P4  restorecheck's peak RSS on P2     (from /usr/bin/time)
#   P5  P1 at 4× the input                (time ratio against 1×)
# Medians of RUNS (3) alternating runs, on tmpfs when /dev/shm has room. It prints; it never
# fails. SCALE=0.05 gives a quick look.
set -euo pipefail
BIN=${BIN:-.build/release/restorecheck}
SCALE=${SCALE:-1}
RUNS=${RUNS:-3}
[ -x "$BIN" ] || { echo "build first: swift build -c release" >&2; exit 2; }
for tool in bsdtar sha256sum sqlite3 zstd python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (make deps)" >&2; exit 2; }
done
work=$(mktemp -d /dev/shm/restorecheck-speed.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # $1 = scale, $2 = directory
  python3 - "$1" "$2" <<'PY'
import os, random, sys, sqlite3
scale, root = float(sys.argv[1]), sys.argv[2]
random.seed(14)
words = "backup restore verify sandbox archive manifest checksum server nightly config mail media".split()
text_files, blobs = max(1, int(20000 * scale)), max(1, int(150 * scale))
for i in range(text_files):
    d = os.path.join(root, "srv/www/site%02d/page%03d" % (i % 40, i // 40 % 500))
    os.makedirs(d, exist_ok=True)
    size = random.randint(1024, 65536)
    line = " ".join(random.choice(words) for _ in range(12)) + "\n"
    with open(os.path.join(d, "f%05d.txt" % i), "w") as f:
        f.write((line * (size // len(line) + 1))[:size])
os.makedirs(os.path.join(root, "srv/media"), exist_ok=True)
for i in range(blobs):
    with open(os.path.join(root, "srv/media/blob%03d.bin" % i), "wb") as f:
        f.write(random.randbytes(random.randint(1 << 20, 5 << 20)))
rows = max(1000, int(3_000_000 * scale))
os.makedirs(os.path.join(root, "var/backups/db"), exist_ok=True)
db = sqlite3.connect(os.path.join(root, "gen.db"))
db.executescript("CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT, amount REAL, note TEXT);")
db.executemany("INSERT INTO events VALUES (?,?,?,?,?)",
               ((i, "2026-%02d-%02d 10:%02d:00" % (1 + i % 12, 1 + i % 28, i % 60), random.choice(words),
                 round(random.random() * 1000, 2), " ".join(random.choice(words) for _ in range(6)))
                for i in range(1, rows + 1)))
db.execute("CREATE INDEX events_by_at ON events (at)")
db.commit()
db.close()
PY
  sqlite3 "$2/gen.db" .dump > "$2/var/backups/db/events.sql"
  rm "$2/gen.db"
  (cd "$2" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
}

pack() { # $1 = tree, $2 = name → $work/$2.tar.zst and .tar.gz
  (cd "$1" && bsdtar -cf - . ) > "$work/$2.tar"
  zstd -q -T0 -3 -f "$work/$2.tar" -o "$work/$2.tar.zst"
  gzip -6 -c "$work/$2.tar" > "$work/$2.tar.gz"
  rm "$work/$2.tar"
}

# "seconds KiB" of a command; a run that did not exit 0 is said on stderr (a timing of a failed
# verification measures nothing).
timed() {
  /usr/bin/time -f '%e %M %x' -o "$work/time" "$@" >/dev/null 2>&1 || true
  local t rss code
  read -r t rss code < <(tail -1 "$work/time")
  [ "$code" = 0 ] || echo "  note: '$1 …' exited $code" >&2
  echo "$t $rss"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

plan_for() { # $1 = with dump (yes/no) → plan file
  local plan="$work/plan-$1.yml"
  {
    echo "sets:"
    echo "  - name: bench"
    echo "    manifest: auto"
    [ "$1" = no ] && echo "    databases: []"
  } > "$plan"
  echo "$plan"
}

# P1: restore + hash + manifest check, against bsdtar -xf alone. Prints "usual restorecheck".
restore_pair() { # $1 = archive
  local plan tool=() ours=() t rss
  plan=$(plan_for no)
  for _ in $(seq "$RUNS"); do
    rm -rf "$work/x" && mkdir "$work/x"
    read -r t rss < <(timed bsdtar -xf "$1" -C "$work/x"); tool+=("$t")
    rm -rf "$work/x" "$work/s" "$work/r" && mkdir "$work/s"
    read -r t rss < <(timed "$BIN" verify "$plan" --archive "$1" --report-dir "$work/r" --scratch "$work/s" -q)
    ours+=("$t")
  done
  rm -rf "$work/s" "$work/r"
  echo "$(printf '%s\n' "${tool[@]}" | median) $(printf '%s\n' "${ours[@]}" | median)"
}

line() { printf '%-46s | usual %8.2f s | restorecheck %8.2f s | ratio %5.2fx | goal %s\n' "$1" "$2" "$3" \
  "$(python3 -c "print($3 / max($2, 0.001))")" "$4"; }

echo "restorecheck speed benchmark: SCALE=$SCALE, $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)}' /proc/meminfo) GiB," \
  "scratch $work ($(df -T "$work" | awk 'NR==2 {print $2}'))"
generate "$SCALE" "$work/tree"
echo "tree: $(du -sh "$work/tree" | cut -f1), dump $(du -h "$work/tree/var/backups/db/events.sql" | cut -f1)"
pack "$work/tree" one
for format in tar.zst tar.gz; do
  read -r usual ours < <(restore_pair "$work/one.$format")
  line "P1 restore + hash + manifest ($format)" "$usual" "$ours" "<= 1.00x"
done

# P2: the whole verify, against bsdtar, then sha256sum -c, then sqlite3 < dump.
plan=$(plan_for yes)
tool=() ours=() rsses=()
for _ in $(seq "$RUNS"); do
  rm -rf "$work/x" "$work/new.db" && mkdir "$work/x"
  read -r t _ < <(timed bash -c "bsdtar -xf '$work/one.tar.zst' -C '$work/x' && cd '$work/x' && sha256sum -c --quiet SHA256SUMS \
    && sqlite3 '$work/new.db' < var/backups/db/events.sql")
  tool+=("$t")
  rm -rf "$work/x" "$work/new.db" "$work/s" "$work/r" && mkdir "$work/s"
  read -r t rss < <(timed "$BIN" verify "$plan" --archive "$work/one.tar.zst" --report-dir "$work/r" --scratch "$work/s" -q)
  ours+=("$t"); rsses+=("$rss")
  import=$(python3 -c "import json,glob; print(json.load(open(glob.glob('$work/r/bench/latest/report.json')[0]))['sets'][0]['databases'][0]['seconds'])" 2>/dev/null || echo 0)
done
line "P2 whole verify with the dump (tar.zst)" "$(printf '%s\n' "${tool[@]}" | median)" "$(printf '%s\n' "${ours[@]}" | median)" "<= 0.50x"

# P3: the dump import alone.
tool=()
for _ in $(seq "$RUNS"); do
  rm -f "$work/new.db"
  read -r t _ < <(timed bash -c "sqlite3 '$work/new.db' < '$work/tree/var/backups/db/events.sql'"); tool+=("$t")
done
rows=$(sqlite3 "$work/new.db" "SELECT count(*) FROM events")
usual=$(printf '%s\n' "${tool[@]}" | median)
line "P3 dump import alone (last verify's import)" "$usual" "$import" "<= 0.50x"
printf '%-46s | sqlite3 %.0f rows/s | restorecheck %.0f rows/s\n' "   rows per second" \
  "$(python3 -c "print($rows / max($usual, 0.001))")" "$(python3 -c "print($rows / max($import, 0.001))")"
printf '%-46s | restorecheck %6d MiB | goal <= 64 MiB\n' "P4 peak memory, whole verify" \
  $(( $(printf '%s\n' "${rsses[@]}" | sort -n | tail -1) / 1024 ))

# P5: P1 at 4× the input (four copies of the tree side by side).
rm -rf "$work/x" "$work/new.db"
mkdir -p "$work/four"
for i in 1 2 3 4; do cp -r "$work/tree" "$work/four/copy$i"; done
rm -rf "$work/tree"
(cd "$work/four" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
pack "$work/four" four
rm -rf "$work/four"
read -r _ one_ours < <(restore_pair "$work/one.tar.zst")
read -r _ four_ours < <(restore_pair "$work/four.tar.zst")
printf '%-46s | 1x %8.2f s | 4x %8.2f s | %5.2fx the time | goal <= 4.2x\n' "P5 restore at 4x the input (tar.zst)" \
  "$one_ours" "$four_ours" "$(python3 -c "print($four_ours / max($one_ours, 0.001))")"
