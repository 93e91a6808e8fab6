# Sourced by the bench scripts: `needs <who> <command>...` makes sure each command is on the PATH,
# installing its Debian package (named like the command) with apt-get when running as root;
# otherwise it says what is missing and exits 1.
needs() {
  local who=$1
  shift
  local missing=()
  for command in "$@"; do
    command -v "$command" >/dev/null || missing+=("$command")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "$who: installing ${missing[*]}" >&2
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  else
    echo "$who: needs ${missing[*]} on the PATH (Debian: apt-get install ${missing[*]})" >&2
    exit 1
  fi
}
