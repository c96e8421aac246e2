#!/usr/bin/env bash
# Tests of the marrowkb C library (bindings/c): builds libmarrowkb (release), checks that
# include/marrowkb.h is what cbindgen 0.29.4 generates now, then builds every C program with
# -std=c11 -Wall -Wextra -Werror -pedantic (and the header and the README's blood count example as C++17) and
# runs the test suite, the examples, the README's examples, the C++ program, the suite against the shared
# library (checking its SONAME), and an installed copy through pkg-config (shared, and static with the
# shared library gone) and through a CMake project (tests/cmake-consumer, once per link mode; CMake is
# installed from Debian's packages, or from PyPI into the test venv, when missing); then the suite and the
# look-up tool again under AddressSanitizer + UBSan and under valgrind. Any failure, sanitizer report or
# valgrind error (including definite or indirect leaks) fails.
#
#   bindings/c/run_tests.sh                  run everything
#   bindings/c/run_tests.sh --update-header  regenerate include/marrowkb.h, then run everything
#   bindings/c/run_tests.sh --bench          also run bench.c for real (about 10 s)
#
# Build output goes to bindings/c/build/ (git-ignored).
set -euo pipefail

CBINDGEN_VERSION=0.29.4
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
update_header=0
full_bench=0
for arg in "$@"; do
    case "$arg" in
        --update-header) update_header=1 ;;
        --bench) full_bench=1 ;;
        *) echo "unknown argument: $arg" >&2; exit 2 ;;
    esac
done

step() { printf '\n==> %s\n' "$*"; }
build="bindings/c/build"
mkdir -p "$build"
target="${CARGO_TARGET_DIR:-$root/target}/release"
cc="${CC:-cc}"
cxx="${CXX:-c++}"
cflags=(-std=c11 -Wall -Wextra -Werror -pedantic -Iinclude)
libs=(-lpthread -ldl -lm)
static_lib="$target/libmarrowkb.a"

step "build libmarrowkb (release)"
cargo build --release --quiet -p marrowkb-ffi
ls -l "$static_lib" "$target/libmarrowkb.so"
# The SONAME build.rs gives it: libmarrowkb.so.MAJOR, or libmarrowkb.so.0.MINOR before 1.0.
major="$(sed -n 's/^#define MKB_VERSION_MAJOR //p' include/marrowkb.h)"
minor="$(sed -n 's/^#define MKB_VERSION_MINOR //p' include/marrowkb.h)"
if [[ $major == 0 ]]; then soname="libmarrowkb.so.0.$minor"; else soname="libmarrowkb.so.$major"; fi
readelf -d "$target/libmarrowkb.so" | grep -F "(SONAME)" | grep -qF "[$soname]" \
    || { echo "libmarrowkb.so: SONAME is not $soname" >&2; readelf -d "$target/libmarrowkb.so" | head -n 20 >&2; exit 1; }
echo "SONAME $soname"
# Programs linked with the .so ask for the SONAME: give the uninstalled library that name in a folder of
# our own (target/release is cargo's).
shared_dir="$build/shared"
mkdir -p "$shared_dir"
ln -sfn "$target/libmarrowkb.so" "$shared_dir/$soname"
ln -sfn "$soname" "$shared_dir/libmarrowkb.so"

step "include/marrowkb.h is what cbindgen $CBINDGEN_VERSION generates"
if [[ "$(cbindgen --version 2>/dev/null || true)" != "cbindgen $CBINDGEN_VERSION" ]]; then
    echo "installing cbindgen $CBINDGEN_VERSION (about 70 s)"
    cargo install --locked --quiet cbindgen --version "$CBINDGEN_VERSION"
fi
cbindgen --quiet --config bindings/c/cbindgen.toml --crate marrowkb-ffi --output "$build/marrowkb.h" bindings/c
if [[ $update_header == 1 ]]; then
    cp "$build/marrowkb.h" include/marrowkb.h
    echo "include/marrowkb.h updated"
elif ! diff -u include/marrowkb.h "$build/marrowkb.h"; then
    echo "include/marrowkb.h is stale: run bindings/c/run_tests.sh --update-header and commit it" >&2
    exit 1
fi
echo "header is current"

step "compile C (-std=c11 -Wall -Wextra -Werror -pedantic) and the header as C++17"
# The README's example, extracted so that the README cannot drift from code that compiles.
sed -n '/<!-- quickstart:begin -->/,/<!-- quickstart:end -->/p' bindings/c/README.md | sed '/^<!--/d; /^```/d' \
    > "$build/quickstart.c"
[[ -s "$build/quickstart.c" ]] || { echo "no quickstart example found in bindings/c/README.md" >&2; exit 1; }
# The repository README shows the same example: it must stay identical to the one compiled here.
sed -n '/<!-- quickstart:begin -->/,/<!-- quickstart:end -->/p' README.md | sed '/^<!--/d; /^```/d' \
    | cmp -s - "$build/quickstart.c" || { echo "README.md's C quick start differs from bindings/c/README.md's" >&2; exit 1; }
{
    printf '#include <marrowkb.h>\n#include <stdio.h>\nint main(void) {\n'
    sed -n '/<!-- snippet:begin -->/,/<!-- snippet:end -->/p' bindings/c/README.md | sed '/^<!--/d; /^```/d'
    printf 'return st == MKB_OK ? 0 : 1;\n}\n'
} > "$build/snippet.c"
"$cc" "${cflags[@]}" -O2 bindings/c/tests/test_api.c "$static_lib" "${libs[@]}" -o "$build/test_api"
"$cc" "${cflags[@]}" -O2 bindings/c/examples/lookup.c "$static_lib" "${libs[@]}" -o "$build/lookup"
"$cc" "${cflags[@]}" -O2 "$build/quickstart.c" "$static_lib" "${libs[@]}" -o "$build/quickstart"
"$cc" "${cflags[@]}" -O2 "$build/snippet.c" "$static_lib" "${libs[@]}" -o "$build/snippet"
# The header's enum values against the stability snapshot (tests/stability/snapshot.tsv): one C11
# _Static_assert per recorded value, so the C compiler itself checks the header. Names are matched to keys
# ignoring case and underscores (MKB_SOURCE_HPO20250116 is hpo_2025_01_16).
awk -F'\t' '
    function fold(s) { s = tolower(s); gsub(/_/, "", s); return s }
    function screaming(s,   out, i, c) {
        out = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (i > 1 && c ~ /[A-Z]/) out = out "_"
            out = out toupper(c)
        }
        return out
    }
    FNR == NR {
        if ($0 ~ /^  MKB_[A-Z0-9_]+ = [0-9]+,$/) { split($0, parts, " "); names[fold(parts[1])] = parts[1] }
        next
    }
    /^#/ || $1 == "JsonSchemaVersion" || NF < 3 { next }
    {
        prefix = "MKB_" screaming($1) "_"
        name = names[fold(prefix $3)]
        if (name == "") { printf "#error \"%s %s (%s) is missing from include/marrowkb.h\"\n", $1, $3, $2; next }
        printf "_Static_assert(%s == %s, \"%s %s is %s in the snapshot\");\n", name, $2, $1, $3, $2
        count++
    }
    END { printf "int main(void) { return %d == 0; }\n", count }
' include/marrowkb.h tests/stability/snapshot.tsv > "$build/snapshot_values.h.c"
{ echo '#include <marrowkb.h>'; cat "$build/snapshot_values.h.c"; } > "$build/snapshot_check.c"
"$cc" "${cflags[@]}" "$build/snapshot_check.c" -o "$build/snapshot_check"
"$build/snapshot_check"
echo "header enum values match tests/stability/snapshot.tsv ($(grep -c _Static_assert "$build/snapshot_check.c") values)"
"$cc" "${cflags[@]}" -O2 bindings/c/bench.c "$static_lib" "${libs[@]}" -o "$build/bench"
"$cxx" -std=c++17 -Wall -Wextra -Werror -pedantic -Iinclude -x c++ -fsyntax-only bindings/c/tests/header_cpp.cpp
"$cxx" -std=c++17 -Wall -Wextra -Werror -pedantic -Iinclude bindings/c/tests/header_cpp.cpp "$static_lib" "${libs[@]}" \
    -o "$build/header_cpp"
# The README's differential and blood count example is C and C++ alike (the header promises C++ use):
# no compound literals or designated initializers. `= {0}` is the C idiom the header documents; g++
# -Wextra flags it as missing initializers, which is C++'s view of the same zero-initialization.
"$cxx" -std=c++17 -Wall -Wextra -Wno-missing-field-initializers -Werror -pedantic -Iinclude -x c++ "$build/snippet.c" \
    -x none "$static_lib" "${libs[@]}" -o "$build/snippet_cxx"
# The same suite linked against the shared library.
"$cc" "${cflags[@]}" -O2 bindings/c/tests/test_api.c -L"$shared_dir" -Wl,-rpath,"$PWD/$shared_dir" -lmarrowkb \
    "${libs[@]}" -o "$build/test_api_shared"
readelf -d "$build/test_api_shared" | grep -F "(NEEDED)" | grep -qF "[$soname]"
echo "compiled"

# Runs the look-up example (through an optional runner such as valgrind, whose own error exit code must
# not be 1 or 2) and checks what it prints and returns: 0 found, 1 not found, 2 usage.
check_lookup() {
    local runner=("$@")
    local out
    out="$("${runner[@]}" "$build/lookup" "fanconi anaemia")"
    grep -q "^Fanconi anemia (fanconi_anemia, id 9)" <<<"$out"
    grep -q "ORPHA:84" <<<"$out"
    out="$("${runner[@]}" "$build/lookup" ORPHA:124)"
    grep -q "^Diamond-Blackfan anemia" <<<"$out"
    local rc=0
    "${runner[@]}" "$build/lookup" "fanconni anaemia" 2>"$build/lookup.err" >/dev/null || rc=$?
    [[ $rc == 1 ]] && grep -q "did you mean: Fanconi anemia" "$build/lookup.err"
    rc=0
    "${runner[@]}" "$build/lookup" >/dev/null 2>&1 || rc=$?
    [[ $rc == 2 ]]
}

step "run: test suite"
"$build/test_api" | tail -n 25
step "run: examples, README example, C++, shared library"
check_lookup
"$build/quickstart" | tee "$build/quickstart.out"
grep -q "^Diamond-Blackfan anemia: ORPHA:124" "$build/quickstart.out"
"$build/snippet"
"$build/snippet_cxx"
"$build/header_cpp"
"$build/test_api_shared" | tail -n 1
if [[ $full_bench == 1 ]]; then "$build/bench"; else "$build/bench" --quick >/dev/null && echo "bench --quick ran"; fi

step "install into a temporary prefix and build through pkg-config"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
bash bindings/c/install.sh "$prefix" >/dev/null
# The usual chain: libmarrowkb.so -> SONAME -> libmarrowkb.so.X.Y.Z.
version="$major.$minor.$(sed -n 's/^#define MKB_VERSION_PATCH //p' include/marrowkb.h)"
[[ "$(readlink "$prefix/lib/libmarrowkb.so")" == "$soname" && -L "$prefix/lib/$soname" ]]
[[ "$(readlink "$prefix/lib/$soname")" == "libmarrowkb.so.$version" && -f "$prefix/lib/libmarrowkb.so.$version" ]]
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[[ "$(pkg-config --modversion marrowkb)" == "$version" && "$(pkg-config --modversion marrowkb-static)" == "$version" ]]
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror -pedantic "$build/quickstart.c" $(pkg-config --cflags --libs marrowkb) \
    -Wl,-rpath,"$prefix/lib" -o "$build/quickstart_pc"
"$build/quickstart_pc" >/dev/null
readelf -d "$build/quickstart_pc" | grep -F "(NEEDED)" | grep -qF "[$soname]"
# Static: marrowkb-static.pc names the archive by path, with and without --static.
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror -pedantic "$build/quickstart.c" $(pkg-config --cflags --libs marrowkb-static) \
    -o "$build/quickstart_pc_static"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror -pedantic "$build/quickstart.c" \
    $(pkg-config --cflags --libs --static marrowkb-static) -o "$build/quickstart_pc_static2"
echo "pkg-config builds (shared, static)"

step "CMake package: find_package(marrowkb CONFIG), shared and static"
# CMake from Debian's packages (as root with apt-get), else from PyPI into the Python tests' venv.
cmake_bin="$(command -v cmake || true)"
if [[ -z $cmake_bin && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing cmake with apt-get"
    apt_get=(apt-get -qq -o DPkg::Lock::Timeout=300)
    if ! DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y cmake >/dev/null 2>&1; then
        "${apt_get[@]}" update >/dev/null && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y cmake >/dev/null \
            || echo "apt-get could not install cmake" >&2
    fi
    cmake_bin="$(command -v cmake || true)"
fi
if [[ -z $cmake_bin ]]; then
    venv="${MARROWKB_VENV:-$root/target/venv-python}"
    echo "installing cmake from PyPI into $venv"
    [[ -x "$venv/bin/python" ]] || "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet cmake
    cmake_bin="$venv/bin/cmake"
fi
"$cmake_bin" --version | head -n 1
# One configure and build per link mode; -Werror so that the package's flags and the header stay clean.
for mode in shared static; do
    dir="$build/cmake-consumer-$mode"
    rm -rf "$dir"
    "$cmake_bin" -S bindings/c/tests/cmake-consumer -B "$dir" -DCMAKE_PREFIX_PATH="$prefix" \
        -DMARROWKB_STATIC="$([[ $mode == static ]] && echo ON || echo OFF)" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_C_COMPILER="$(command -v "$cc")" -DCMAKE_C_FLAGS="-Wall -Wextra -Werror -pedantic" >/dev/null
    "$cmake_bin" --build "$dir" >/dev/null
    "$dir/consumer"
done
readelf -d "$build/cmake-consumer-shared/consumer" | grep -F "(NEEDED)" | grep -qF "[$soname]"

step "static programs run without the shared library"
for program in "$build/quickstart_pc_static" "$build/quickstart_pc_static2" "$build/cmake-consumer-static/consumer"; do
    if readelf -d "$program" | grep -F "(NEEDED)" | grep -q libmarrowkb; then
        echo "$program needs libmarrowkb.so" >&2
        exit 1
    fi
done
rm "$prefix"/lib/libmarrowkb.so*
"$build/quickstart_pc_static" >/dev/null
"$build/quickstart_pc_static2" >/dev/null
"$build/cmake-consumer-static/consumer" >/dev/null
echo "static builds through pkg-config and CMake run with no libmarrowkb.so installed"

step "AddressSanitizer + UndefinedBehaviorSanitizer"
sanitize=(-g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
"$cc" "${cflags[@]}" "${sanitize[@]}" bindings/c/tests/test_api.c "$static_lib" "${libs[@]}" -o "$build/test_api_asan"
"$cc" "${cflags[@]}" "${sanitize[@]}" bindings/c/examples/lookup.c "$static_lib" "${libs[@]}" -o "$build/lookup_asan"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$build/test_api_asan" | tail -n 1
for query in "fanconi anaemia" ORPHA:124 "fanconni anaemia" ""; do
    rc=0
    "$build/lookup_asan" "$query" >/dev/null 2>"$build/lookup_asan.err" || rc=$?
    if [[ $rc -gt 2 ]] || grep -q "Sanitizer" "$build/lookup_asan.err"; then
        cat "$build/lookup_asan.err" >&2
        exit 1
    fi
done
echo "no sanitizer reports"

step "valgrind (--leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1)"
if ! command -v valgrind >/dev/null; then
    echo "valgrind is not installed" >&2
    exit 1
fi
"$cc" "${cflags[@]}" -g -O0 bindings/c/tests/test_api.c "$static_lib" "${libs[@]}" -o "$build/test_api_valgrind"
vg=(valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1)
"${vg[@]}" "$build/test_api_valgrind" | tail -n 1
check_lookup valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99
"${vg[@]}" "$build/quickstart" >/dev/null
"${vg[@]}" "$build/snippet" >/dev/null
echo "no valgrind errors"

step "C tests passed: plain, ASan+UBSan, valgrind"
