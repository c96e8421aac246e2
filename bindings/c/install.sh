#!/usr/bin/env bash
# Installs the marrowkb C library: the header, the static and shared libraries, pkg-config files and a
# CMake package.
#
#   bindings/c/install.sh [PREFIX]        (default PREFIX: /usr/local; DESTDIR is honoured)
#
# Builds the release library first if it is missing. Installs:
#   include/marrowkb.h
#   lib/libmarrowkb.a
#   lib/libmarrowkb.so.X.Y.Z, with lib/libmarrowkb.so.SONAME -> it and lib/libmarrowkb.so -> SONAME
#       (the SONAME is libmarrowkb.so.0.MINOR before 1.0, libmarrowkb.so.MAJOR after: bindings/c/build.rs)
#   lib/pkgconfig/marrowkb.pc          shared:  cc app.c $(pkg-config --cflags --libs marrowkb)
#   lib/pkgconfig/marrowkb-static.pc   static:  cc app.c $(pkg-config --cflags --libs marrowkb-static)
#   lib/cmake/marrowkb/                find_package(marrowkb CONFIG REQUIRED), then link marrowkb::marrowkb
#                                      (shared) or marrowkb::marrowkb_static
set -euo pipefail

prefix="${1:-/usr/local}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}/release"

if [[ ! -f "$target/libmarrowkb.a" || ! -f "$target/libmarrowkb.so" ]]; then
    cargo build --release --manifest-path "$root/Cargo.toml" -p marrowkb-ffi
fi

# The version, from the header's macros (the crate checks them against Cargo.toml at compile time).
version_part() { sed -n "s/^#define MKB_VERSION_$1 \([0-9]*\)$/\1/p" "$root/include/marrowkb.h"; }
major="$(version_part MAJOR)"
minor="$(version_part MINOR)"
version="$major.$minor.$(version_part PATCH)"

# The SONAME is the one build.rs linked into the library: read it back rather than repeat its rule.
soname="$(readelf -d "$target/libmarrowkb.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p')"
case "$soname" in
    libmarrowkb.so.*) ;;
    *) echo "$target/libmarrowkb.so has no SONAME (readelf -d): rebuild it with cargo build --release -p marrowkb-ffi" >&2
       exit 1 ;;
esac
real="libmarrowkb.so.$version"

dest="${DESTDIR:-}$prefix"
install -d "$dest/include" "$dest/lib/pkgconfig" "$dest/lib/cmake/marrowkb"
install -m 644 "$root/include/marrowkb.h" "$dest/include/marrowkb.h"
install -m 644 "$target/libmarrowkb.a" "$dest/lib/libmarrowkb.a"
install -m 755 "$target/libmarrowkb.so" "$dest/lib/$real"
# The usual chain: the linker's name -> the SONAME (what programs load) -> the real file.
if [[ "$soname" != "$real" ]]; then
    ln -sfn "$real" "$dest/lib/$soname"
fi
ln -sfn "$soname" "$dest/lib/libmarrowkb.so"

# What Rust's standard library needs from the system when the archive is linked (the subset of
# `--print native-static-libs` that gcc and clang do not add by default).
system_libs="-lpthread -ldl -lm"

cat > "$dest/lib/pkgconfig/marrowkb.pc" <<PC
# The shared library. For the static archive use marrowkb-static.pc: pkg-config --libs --static marrowkb
# still names -lmarrowkb, which the linker resolves to the .so unless the whole program is linked -static.
prefix=$prefix
exec_prefix=\${prefix}
libdir=\${exec_prefix}/lib
includedir=\${prefix}/include

Name: marrowkb
Description: Embeddable knowledge base of bone marrow failure disorders (C API, shared library)
Version: $version
URL: https://github.com/marrowkb/marrowkb
Cflags: -I\${includedir}
Libs: -L\${libdir} -lmarrowkb
Libs.private: $system_libs
PC

# The archive by path, so no linker search can pick the .so instead; the system libraries are in Libs,
# not Libs.private, so that --libs alone links (with or without --static).
cat > "$dest/lib/pkgconfig/marrowkb-static.pc" <<PC
prefix=$prefix
exec_prefix=\${prefix}
libdir=\${exec_prefix}/lib
includedir=\${prefix}/include

Name: marrowkb-static
Description: Embeddable knowledge base of bone marrow failure disorders (C API, static library)
Version: $version
URL: https://github.com/marrowkb/marrowkb
Cflags: -I\${includedir}
Libs: \${libdir}/libmarrowkb.a $system_libs
PC

# CMake: the prefix is found from the file's own place, so the package can be moved or DESTDIR-staged.
cat > "$dest/lib/cmake/marrowkb/marrowkb-config.cmake" <<CMAKE
# marrowkb $version: CMake package written by bindings/c/install.sh.
#
#   find_package(marrowkb CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE marrowkb::marrowkb)          # shared ($soname)
#   target_link_libraries(app PRIVATE marrowkb::marrowkb_static)   # static (libmarrowkb.a)
#
# Both targets carry the include directory; the static one also the system libraries Rust's standard
# library needs (threads, dl, m).
include(CMakeFindDependencyMacro)
find_dependency(Threads)

get_filename_component(_marrowkb_prefix "\${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)

if(NOT TARGET marrowkb::marrowkb)
  add_library(marrowkb::marrowkb SHARED IMPORTED)
  set_target_properties(marrowkb::marrowkb PROPERTIES
    IMPORTED_LOCATION "\${_marrowkb_prefix}/lib/$real"
    IMPORTED_SONAME "$soname"
    INTERFACE_INCLUDE_DIRECTORIES "\${_marrowkb_prefix}/include")
endif()

if(NOT TARGET marrowkb::marrowkb_static)
  add_library(marrowkb::marrowkb_static STATIC IMPORTED)
  set_target_properties(marrowkb::marrowkb_static PROPERTIES
    IMPORTED_LOCATION "\${_marrowkb_prefix}/lib/libmarrowkb.a"
    IMPORTED_LINK_INTERFACE_LANGUAGES "C"
    INTERFACE_INCLUDE_DIRECTORIES "\${_marrowkb_prefix}/include"
    INTERFACE_LINK_LIBRARIES "Threads::Threads;\${CMAKE_DL_LIBS};m")
endif()

unset(_marrowkb_prefix)
CMAKE

# Compatibility follows the SONAME rule: the same major version, and before 1.0 the same minor too; never
# a request newer than what is installed; never a project whose pointers differ in size from the library's.
if [[ $major == 0 ]]; then same_abi="PACKAGE_FIND_VERSION_MINOR EQUAL $minor"; else same_abi="TRUE"; fi
case "$(readelf -h "$target/libmarrowkb.so" | sed -n 's/^ *Class: *//p')" in
    ELF64) pointer_size=8 ;;
    ELF32) pointer_size=4 ;;
    *) echo "cannot tell the pointer size of $target/libmarrowkb.so (readelf -h)" >&2; exit 1 ;;
esac
cat > "$dest/lib/cmake/marrowkb/marrowkb-config-version.cmake" <<CMAKE
# marrowkb $version: CMake package version file written by bindings/c/install.sh.
set(PACKAGE_VERSION "$version")
set(PACKAGE_VERSION_COMPATIBLE FALSE)
set(PACKAGE_VERSION_EXACT FALSE)
if(NOT PACKAGE_FIND_VERSION)
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
elseif(PACKAGE_FIND_VERSION_MAJOR EQUAL $major AND $same_abi
       AND NOT PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
endif()
if(PACKAGE_FIND_VERSION VERSION_EQUAL PACKAGE_VERSION)
  set(PACKAGE_VERSION_EXACT TRUE)
endif()
if(CMAKE_SIZEOF_VOID_P AND NOT CMAKE_SIZEOF_VOID_P EQUAL $pointer_size)
  math(EXPR _marrowkb_bits "\${CMAKE_SIZEOF_VOID_P} * 8")
  set(PACKAGE_VERSION "\${PACKAGE_VERSION} ($((pointer_size * 8))-bit, not \${_marrowkb_bits}-bit)")
  set(PACKAGE_VERSION_UNSUITABLE TRUE)
  unset(_marrowkb_bits)
endif()
CMAKE

echo "installed marrowkb $version into $dest: include/marrowkb.h, lib/libmarrowkb.a, lib/$real ($soname)," \
    "lib/pkgconfig/marrowkb{,-static}.pc, lib/cmake/marrowkb/"
