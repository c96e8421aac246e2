// The C header used from C++17: compiled with -std=c++17 -Wall -Wextra -Werror -pedantic (syntax check),
// then linked against libmarrowkb.a and run, so extern "C" linkage is proven too.
#include <marrowkb.h>

#include <cstdio>
#include <cstring>

static_assert(MKB_DISORDER_FANCONI_ANEMIA == 9, "discriminants are the core's");
static_assert(MKB_OK == 0, "MKB_OK is 0");
static_assert(sizeof(MkbDisorder) == sizeof(uint32_t), "C++ enums have the C underlying type");
static_assert(MKB_MAX_SUGGESTIONS == 3, "suggestion array length");

int main() {
    MkbDisorder disorder{};
    MkbSuggestions suggestions{};
    MkbStatus status = mkb_lookup("Fanconi anaemia", MKB_NUL_TERMINATED, &disorder, &suggestions);
    if (status != MKB_OK || disorder != MKB_DISORDER_FANCONI_ANEMIA) {
        std::printf("lookup failed: %s\n", mkb_status_message(status));
        return 1;
    }
    const MkbDisorderRecord *record = nullptr;
    if (mkb_disorder_record(disorder, &record) != MKB_OK || std::strcmp(record->key, "fanconi_anemia") != 0) {
        return 1;
    }
    status = mkb_lookup("fanconni", MKB_NUL_TERMINATED, &disorder, &suggestions);
    if (status != MKB_NOT_FOUND || suggestions.len == 0) return 1;
    std::printf("C++: %s (%s), marrowkb %s\n", record->name, record->orpha[0].curie, mkb_version());
    return 0;
}
