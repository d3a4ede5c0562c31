#!/usr/bin/env bash
# Builds the demo backup of a small web server in Fixtures/demo/ with real tools:
# GNU tar, bsdtar, Info-ZIP, GNU cpio, sha256sum, NetBSD mtree, and cjpeg; the dumps come from Fixtures/make-dumps.sh.
# The archives it makes are committed, so tests and `make verify` need none of these tools.
# Run as root (it sets owners): sudo Fixtures/make-demo.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/demo"
need() { command -v "$1" >/dev/null || { echo "missing $1 (apt-get install $2)" >&2; exit 2; }; }
need bsdtar libarchive-tools; need zip zip; need cpio cpio; need mtree mtree-netbsd
need cjpeg libjpeg-turbo-progs; need zstd zstd
[ "$(id -u)" = 0 ] || { echo "run as root: owners are part of the fixture" >&2; exit 2; }

work=$(mktemp -d /tmp/restorecheck-demo.XXXXXX)
trap 'rm -rf "$work"' EXIT
t="$work/tree"
umask 022
DEPLOY=1500   # the deploy user's uid/gid; mapped to the name "deploy" in the archives

# --- a WordPress-style site
mkdir -p "$t/var/www/html/wp-content/uploads/2026/11" "$t/var/www/html/wp-content/cache" "$t/var/www/html/static"
cat > "$t/var/www/html/index.php" <<'PHP'
<?php
/** Front to the WordPress application. */
define('WP_USE_THEMES', true);
require __DIR__ . '/wp-blog-header.php';
PHP
cat > "$t/var/www/html/wp-config.php" <<'PHP'
<?php
define('DB_NAME', 'shop');
define('DB_USER', 'shop');
define('DB_PASSWORD', 'demo-only-not-a-secret');
define('DB_HOST', 'localhost');
$table_prefix = 'wp_';
PHP
chmod 0640 "$t/var/www/html/wp-config.php"
# the rest of WordPress core that `preset: wordpress` looks for
mkdir -p "$t/var/www/html/wp-admin" "$t/var/www/html/wp-includes"
printf "<?php\n/** Sets up WordPress vars and included files. */\nrequire ABSPATH . WPINC . '/version.php';\n" > "$t/var/www/html/wp-settings.php"
printf "<?php\n/** WordPress User Page. */\nrequire __DIR__ . '/wp-load.php';\n" > "$t/var/www/html/wp-login.php"
printf "<?php\n\$wp_version = '6.8.3';\n\$wp_db_version = 60421;\n" > "$t/var/www/html/wp-includes/version.php"
printf "<?php\n/** Dashboard Administration Screen. */\nrequire_once __DIR__ . '/admin.php';\n" > "$t/var/www/html/wp-admin/index.php"
printf 'User-agent: *\nDisallow: /wp-admin/\n' > "$t/var/www/html/robots.txt"
ln "$t/var/www/html/robots.txt" "$t/var/www/html/static/robots.txt"     # a hardlink
printf 'Menu of the café, summer 2026\n' > "$t/var/www/html/static/Café menu été 2026.txt"  # spaces, non-ASCII
# real images: JPEGs through cjpeg from generated pixels, PNGs written by python's zlib
for i in 1 2 3 4 5 6; do
  python3 - "$i" > "$work/img.ppm" <<'PY'
import sys
n = int(sys.argv[1]); w, h = 48, 32
sys.stdout.buffer.write(b"P6 %d %d 255\n" % (w, h))
sys.stdout.buffer.write(b"".join(bytes(((x * 5 + n * 40) % 256, (y * 7 + n * 20) % 256, (x * y + n) % 256))
                                 for y in range(h) for x in range(w)))
PY
  cjpeg -quality 85 "$work/img.ppm" > "$t/var/www/html/wp-content/uploads/2026/11/photo-$i.jpg"
done
for i in 1 2; do
  python3 - "$i" > "$t/var/www/html/wp-content/uploads/2026/11/logo-$i.png" <<'PY'
import struct, sys, zlib
n = int(sys.argv[1]); w, h = 16, 16
def chunk(kind, data): return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
raw = b"".join(b"\0" + b"".join(bytes((x * 16 % 256, y * 16 % 256, n * 100 % 256)) for x in range(w)) for y in range(h))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                        + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
PY
done
chown -R 33:33 "$t/var/www/html"

# --- a Maildir
m="$t/var/mail/vhosts/example.com/alice"
mkdir -p "$m/cur" "$m/new" "$m/tmp"
msg() { printf 'From: %s\nTo: alice@example.com\nSubject: %s\nDate: Wed, 25 Nov 2026 10:0%s:00 +0000\n\n%s\n' "$1" "$2" "$3" "$4"; }
msg bob@example.org "Order 1001 shipped" 1 "Your order is on its way." > "$m/cur/1764064861.M1P1.mail:2,S"
msg carol@example.net "Invoice" 2 "Please find the invoice attached." > "$m/cur/1764064922.M2P2.mail:2,S"
msg dave@example.com "Hello" 3 "A new message." > "$m/new/1764065000.M3P3.mail"
chown -R 5000:5000 "$t/var/mail"
chmod -R go-rwx "$t/var/mail/vhosts"

# --- nginx with a relative and an absolute sites-enabled link
mkdir -p "$t/etc/nginx/sites-available" "$t/etc/nginx/sites-enabled"
printf 'user www-data;\nworker_processes auto;\nhttp { include /etc/nginx/sites-enabled/*; }\n' > "$t/etc/nginx/nginx.conf"
printf 'server {\n  listen 80;\n  server_name example.com;\n  root /var/www/html;\n}\n' > "$t/etc/nginx/sites-available/example.com"
printf 'server { listen 80 default_server; return 444; }\n' > "$t/etc/nginx/sites-available/default"
ln -s ../sites-available/example.com "$t/etc/nginx/sites-enabled/example.com"
ln -s /etc/nginx/sites-available/default "$t/etc/nginx/sites-enabled/default"

# --- the deploy user's key
mkdir -p "$t/home/deploy/.ssh"
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyNotRealDemoKeyNotRealDemoKeyNotRe deploy@laptop' > "$t/home/deploy/.ssh/authorized_keys"
chmod 0700 "$t/home/deploy/.ssh"; chmod 0600 "$t/home/deploy/.ssh/authorized_keys"
chown -R $DEPLOY:$DEPLOY "$t/home/deploy"

# --- the database dumps, as the nightly jobs write them: the shop's MariaDB (gzip'ed
#     mariadb-dump) and its PostgreSQL reporting copy (pg_dump -Fc), both made by real
#     servers in Fixtures/make-dumps.sh
mkdir -p "$t/var/backups/db" "$t/var/backups/postgres"
gzip -9 -n < "$here/dumps/shop.mariadb.sql" > "$t/var/backups/db/shop.sql.gz"
cp "$here/dumps/shop.pg.dump" "$t/var/backups/postgres/shop.dump"
chmod 0600 "$t/var/backups/db/shop.sql.gz" "$t/var/backups/postgres/shop.dump"

# --- fixed times, so the archives are reproducible
find "$t" -exec touch -h -d '2026-11-26 02:00:00 UTC' {} +

# --- manifests: SHA256SUMS (GNU) inside the archive, mtree specs beside it
( cd "$t" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS && touch -d '2026-11-26 02:00:00 UTC' SHA256SUMS )
( cd "$t" && bsdtar --format=mtree --options='!all,type,mode,uid,gid,uname,gname,link,size,sha256' -cf - . ) > "$out/tree.bsdtar.mtree"
( cd "$t" && mtree -c -K sha256digest,uid,gid,mode,type,link,size -p . ) > "$out/tree.netbsd.mtree"
printf '+%s deploy:%s\n' $DEPLOY $DEPLOY > "$work/owners"; printf '+%s deploy:%s\n' $DEPLOY $DEPLOY > "$work/groups"
printf '+5000 vmail:5000\n' >> "$work/owners"; printf '+5000 vmail:5000\n' >> "$work/groups"

# --- dated archives in a backups directory, by different tools
b="$out/backups"
rm -rf "$b"; mkdir -p "$b"
gtar() { tar --sort=name --mtime='2026-11-26 02:00:00 UTC' --owner-map="$work/owners" --group-map="$work/groups" -C "$t" "$@" .; }
gtar -czf "$b/demo-2026-11-26.tar.gz"
( cd "$b" && sha256sum demo-2026-11-26.tar.gz > demo-2026-11-26.tar.gz.sha256 )
gtar --format=pax -cf - | zstd -q -19 > "$b/demo-2026-11-25.tar.zst"
( cd "$t" && bsdtar -cJf "$b/demo-2026-11-24.tar.xz" . )
( cd "$t" && zip -qry --symlinks "$b/demo-2026-11-23.zip" . )
( cd "$t" && find . | sort | cpio -o -H newc --quiet > "$b/demo-2026-11-22.cpio" )
touch -d '2026-11-22 02:10:00 UTC' "$b/demo-2026-11-22.cpio"
touch -d '2026-11-23 02:10:00 UTC' "$b/demo-2026-11-23.zip"
touch -d '2026-11-24 02:10:00 UTC' "$b/demo-2026-11-24.tar.xz"
touch -d '2026-11-25 02:10:00 UTC' "$b/demo-2026-11-25.tar.zst"
touch -d '2026-11-26 02:10:00 UTC' "$b/demo-2026-11-26.tar.gz" "$b/demo-2026-11-26.tar.gz.sha256"
ls -l "$b"
