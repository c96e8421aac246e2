/* The CMake consumer's program: the library it links must be the one whose header it compiled with, and
   answer a look-up. Prints the version and the disorder; exits 0 only when both hold. */
#include <marrowkb.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", MKB_VERSION_MAJOR, MKB_VERSION_MINOR, MKB_VERSION_PATCH);
    if (strcmp(mkb_version(), expected) != 0) {
        fprintf(stderr, "header %s, library %s\n", expected, mkb_version());
        return 1;
    }
    MkbDisorder d;
    const MkbDisorderRecord *r;
    if (mkb_lookup("fanconi anaemia", MKB_NUL_TERMINATED, &d, NULL) != MKB_OK || mkb_disorder_record(d, &r) != MKB_OK)
        return 1;
    printf("marrowkb %s: %s (%s)\n", mkb_version(), r->name, r->orpha[0].curie);
    return d == MKB_DISORDER_FANCONI_ANEMIA ? 0 : 1;
}
