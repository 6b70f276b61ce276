# Sourced by scripts/ceiling: the page files a plain web server serves in place of the fixture.
# The bytes come from a running fixture itself, never from a second copy of its body generator,
# so nginx and the fixture answer the same body for the same page number and size.

# page_file_write BASE_URL PAGE SIZE DEST: saves the fixture's body of page PAGE of SIZE bytes to DEST.
page_file_write() {
  local base=$1 page=$2 size=$3 dest=$4 got
  curl -fsS --max-time 10 -o "$dest" "$base/page/$page?size=$size"
  got=$(wc -c <"$dest")
  if [ "$got" -ne "$size" ]; then
    echo "the fixture answered $got bytes for page $page of $size bytes" >&2
    return 1
  fi
}

# page_bodies_equal URL_A URL_B DIR: downloads both bodies into DIR and compares them with cmp.
page_bodies_equal() {
  local a=$1 b=$2 dir=$3
  curl -fsS --max-time 10 -o "$dir/body-a" "$a"
  curl -fsS --max-time 10 -o "$dir/body-b" "$b"
  cmp "$dir/body-a" "$dir/body-b"
}
