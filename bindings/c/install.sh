#!/usr/bin/env bash
# Installs the marrowkb C library: header, static and shared libraries, and a pkg-config file.
#
#   bindings/c/install.sh [PREFIX]        (default PREFIX: /usr/local; DESTDIR is honoured)
#
# Builds the release library first if it is missing. Afterwards:
#   cc app.c $(pkg-config --cflags --libs marrowkb)              # shared
#   cc app.c $(pkg-config --cflags --libs --static marrowkb)     # static (add -static to link libmarrowkb.a)
set -euo pipefail

prefix="${1:-/usr/local}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}/release"

if [[ ! -f "$target/libmarrowkb.a" || ! -f "$target/libmarrowkb.so" ]]; then
    cargo build --release --manifest-path "$root/Cargo.toml" -p marrowkb-ffi
fi

# The version, from the header's macros (the crate checks them against Cargo.toml at compile time).
version_part() { sed -n "s/^#define MKB_VERSION_$1 \([0-9]*\)$/\1/p" "$root/include/marrowkb.h"; }
version="$(version_part MAJOR).$(version_part MINOR).$(version_part PATCH)"

dest="${DESTDIR:-}$prefix"
install -d "$dest/include" "$dest/lib/pkgconfig"
install -m 644 "$root/include/marrowkb.h" "$dest/include/marrowkb.h"
install -m 644 "$target/libmarrowkb.a" "$dest/lib/libmarrowkb.a"
install -m 755 "$target/libmarrowkb.so" "$dest/lib/libmarrowkb.so"

cat > "$dest/lib/pkgconfig/marrowkb.pc" <<EOF
prefix=$prefix
exec_prefix=\${prefix}
libdir=\${exec_prefix}/lib
includedir=\${prefix}/include

Name: marrowkb
Description: Embeddable knowledge base of bone marrow failure disorders (C API)
Version: $version
URL: https://github.com/marrowkb/marrowkb
Cflags: -I\${includedir}
Libs: -L\${libdir} -lmarrowkb
Libs.private: -lpthread -ldl -lm
EOF

echo "installed marrowkb $version into $dest (include/marrowkb.h, lib/libmarrowkb.{a,so}, lib/pkgconfig/marrowkb.pc)"
