#!/usr/bin/env bash
# Makes the shop dumps in Fixtures/dumps/ with real servers, the way a nightly job would:
# a throwaway MariaDB (mariadbd --skip-networking, socket in a temp dir) dumped by mariadb-dump,
# a throwaway PostgreSQL cluster (Unix socket only) dumped by pg_dump plain and -Fc, and a SQLite
# file dumped by `sqlite3 .dump`. The same shop is loaded into all three: customers, products
# with binary images, orders with foreign keys, order items, and a key/value options table
# with quotes, backslashes, newlines, tabs, emoji and SQL-looking text.
# The dumps are committed, so tests need no server. Run as root: sudo Fixtures/make-dumps.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/dumps"
need() { command -v "$1" >/dev/null || { echo "missing $1 (apt-get install $2)" >&2; exit 2; }; }
need mariadbd mariadb-server; need mariadb-dump mariadb-client; need sqlite3 sqlite3; need python3 python3
PGB=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$PGB/initdb" ] || { echo "missing PostgreSQL (apt-get install postgresql)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root: the servers run as root (MariaDB) and postgres" >&2; exit 2; }

T=$(mktemp -d /tmp/restorecheck-dumps.XXXXXX); chmod 755 "$T"
MYPID=""
cleanup() {
  [ -n "$MYPID" ] && kill "$MYPID" 2>/dev/null && wait "$MYPID" 2>/dev/null || true
  [ -f "$T/pg/data/postmaster.pid" ] && su postgres -s /bin/sh -c "$PGB/pg_ctl -D $T/pg/data -m immediate -w stop" >/dev/null 2>&1 || true
  rm -rf "$T"
}
trap cleanup EXIT
forms="$out/forms"
mkdir -p "$out" "$forms"

# --- the shop, as SQL each engine accepts (python3 writes the rows; bytes are spelt per engine)
python3 - "$T" <<'PY'
import sys
T = sys.argv[1]
# A real 1x1 PNG, then a blob with every awkward byte: NUL, quote, backslash, newline, 0xFF.
png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5a1e90000000049454e44ae426082")
awkward = bytes([0, 39, 92, 10, 13, 26, 255, 254, 34, 59]) + b"\\.\n-- Dump completed on 2020-01-01"
images = [png, awkward] + [bytes([i]) * (i * 7 + 1) for i in range(3, 7)]
options = [
    ("siteurl", "https://shop.example.com"),
    ("greeting", "Welcome to O'Neil's \"shop\" — 🛒 ça marche"),
    ("windows_path", "C:\\shop\\new\\table"),
    ("multiline", "line one\nline two\r\n\tindented"),
    ("sql_lookalike", "'); DROP TABLE customers; --"),
    ("copy_terminator", "\\.\nafter the terminator"),
    ("fake_trailer", "-- PostgreSQL database dump complete"),
    ("empty", ""),
    ("percent_underscore", "100% of_it \\% \\_"),
    ("emoji_only", "🎉🎉"),
]
customers = [(i, f"customer{i}@example.com", name) for i, name in enumerate(
    ["Ana O'Neil", "Björn Æsir", "Chloé Dubois", "Dmitri Иванов", "Eve \"E\" Smith", "Fatima الزهراء",
     "Gus Back\\slash", "Hana 花子", "Ivo Tab\there", "Jo New\nLine", "Kim", "Lee"], start=1)]
products = [(i, f"SKU-{i:03}", f"{i * 3 + 0.99:.2f}", img) for i, img in enumerate(images, start=1)]
orders, items = [], []
for n in range(1, 21):
    cid = (n * 7) % 12 + 1
    day, hour = 6 + n, (n * 5) % 24
    orders.append((1000 + n, cid, f"2026-11-{min(day, 25):02} {hour:02}:{(n * 13) % 60:02}:00"))
    for k in range(2):
        pid = (n + k * 3) % 6 + 1
        items.append((1000 + n, pid, k + 1 + n % 3))
price = {p[0]: float(p[2]) for p in products}
totals = {o[0]: sum(price[p] * q for (oid, p, q) in items if oid == o[0]) for o in orders}

def lit(s, engine):
    if engine == "mysql":
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'"
    text = "'" + s.replace("'", "''") + "'"
    # The sqlite3 shell drops a CR before a line feed when it reads a script: spell it out.
    return text.replace("\r", "' || char(13) || '") if engine == "sqlite" else text
def blob(b, engine):
    return {"mysql": f"UNHEX('{b.hex()}')", "pg": f"'\\x{b.hex()}'::bytea", "sqlite": f"X'{b.hex()}'"}[engine]

schema = {
 "mysql": """CREATE TABLE customers (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE, name VARCHAR(120) NOT NULL, created_at DATETIME NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE products (id INT NOT NULL PRIMARY KEY, sku VARCHAR(32) NOT NULL, price DECIMAL(10,2) NOT NULL, image MEDIUMBLOB) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, customer_id INT NOT NULL, created_at DATETIME NOT NULL, total DECIMAL(10,2) NOT NULL, KEY idx_customer (customer_id), CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE order_items (order_id INT NOT NULL, product_id INT NOT NULL, qty INT NOT NULL, PRIMARY KEY (order_id, product_id), CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id), CONSTRAINT fk_items_product FOREIGN KEY (product_id) REFERENCES products (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE options (name VARCHAR(64) NOT NULL PRIMARY KEY, value LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE wp_options (option_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, option_name VARCHAR(191) NOT NULL UNIQUE, option_value LONGTEXT NOT NULL, autoload VARCHAR(20) NOT NULL DEFAULT 'yes') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE wp_users (ID BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, user_login VARCHAR(60) NOT NULL, user_email VARCHAR(100) NOT NULL, user_registered DATETIME NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE wp_posts (ID BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, post_author BIGINT UNSIGNED NOT NULL, post_date DATETIME NOT NULL, post_title TEXT NOT NULL, post_content LONGTEXT NOT NULL, post_status VARCHAR(20) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
""",
 "pg": """CREATE TABLE customers (id serial PRIMARY KEY, email varchar(120) NOT NULL UNIQUE, name varchar(120) NOT NULL, created_at timestamp NOT NULL);
CREATE TABLE products (id integer PRIMARY KEY, sku varchar(32) NOT NULL, price numeric(10,2) NOT NULL, image bytea);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers(id), created_at timestamp NOT NULL, total numeric(10,2) NOT NULL);
CREATE TABLE order_items (order_id integer NOT NULL REFERENCES orders(id), product_id integer NOT NULL REFERENCES products(id), qty integer NOT NULL, PRIMARY KEY (order_id, product_id));
CREATE TABLE options (name varchar(64) PRIMARY KEY, value text NOT NULL);
CREATE TABLE wp_options (option_id bigserial PRIMARY KEY, option_name varchar(191) NOT NULL UNIQUE, option_value text NOT NULL, autoload varchar(20) NOT NULL DEFAULT 'yes');
CREATE TABLE wp_users (id bigserial PRIMARY KEY, user_login varchar(60) NOT NULL, user_email varchar(100) NOT NULL, user_registered timestamp NOT NULL);
CREATE TABLE wp_posts (id bigserial PRIMARY KEY, post_author bigint NOT NULL REFERENCES wp_users(id), post_date timestamp NOT NULL, post_title text NOT NULL, post_content text NOT NULL, post_status varchar(20) NOT NULL);
""",
 "sqlite": """PRAGMA foreign_keys=ON;
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL, price NUMERIC NOT NULL, image BLOB);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), created_at TEXT NOT NULL, total NUMERIC NOT NULL);
CREATE TABLE order_items (order_id INTEGER NOT NULL REFERENCES orders(id), product_id INTEGER NOT NULL REFERENCES products(id), qty INTEGER NOT NULL, PRIMARY KEY (order_id, product_id));
CREATE TABLE options (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE wp_options (option_id INTEGER PRIMARY KEY, option_name TEXT NOT NULL UNIQUE, option_value TEXT NOT NULL, autoload TEXT NOT NULL DEFAULT 'yes');
CREATE TABLE wp_users (ID INTEGER PRIMARY KEY, user_login TEXT NOT NULL, user_email TEXT NOT NULL, user_registered TEXT NOT NULL);
CREATE TABLE wp_posts (ID INTEGER PRIMARY KEY, post_author INTEGER NOT NULL REFERENCES wp_users(ID), post_date TEXT NOT NULL, post_title TEXT NOT NULL, post_content TEXT NOT NULL, post_status TEXT NOT NULL);
"""}
for engine in ("mysql", "pg", "sqlite"):
    rows = [schema[engine]]
    for cid, email, name in customers:
        rows.append(f"INSERT INTO customers VALUES ({cid}, {lit(email, engine)}, {lit(name, engine)}, '2026-0{1 + cid % 9}-1{cid % 10} 09:00:00');")
    for pid, sku, p, img in products:
        rows.append(f"INSERT INTO products VALUES ({pid}, {lit(sku, engine)}, {p}, {blob(img, engine)});")
    for oid, cid, at in orders:
        rows.append(f"INSERT INTO orders VALUES ({oid}, {cid}, '{at}', {totals[oid]:.2f});")
    for oid, pid, q in items:
        rows.append(f"INSERT INTO order_items VALUES ({oid}, {pid}, {q});")
    for name, value in options:
        rows.append(f"INSERT INTO options VALUES ({lit(name, engine)}, {lit(value, engine)});")
    # WordPress's own tables (the shop runs on WooCommerce)
    for n, (name, value) in enumerate([("siteurl", "https://shop.example.com"), ("blogname", "Ana's Shop"),
                                       ("admin_email", "ana@example.com"), ("template", "storefront")], start=1):
        rows.append(f"INSERT INTO wp_options VALUES ({n}, {lit(name, engine)}, {lit(value, engine)}, 'yes');")
    rows.append(f"INSERT INTO wp_users VALUES (1, 'ana', 'ana@example.com', '2025-03-01 09:00:00');")
    rows.append(f"INSERT INTO wp_users VALUES (2, 'editor', 'editor@example.com', '2025-06-01 09:00:00');")
    for n in range(1, 8):
        title, body = lit(f"Post {n}: what’s new", engine), lit(f"<p>Body of post {n}</p>" + chr(10) + "<!-- wp:paragraph -->", engine)
        rows.append(f"INSERT INTO wp_posts VALUES ({n}, {1 + n % 2}, '2026-11-{10 + n:02} 08:00:00', {title}, {body}, 'publish');")
    open(f"{T}/shop.{engine}.sql", "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY

# --- MariaDB
mariadb-install-db --no-defaults --user=root --datadir="$T/my" --auth-root-authentication-method=normal --skip-test-db >/dev/null
mariadbd --no-defaults --user=root --datadir="$T/my" --socket="$T/my.sock" --skip-networking \
  --pid-file="$T/my.pid" --log-error="$T/my.err" --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci &
MYPID=$!
for _ in $(seq 60); do mariadb-admin --no-defaults -uroot --socket="$T/my.sock" ping >/dev/null 2>&1 && break; sleep 0.5; done
MY="mariadb --no-defaults -uroot --socket=$T/my.sock --default-character-set=utf8mb4"
$MY -e 'CREATE DATABASE shop'
$MY shop < "$T/shop.mysql.sql"
# Default options: BLOBs are written as raw bytes in escaped strings, so the dump is not UTF-8.
mariadb-dump --no-defaults -uroot --socket="$T/my.sock" --skip-dump-date shop > "$out/shop.mariadb.sql"
# The other forms servers really make (Fixtures/dumps/forms): a second database, then
# --compact (no trailer), --databases shop blog and --all-databases (mysql.* included).
$MY -e "CREATE DATABASE blog; CREATE TABLE blog.posts (id INT NOT NULL PRIMARY KEY, title VARCHAR(200) NOT NULL, body BLOB) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
  INSERT INTO blog.posts VALUES (1, 'Hello', UNHEX('00FF27')), (2, 'Second', NULL), (3, 'Third', UNHEX('5C'));"
MYDUMP="mariadb-dump --no-defaults -uroot --socket=$T/my.sock --skip-dump-date"
$MYDUMP --compact shop > "$forms/shop.mariadb.compact.sql"
$MYDUMP --databases shop blog > "$forms/two.mariadb.sql"
$MYDUMP --all-databases > "$forms/all.mariadb.sql"
kill "$MYPID"; wait "$MYPID" || true; MYPID=""

# --- PostgreSQL
install -d -o postgres "$T/pg" "$T/pgsock"
su postgres -s /bin/sh -c "$PGB/initdb -D $T/pg/data -U postgres -E UTF8 --locale=C.UTF-8 -A trust" >/dev/null
su postgres -s /bin/sh -c "$PGB/pg_ctl -D $T/pg/data -l $T/pg/log -w -o \"-c listen_addresses='' -k $T/pgsock -p 54329\" start" >/dev/null
PSQL="$PGB/psql -X -q -v ON_ERROR_STOP=1 -h $T/pgsock -p 54329 -U postgres"
$PSQL -d postgres -c 'CREATE DATABASE shop'
$PSQL -d shop -f "$T/shop.pg.sql" >/dev/null
$PGB/pg_dump -h "$T/pgsock" -p 54329 -U postgres -d shop -f "$out/shop.pg.sql"
$PGB/pg_dump -h "$T/pgsock" -p 54329 -U postgres -d shop -Fc -f "$out/shop.pg.dump"
# Every other pg_dump form, and pg_dumpall of a cluster with a second database and a role.
$PSQL -d postgres -c 'CREATE DATABASE blog' -c "CREATE ROLE editor LOGIN"
$PSQL -d blog -c "CREATE TABLE posts (id integer PRIMARY KEY, title text NOT NULL, body bytea)" \
  -c "INSERT INTO posts VALUES (1, 'Hello', '\\x00ff27'), (2, 'Second', NULL), (3, 'Third', '\\x5c')"
PGDUMP="$PGB/pg_dump -h $T/pgsock -p 54329 -U postgres"
$PGDUMP -d shop --inserts -f "$forms/shop.pg.inserts.sql"
$PGDUMP -d shop --column-inserts -f "$forms/shop.pg.column-inserts.sql"
$PGDUMP -d shop -Ft -f "$forms/shop.pg.tar"
rm -rf "$forms/shop.pg.dir"; $PGDUMP -d shop -Fd -f "$forms/shop.pg.dir"
$PGDUMP -d shop -Fc | gzip -n > "$forms/shop.pg.dump.gz"
$PGB/pg_dumpall -h "$T/pgsock" -p 54329 -U postgres -f "$forms/cluster.pg.sql"
su postgres -s /bin/sh -c "$PGB/pg_ctl -D $T/pg/data -m fast -w stop" >/dev/null

# --- SQLite
sqlite3 -bail "$T/shop.db" < "$T/shop.sqlite.sql"
sqlite3 "$T/shop.db" .dump > "$out/shop.sqlite.sql"

ls -l "$out"
