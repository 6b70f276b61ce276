# Sourced by scripts/pages and scripts/ceiling: the fixture's pages as files, and nginx serving them.
# The bytes come from a running fixture itself, never from a second copy of its body generator, so
# nginx and the fixture answer the same body for the same page number and size.
#
# Layout: DIR/www/SIZE/N holds page N of SIZE bytes. nginx ignores query strings when it maps a URI
# to a file, so the config below sends /page/N?size=SIZE&delay=... to www/SIZE/N with try_files on
# $arg_size: the delay and any other parameter are ignored, and a size that was not written is a 404.

# pages_write BASE_URL SIZES COUNT DIR: saves pages 0..COUNT-1 of every size in SIZES (comma-separated)
# from the fixture at BASE_URL under DIR/www, over one keep-alive connection per size.
pages_write() {
  local base=$1 sizes=$2 count=$3 dir=$4 size
  for size in ${sizes//,/ }; do
    mkdir -p "$dir/www/$size"
    pages_download "$base" "$size" "$count" "$dir/www/$size" || return 1
  done
  chmod -R a+rX "$dir/www"  # nginx workers run as an unprivileged user
}

# pages_download BASE_URL SIZE COUNT DEST: pages 0..COUNT-1 of SIZE bytes into DEST/N with one curl,
# then checks that each has SIZE bytes (one stat for all: a process per page is slow on a busy machine).
pages_download() {
  local base=$1 size=$2 count=$3 dest=$4 page wrong
  for ((page = 0; page < count; page++)); do
    printf 'url = "%s/page/%d?size=%d&delay=0"\noutput = "%s/%d"\n' "$base" "$page" "$size" "$dest" "$page"
  done >"$dest.curl"
  curl -fsS --max-time 600 --config "$dest.curl" || { rm -f "$dest.curl"; echo "cannot download the pages of $size bytes from $base" >&2; return 1; }
  rm -f "$dest.curl"
  wrong=$(cd "$dest" && seq 0 $((count - 1)) | xargs stat -c '%s %n' | awk -v size="$size" '$1 != size { print; exit }')
  if [ -n "$wrong" ]; then
    echo "$base answered ${wrong%% *} bytes for page ${wrong#* } of $size bytes" >&2
    return 1
  fi
}

# nginx_binary: prints the path of nginx, installing nginx-light with apt-get when it is missing and
# this is root on Debian; otherwise says what is missing and fails.
nginx_binary() {
  local bin flavour
  bin=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
      echo "nginx is missing; install it (Debian: apt-get install nginx-light) and run this again" >&2
      return 1
    fi
    flavour=nginx-light
    apt-cache show nginx-light >/dev/null 2>&1 || flavour=nginx
    echo "installing $flavour from Debian's packages (apt-get install -y $flavour) ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$flavour" >/dev/null 2>&1 ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$flavour" >/dev/null; } ||
      { echo "apt-get could not install $flavour; install nginx and run this again" >&2; return 1; }
    bin=$(command -v nginx || echo /usr/sbin/nginx)
  fi
  echo "$bin"
}

# nginx_conf_write DIR HOST:PORT: the config that serves DIR/www on HOST:PORT, tuned like a
# benchmark target: keep-alive without a request limit, no access log, sendfile, one worker per core.
nginx_conf_write() {
  local dir=$1 listen=$2
  mkdir -p "$dir/nginx-temp"
  cat >"$dir/nginx.conf" <<EOF
worker_processes auto;
worker_rlimit_nofile 20000;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  server_tokens off;
  keepalive_timeout 75s;
  keepalive_requests 1000000000;
  sendfile on;
  tcp_nodelay on;
  open_file_cache max=4096;
  default_type text/plain;
  client_body_temp_path $dir/nginx-temp/body;
  proxy_temp_path $dir/nginx-temp/proxy;
  fastcgi_temp_path $dir/nginx-temp/fastcgi;
  uwsgi_temp_path $dir/nginx-temp/uwsgi;
  scgi_temp_path $dir/nginx-temp/scgi;
  server {
    listen $listen;
    root $dir/www;
    location ~ ^/page/([0-9]+)\$ { try_files /\$arg_size/\$1 =404; }
    location = /health { return 200 "ok\n"; }
    location / { return 404; }
  }
}
EOF
}

# nginx_start NGINX DIR URL: starts nginx (it detaches; its master's pid goes to DIR/nginx.pid) and
# waits until URL/health answers; fails with nginx's error log when it does not.
nginx_start() {
  local bin=$1 dir=$2 url=$3
  "$bin" -c "$dir/nginx.conf" -p "$dir" -e "$dir/nginx-error.log" 2>>"$dir/nginx-error.log" || true
  for _ in $(seq 1 50); do
    curl -fsS --max-time 1 -o /dev/null "$url/health" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nginx did not start on $url; its error log says:" >&2
  cat "$dir/nginx-error.log" >&2 2>/dev/null || true
  nginx_stop "$dir"
  return 1
}

# running PID: true while PID runs; a zombie (exited, its parent has not collected it yet) does not.
running() {
  local state
  state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# nginx_pid DIR: the master's pid, if it runs.
nginx_pid() {
  local pid
  pid=$(cat "$1/nginx.pid" 2>/dev/null || true)
  [ -n "$pid" ] && running "$pid" && echo "$pid"
}

# nginx_stop DIR: stops the nginx started from DIR and waits until its master is gone; idempotent.
nginx_stop() {
  local pid
  pid=$(nginx_pid "$1") || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do running "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# pages_verify URL SIZES COUNT DIR: downloads every page in DIR/www from the server at URL and
# compares it with cmp to the fixture's bytes saved there. Every file of both sets has SIZE bytes, so
# one cmp of the concatenations in page order compares every page; a difference names its page.
pages_verify() {
  local url=$1 sizes=$2 count=$3 dir=$4 size diff
  for size in ${sizes//,/ }; do
    mkdir -p "$dir/verify/$size"
    pages_download "$url" "$size" "$count" "$dir/verify/$size" || return 1
    if ! diff=$(cmp <(cd "$dir/www/$size" && seq 0 $((count - 1)) | xargs cat 2>/dev/null) \
                    <(cd "$dir/verify/$size" && seq 0 $((count - 1)) | xargs cat 2>/dev/null)); then
      local byte=${diff#*byte } page="?"
      byte=${byte%%,*}
      [[ $byte =~ ^[0-9]+$ ]] && page=$(( (byte - 1) / size ))
      echo "$url/page/$page?size=$size differs from the fixture's body (cmp: $diff)" >&2
      return 1
    fi
  done
  rm -rf "$dir/verify"
}
