# Sourced by the scripts: where the tools the kit installs are found.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
# Shorter panic locations in the wasm download: paths relative to the crate
# source, not this machine's folders. Only the wasm target is affected.
_rustc_commit=$(rustc -vV 2>/dev/null | sed -n 's/^commit-hash: //p')
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/index.crates.io-1949cf8c6b5b557f/= --remap-path-prefix=/rustc/$_rustc_commit/library/= --remap-path-prefix=$PWD/="
