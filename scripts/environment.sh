# Sourced by scripts/build and scripts/test (not run on its own): the virtual environments in the checkout and the
# Debian packages the commands need. Nothing is installed into the system Python, which Debian and others mark
# "externally managed" (PEP 668); only `python3` is assumed (no `python`, no `pip` on PATH).

# The interpreter that creates the environments: $FACTSITE_PYTHON if set, else python3.
FACTSITE_PYTHON="${FACTSITE_PYTHON:-python3}"

# How long to wait for another apt or dpkg (unattended-upgrades, cloud-init, a second terminal) to let go of the
# package manager's lock before giving up.
APT_LOCK_TIMEOUT="${APT_LOCK_TIMEOUT:-600}"

say() { echo "scripts/$(basename "$0"): $*" >&2; }

# ensure_venv DIR EXTRAS [CONSTRAINTS]
# Creates DIR with a virtual environment if it has none (or a broken one), and installs the checkout into it
# editable, with EXTRAS (e.g. "test", or "" for none) and under the pip constraints file CONSTRAINTS if given.
# pip runs only when pyproject.toml, the constraints or the interpreter changed since the last install, or an extra
# is wanted that is not installed yet (a stamp in DIR records both): the code itself is installed editable, so
# edits to it need no reinstall.
ensure_venv() {
  local dir="$1" extras="$2" constraints="${3:-}"
  if [ -x "$dir/bin/python" ] && ! "$dir/bin/python" -c "" 2>/dev/null; then
    say "$dir is broken (its Python is gone?); creating it again"
    rm -rf "$dir"
  fi
  if [ ! -x "$dir/bin/python" ]; then
    "$FACTSITE_PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || {
      say "factsite needs Python 3.11 or newer as '$FACTSITE_PYTHON' (or set FACTSITE_PYTHON=/path/to/python3.11)"
      return 1
    }
    # Debian and Ubuntu ship venv's pip bootstrap in a package of its own.
    if ! "$FACTSITE_PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
      apt_install python3-venv || return 1
    fi
    say "creating the virtual environment $dir"
    # --upgrade-deps: the pip that a system's Python bundles may be years old (Debian 12: pip 23.0, which still
    # installs some of the dependencies with the deprecated `setup.py install`).
    "$FACTSITE_PYTHON" -m venv --upgrade-deps "$dir" >/dev/null || { rm -rf "$dir"; return 1; }
  fi

  # The stamp holds the hash, then the extras installed. .venv serves both commands: the build's extras (none) are a
  # subset of the tests', so running one after the other installs nothing, and a reinstall keeps every extra.
  local stamp="$dir/.factsite-installed" wanted recorded installed extra missing=""
  wanted="$(
    {
      "$dir/bin/python" -c 'import sys; print(sys.version)'
      cat pyproject.toml
      [ -z "$constraints" ] || cat "$constraints"
    } | sha256sum | cut -d' ' -f1
  )"
  recorded="$(cat "$stamp" 2>/dev/null || true)"
  installed="${recorded#* }"
  [ "$installed" != "$recorded" ] || installed=""
  if [ "${recorded%% *}" = "$wanted" ]; then
    for extra in ${extras//,/ }; do
      [[ ",$installed," == *",$extra,"* ]] || missing=1
    done
    [ -n "$missing" ] || return 0
  fi
  for extra in ${installed//,/ }; do
    [[ ",$extras," == *",$extra,"* ]] || extras="${extras:+$extras,}$extra"
  done
  local target="."
  [ -z "$extras" ] || target=".[$extras]"
  local options=(--quiet --disable-pip-version-check)
  [ -z "$constraints" ] || options+=(--constraint "$constraints")
  say "installing factsite${extras:+ with its $extras extras}${constraints:+ under $constraints} into $dir"
  rm -f "$stamp"
  "$dir/bin/python" -m pip install "${options[@]}" --editable "$target" || return 1
  echo "$wanted ${extras}" >"$stamp"
}

# apt_install PACKAGE...
# Installs Debian packages with apt-get, as root or through sudo, waiting for the package manager's lock.
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "needs $*, and apt-get is not available here: install $* with this system's package manager"
    return 1
  fi
  local sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      say "needs the Debian packages $*: run 'apt-get install $*' as root, then run this again"
      return 1
    fi
    sudo_cmd=(sudo)
  fi
  say "installing the Debian packages $* (waiting up to ${APT_LOCK_TIMEOUT}s for the package manager's lock)"
  apt_update "${sudo_cmd[@]}" || return 1
  # DPkg::Lock::Timeout makes apt-get wait for the dpkg lock instead of failing at once (apt 1.9.11 and newer).
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout="$APT_LOCK_TIMEOUT" install -y -qq "$@" >/dev/null
}

# apt-get update takes the lock of the package lists, which DPkg::Lock::Timeout does not cover (apt 2.6 fails at
# once when another apt-get holds it): retry while that lock is the only reason it failed.
apt_update() {
  local deadline=$((SECONDS + APT_LOCK_TIMEOUT)) output
  while true; do
    if output="$("$@" apt-get -o DPkg::Lock::Timeout="$APT_LOCK_TIMEOUT" update -qq 2>&1)"; then
      return 0
    fi
    if ! grep -q "Could not get lock" <<<"$output" || [ "$SECONDS" -ge "$deadline" ]; then
      echo "$output" >&2
      return 1
    fi
    sleep 5
  done
}
