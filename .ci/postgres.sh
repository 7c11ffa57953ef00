# Sourced by .ci/run: a throwaway PostgreSQL server for the store tests.
#
# Installs Debian's postgresql (without recommends, without its default cluster) when no
# server binaries are present, creates a cluster in a temporary folder, starts it on 127.0.0.1
# on a free port, creates a database, exports EVENTWIRE_TEST_POSTGRES, and stops and removes
# everything when the calling script exits. Usable by hand too:
#     source .ci/postgres.sh && python -m pytest tests/test_store.py
# (in an interactive shell, run `eventwire_pg_stop` when done).

_eventwire_pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

if [ -z "$(_eventwire_pg_bindir)" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "postgres.sh: PostgreSQL is not installed and this is not root; install Debian's postgresql" >&2
        return 1 2>/dev/null || exit 1
    fi
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    # The package may create (and start) a default cluster on port 5432: the tests make their
    # own, so drop it.
    if command -v pg_lsclusters >/dev/null 2>&1; then
        { pg_lsclusters -h 2>/dev/null || true; } | while read -r _ver _name _rest; do
            pg_dropcluster --stop "$_ver" "$_name" || true
        done
    fi
fi

EVENTWIRE_PG_BIN=$(_eventwire_pg_bindir)
EVENTWIRE_PG_DIR=$(mktemp -d /tmp/eventwire-pg.XXXXXX)
EVENTWIRE_PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$EVENTWIRE_PG_DIR" --shell /bin/false postgres
    chown postgres: "$EVENTWIRE_PG_DIR"
    _eventwire_pg_as() { runuser -u postgres -- "$@"; }
else
    _eventwire_pg_as() { "$@"; }
fi

_eventwire_pg_as "$EVENTWIRE_PG_BIN/initdb" -D "$EVENTWIRE_PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
_eventwire_pg_as "$EVENTWIRE_PG_BIN/pg_ctl" -D "$EVENTWIRE_PG_DIR/data" -l "$EVENTWIRE_PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $EVENTWIRE_PG_PORT -k $EVENTWIRE_PG_DIR -c max_connections=50" start >/dev/null

eventwire_pg_stop() {
    if [ -n "${EVENTWIRE_PG_DIR:-}" ] && [ -d "$EVENTWIRE_PG_DIR/data" ]; then
        _eventwire_pg_as "$EVENTWIRE_PG_BIN/pg_ctl" -D "$EVENTWIRE_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$EVENTWIRE_PG_DIR"
    fi
}
case $- in
    *i*) ;;  # interactive: the user stops it with eventwire_pg_stop
    *) trap eventwire_pg_stop EXIT ;;
esac

_eventwire_pg_as "$EVENTWIRE_PG_BIN/createdb" -h 127.0.0.1 -p "$EVENTWIRE_PG_PORT" -U postgres eventwire_test
export EVENTWIRE_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$EVENTWIRE_PG_PORT/eventwire_test"
echo "postgres.sh: PostgreSQL $("$EVENTWIRE_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$EVENTWIRE_PG_PORT" >&2
