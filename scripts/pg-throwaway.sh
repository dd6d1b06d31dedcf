# Start and stop a throwaway PostgreSQL cluster (sourced by .ci/run and by developers).
# Sets PG_URL. Runs as root by switching to the postgres user, as Debian's packages expect.
pg_throwaway_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=${PG_DIR:-$(mktemp -d /tmp/placewise-pg.XXXXXX)}
  PG_PORT=${PG_PORT:-55432}
  install -d -o postgres -g postgres "$PG_DIR"
  runuser -u postgres -- "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_DIR PG_PORT PG_URL PG_BIN="$bin"
}
pg_throwaway_stop() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
