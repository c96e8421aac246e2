/*
 * C test suite for libmarrowkb: every public function, every record field, hostile input (NULL pointers,
 * invalid UTF-8, out-of-range enum values, oversized input, small buffers) and 16 threads at once.
 *
 * Built by bindings/c/run_tests.sh with -std=c11 -Wall -Wextra -Werror -pedantic and run plainly, under
 * AddressSanitizer + UndefinedBehaviorSanitizer, and under valgrind. The last line is "N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L

#include <marrowkb.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------------ */
/* A tiny runner: a test case is a function; CHECK records a failure and goes on.                    */

static int checks_run;
static int case_failures;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        checks_run++;                                                                    \
        if (!(cond)) {                                                                   \
            case_failures++;                                                             \
            fprintf(stderr, "  FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
        }                                                                                \
    } while (0)

#define CHECK_STATUS(expr, expected)                                                     \
    do {                                                                                 \
        MkbStatus got_ = (expr);                                                         \
        checks_run++;                                                                    \
        if (got_ != (MkbStatus)(expected)) {                                             \
            case_failures++;                                                             \
            fprintf(stderr, "  FAILED %s:%d: %s returned %u (%s), expected %s\n",       \
                    __FILE__, __LINE__, #expr, (unsigned)got_, mkb_status_message(got_), \
                    #expected);                                                          \
        }                                                                                \
    } while (0)

#define NT MKB_NUL_TERMINATED

static int streq(const char *a, const char *b) { return a != NULL && b != NULL && strcmp(a, b) == 0; }

/* Compares suggestion lists field by field (the struct has padding). */
static int same_suggestions(const MkbSuggestions *a, const MkbSuggestions *b) {
    if (a->len != b->len) return 0;
    for (size_t i = 0; i < MKB_MAX_SUGGESTIONS; i++) {
        if (a->items[i] != b->items[i]) return 0;
    }
    return 1;
}

static int contains(const MkbDisorder *list, size_t len, MkbDisorder d) {
    for (size_t i = 0; i < len; i++) {
        if (list[i] == d) return 1;
    }
    return 0;
}

/* Touches every byte of a library string, so ASan/valgrind see any bad pointer. */
static int valid_string(const char *s) { return s != NULL && strlen(s) < 100000; }

/* ------------------------------------------------------------------------------------------------ */

static void test_version(void) {
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", MKB_VERSION_MAJOR, MKB_VERSION_MINOR, MKB_VERSION_PATCH);
    CHECK(streq(mkb_version(), expected));
    CHECK(strstr(mkb_data_version(), "HPO 2025-01-16") != NULL);
    CHECK(mkb_version() == mkb_version());
}

static void test_status_messages(void) {
    const MkbStatus all[] = {MKB_OK, MKB_NOT_FOUND, MKB_INVALID_ARGUMENT, MKB_NULL_POINTER,
                             MKB_BUFFER_TOO_SMALL, MKB_INVALID_UTF8, MKB_MALFORMED_ID, MKB_TOO_LONG,
                             MKB_EMPTY, MKB_INVALID_ENUM, MKB_OUT_OF_RANGE, MKB_PANIC, MKB_OBSOLETE_ID,
                             MKB_INVALID_MEASUREMENT, MKB_INCONSISTENT_MEASUREMENTS, MKB_AMBIGUOUS,
                             MKB_INVALID_PHENOPACKET};
    size_t n = sizeof all / sizeof all[0];
    for (size_t i = 0; i < n; i++) {
        CHECK(all[i] == i); /* fixed numbers */
        const char *m = mkb_status_message(all[i]);
        CHECK(valid_string(m) && strlen(m) > 3);
        CHECK(!streq(m, "unknown status"));
        for (size_t j = 0; j < i; j++) CHECK(!streq(m, mkb_status_message(all[j])));
    }
    CHECK(streq(mkb_status_message(17), "unknown status"));
    CHECK(streq(mkb_status_message(UINT32_MAX), "unknown status"));
}

static void test_lookup(void) {
    MkbDisorder d = 0;
    CHECK_STATUS(mkb_lookup("fanconi anaemia", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK(d == 9);
    CHECK_STATUS(mkb_lookup("FA", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK_STATUS(mkb_lookup("Blackfan-Diamond anaemia", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    CHECK_STATUS(mkb_lookup("Kostmann disease", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_KOSTMANN_SYNDROME);
    /* (pointer, length): no terminator needed, bytes past len are not read. */
    const char not_terminated[] = {'D', 'B', 'A', 'x', 'y'};
    CHECK_STATUS(mkb_lookup(not_terminated, 3, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    /* Diacritics, en dash, upper case (UTF-8). */
    CHECK_STATUS(mkb_lookup("SHWACHMAN\xE2\x80\x93" "DIAMOND SYNDROME", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_SHWACHMAN_DIAMOND_SYNDROME);
    CHECK_STATUS(mkb_lookup("Fanconi's an\xC3\xA9mia", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);

    MkbSuggestions s;
    memset(&s, 0xAB, sizeof s);
    CHECK_STATUS(mkb_lookup("FA", NT, &d, &s), MKB_OK);
    CHECK(s.len == 0 && s.items[0] == MKB_NO_DISORDER);
    d = 12345;
    CHECK_STATUS(mkb_lookup("fanconni anaemia", NT, &d, &s), MKB_NOT_FOUND);
    CHECK(d == 12345); /* not written on failure */
    CHECK(s.len >= 1 && s.len <= MKB_MAX_SUGGESTIONS);
    CHECK(s.items[0] == MKB_DISORDER_FANCONI_ANEMIA);
    for (size_t i = s.len; i < MKB_MAX_SUGGESTIONS; i++) CHECK(s.items[i] == MKB_NO_DISORDER);
    CHECK_STATUS(mkb_lookup("fanconni anaemia", NT, &d, NULL), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_lookup("zzzzzzzz", NT, &d, &s), MKB_NOT_FOUND);
    CHECK(s.len == 0);

    CHECK_STATUS(mkb_suggest("diamond blackfan anemai", NT, &s), MKB_OK);
    CHECK(s.len >= 1 && s.items[0] == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    CHECK_STATUS(mkb_suggest("", NT, &s), MKB_OK);
    CHECK(s.len == 0);
    CHECK_STATUS(mkb_suggest(NULL, 3, &s), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_suggest("fa", NT, NULL), MKB_NULL_POINTER);
}

static void test_hostile_text(void) {
    MkbDisorder d = 0;
    MkbSuggestions s;
    CHECK_STATUS(mkb_lookup(NULL, NT, &d, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_lookup(NULL, 0, &d, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_lookup("FA", NT, NULL, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_lookup("", NT, &d, NULL), MKB_EMPTY);
    CHECK_STATUS(mkb_lookup("FA", 0, &d, NULL), MKB_EMPTY);
    CHECK_STATUS(mkb_lookup(" - '. ", NT, &d, &s), MKB_EMPTY);
    CHECK(s.len == 0);
    CHECK_STATUS(mkb_lookup("\xFF\xFE", NT, &d, NULL), MKB_INVALID_UTF8);
    CHECK_STATUS(mkb_lookup("fanconi \xC3", NT, &d, NULL), MKB_INVALID_UTF8); /* truncated sequence */
    CHECK_STATUS(mkb_lookup("\xED\xA0\x80", NT, &d, NULL), MKB_INVALID_UTF8); /* surrogate */
    /* An interior NUL within an explicit length is just a byte (dropped as punctuation). */
    CHECK_STATUS(mkb_lookup("F\0A", 3, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);

    /* Oversized input: rejected before the memory is read (a short buffer with a huge length). */
    char small[8] = "FA";
    CHECK_STATUS(mkb_lookup(small, MKB_MAX_INPUT_LEN + 1, &d, NULL), MKB_TOO_LONG);
    CHECK_STATUS(mkb_lookup(small, SIZE_MAX - 1, &d, NULL), MKB_TOO_LONG);
    /* Exactly MKB_MAX_INPUT_LEN + 1 bytes and no NUL: the bounded scan stops inside the buffer. */
    char *unterminated = malloc(MKB_MAX_INPUT_LEN + 1);
    CHECK(unterminated != NULL);
    if (unterminated != NULL) {
        memset(unterminated, 'a', MKB_MAX_INPUT_LEN + 1);
        CHECK_STATUS(mkb_lookup(unterminated, NT, &d, NULL), MKB_TOO_LONG);
        CHECK_STATUS(mkb_lookup(unterminated, MKB_MAX_INPUT_LEN + 1, &d, NULL), MKB_TOO_LONG);
        /* MKB_MAX_INPUT_LEN bytes are accepted as input; the normalized name is then too long. */
        CHECK_STATUS(mkb_lookup(unterminated, MKB_MAX_INPUT_LEN, &d, NULL), MKB_TOO_LONG);
        free(unterminated);
    }
    /* Long but mostly punctuation: within limits, normalizes to a short unknown name. */
    char spaced[MKB_MAX_INPUT_LEN + 1];
    memset(spaced, ' ', MKB_MAX_INPUT_LEN);
    spaced[0] = 'F';
    spaced[MKB_MAX_INPUT_LEN - 1] = 'A';
    spaced[MKB_MAX_INPUT_LEN] = '\0';
    CHECK_STATUS(mkb_lookup(spaced, NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);

    /* The same rules for every text entry point. */
    MkbSymptom sym;
    const MkbGeneRecord *g;
    uint32_t n;
    CHECK_STATUS(mkb_symptom_find(NULL, 1, &sym), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_symptom_find("\xC0\x80", NT, &sym), MKB_INVALID_UTF8);
    CHECK_STATUS(mkb_gene_from_symbol(small, SIZE_MAX, &g), MKB_NOT_FOUND); /* SIZE_MAX: "FA", NUL-terminated */
    CHECK_STATUS(mkb_gene_from_symbol("ABCDEFGHIJKLMNOPQRSTUVWXYZ", NT, &g), MKB_TOO_LONG);
    CHECK_STATUS(mkb_gene_from_symbol("   ", NT, &g), MKB_EMPTY);
    CHECK_STATUS(mkb_parse_hpo("HP:0000000000000000000000000000001873", NT, &n), MKB_MALFORMED_ID);
    CHECK_STATUS(mkb_parse_hpo("\xFF", 1, &n), MKB_INVALID_UTF8);
    CHECK_STATUS(mkb_parse_hpo("", NT, &n), MKB_MALFORMED_ID);
}

static void test_resolve(void) {
    MkbDisorder d = 0;
    MkbSuggestions s;
    CHECK_STATUS(mkb_resolve("ORPHA:84", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK_STATUS(mkb_resolve("OMIM:227650", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    /* A gene symbol linked to exactly one disorder resolves to it. */
    int resolved_gene = 0;
    for (size_t i = 0; i < mkb_gene_count() && !resolved_gene; i++) {
        const MkbGeneRecord *g = NULL;
        CHECK_STATUS(mkb_gene_at(i, &g), MKB_OK);
        if (g == NULL || g->disorders_len != 1) continue;
        CHECK_STATUS(mkb_resolve(g->symbol, NT, &d, &s), MKB_OK);
        CHECK(d == g->disorders[0] && s.len == 0);
        resolved_gene = 1;
    }
    CHECK(resolved_gene);
    CHECK_STATUS(mkb_resolve("DBA", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    CHECK_STATUS(mkb_resolve("fanconni", NT, &d, &s), MKB_NOT_FOUND);
    CHECK(s.len >= 1 && s.items[0] == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK_STATUS(mkb_resolve("ORPHA:abc", NT, &d, NULL), MKB_MALFORMED_ID);
    CHECK_STATUS(mkb_resolve("ORPHA:1", NT, &d, NULL), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_resolve(NULL, 0, &d, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_resolve("FA", NT, NULL, NULL), MKB_NULL_POINTER);
    /* Codes through their WHO category, tolerant prefixes, shared codes and genes. */
    CHECK_STATUS(mkb_resolve("D46.9", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_MYELODYSPLASTIC_SYNDROME);
    CHECK_STATUS(mkb_resolve("ORPHA 84", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK_STATUS(mkb_resolve("D61.0", NT, &d, NULL), MKB_AMBIGUOUS);
    CHECK_STATUS(mkb_resolve("ELANE", NT, &d, NULL), MKB_AMBIGUOUS);
    CHECK_STATUS(mkb_resolve("HAX1", NT, &d, NULL), MKB_OK);
    CHECK(d == MKB_DISORDER_KOSTMANN_SYNDROME);
}

static void test_resolve_detailed(void) {
    MkbResolution r;
    CHECK_STATUS(mkb_resolve_detailed("D46.9", NT, 0, &r), MKB_OK);
    CHECK(r.row_status == MKB_RESOLUTION_STATUS_FOUND && r.disorder == MKB_DISORDER_MYELODYSPLASTIC_SYNDROME);
    CHECK(r.match_kind == MKB_RESOLUTION_MATCH_ICD10_PARENT && streq(r.parent_code, "D46"));
    CHECK_STATUS(mkb_resolve_detailed("OMIM:610738", NT, 0, &r), MKB_OK);
    CHECK(r.disorder == MKB_DISORDER_KOSTMANN_SYNDROME && r.match_kind == MKB_RESOLUTION_MATCH_OMIM);
    CHECK(r.disorders_len == 1 && r.disorders[0] == MKB_DISORDER_SEVERE_CONGENITAL_NEUTROPENIA);
    CHECK_STATUS(mkb_resolve_detailed("ELANE", NT, 0, &r), MKB_AMBIGUOUS);
    CHECK(r.row_status == MKB_RESOLUTION_STATUS_AMBIGUOUS && r.disorder == MKB_NO_DISORDER && r.disorders_len == 2);
    CHECK(r.disorders[0] == MKB_DISORDER_CYCLIC_NEUTROPENIA);
    CHECK(r.disorders[1] == MKB_DISORDER_SEVERE_CONGENITAL_NEUTROPENIA);
    CHECK_STATUS(mkb_resolve_detailed("fanconni", NT, 1, &r), MKB_NOT_FOUND);
    CHECK(r.row_status == MKB_RESOLUTION_STATUS_UNKNOWN && r.suggestions.items[0] == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK_STATUS(mkb_resolve_detailed(NULL, 0, 0, &r), MKB_EMPTY);
    CHECK(r.row_status == MKB_RESOLUTION_STATUS_MISSING);
    CHECK_STATUS(mkb_resolve_detailed("FA", NT, 0, NULL), MKB_NULL_POINTER);

    const char *texts[] = {"FA", NULL, "", "D46.9", "D61.0", "zzzz", "ORPHA:x", "\xFF", "RPS19"};
    enum { N = sizeof texts / sizeof texts[0] };
    MkbResolution rows[N];
    size_t found = 0;
    CHECK_STATUS(mkb_resolve_many(texts, NULL, N, 0, rows, &found), MKB_OK);
    const MkbResolutionStatus expected[N] = {
        MKB_RESOLUTION_STATUS_FOUND,     MKB_RESOLUTION_STATUS_MISSING,   MKB_RESOLUTION_STATUS_MISSING,
        MKB_RESOLUTION_STATUS_FOUND,     MKB_RESOLUTION_STATUS_AMBIGUOUS, MKB_RESOLUTION_STATUS_UNKNOWN,
        MKB_RESOLUTION_STATUS_MALFORMED, MKB_RESOLUTION_STATUS_MALFORMED, MKB_RESOLUTION_STATUS_FOUND,
    };
    for (size_t i = 0; i < N; i++) CHECK(rows[i].row_status == expected[i]);
    CHECK(found == 3);
    CHECK(rows[7].status == MKB_INVALID_UTF8);
    CHECK_STATUS(mkb_resolve_many(NULL, NULL, 1, 0, rows, NULL), MKB_NULL_POINTER);

    /* The subtype-to-group rule for genes. */
    MkbGeneLink links[8];
    size_t n = 0;
    CHECK_STATUS(mkb_gene_links("HAX1", NT, links, 8, &n), MKB_OK);
    CHECK(n == 2);
    CHECK(links[0].disorder == MKB_DISORDER_KOSTMANN_SYNDROME && links[0].through == MKB_NO_DISORDER);
    CHECK(links[1].disorder == MKB_DISORDER_SEVERE_CONGENITAL_NEUTROPENIA);
    CHECK(links[1].through == MKB_DISORDER_KOSTMANN_SYNDROME);
    CHECK_STATUS(mkb_gene_links("HAX1", NT, links, 1, &n), MKB_BUFFER_TOO_SMALL);
    CHECK(n == 2);
}

static void test_search(void) {
    size_t needed = 0;
    CHECK_STATUS(mkb_search("neutropenia", NT, NULL, 0, &needed), MKB_BUFFER_TOO_SMALL);
    CHECK(needed > 1);
    MkbSearchHit hits[64];
    size_t len = 0;
    CHECK(needed <= 64);
    CHECK_STATUS(mkb_search("neutropenia", NT, hits, 64, &len), MKB_OK);
    CHECK(len == needed);
    int scn = 0;
    for (size_t i = 0; i < len && i < 64; i++) {
        CHECK(valid_string(hits[i].matched));
        CHECK(hits[i].kind >= MKB_SEARCH_HIT_KIND_NAME && hits[i].kind <= MKB_SEARCH_HIT_KIND_CODE);
        if (i > 0) CHECK(hits[i - 1].kind <= hits[i].kind);
        if (hits[i].disorder == MKB_DISORDER_SEVERE_CONGENITAL_NEUTROPENIA) scn = 1;
    }
    CHECK(scn);
    /* Too small: the buffer is left alone and the needed length comes back. */
    MkbSearchHit one[1];
    memset(one, 0x5A, sizeof one);
    unsigned char pattern[sizeof one];
    memset(pattern, 0x5A, sizeof pattern);
    CHECK_STATUS(mkb_search("neutropenia", NT, one, 1, &len), MKB_BUFFER_TOO_SMALL);
    CHECK(len == needed);
    CHECK(memcmp(one, pattern, sizeof one) == 0);
    CHECK_STATUS(mkb_search("RPS19", NT, hits, 64, &len), MKB_OK);
    CHECK(len >= 1 && hits[0].kind == MKB_SEARCH_HIT_KIND_GENE && streq(hits[0].matched, "RPS19"));
    CHECK_STATUS(mkb_search("qqqqqqqq", NT, NULL, 0, &len), MKB_OK);
    CHECK(len == 0);
    CHECK_STATUS(mkb_search("neutropenia", NT, NULL, 64, &len), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_search("", NT, hits, 64, &len), MKB_EMPTY);
    CHECK_STATUS(mkb_search("neutropenia", NT, hits, 64, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_search("neutropenia", NT, hits, SIZE_MAX, &len), MKB_INVALID_ARGUMENT);
}

/* A disorder record's names, key, synonyms and abbreviations all find the disorder again. */
static void check_disorder_names(MkbDisorder d, const MkbDisorderRecord *r) {
    CHECK(r->disorder == d && r->id == d);
    CHECK(valid_string(r->key) && valid_string(r->name) && valid_string(r->description));
    CHECK(r->summary == NULL || valid_string(r->summary));
    MkbDisorder back = 0;
    CHECK_STATUS(mkb_disorder_from_key(r->key, NT, &back), MKB_OK);
    CHECK(back == d);
    CHECK_STATUS(mkb_lookup(r->name, NT, &back, NULL), MKB_OK);
    CHECK(back == d);
    for (size_t i = 0; i < r->synonyms_len; i++) {
        CHECK(valid_string(r->synonyms[i]));
        CHECK_STATUS(mkb_lookup(r->synonyms[i], NT, &back, NULL), MKB_OK);
    }
    for (size_t i = 0; i < r->abbreviations_len; i++) {
        CHECK(valid_string(r->abbreviations[i]));
        CHECK_STATUS(mkb_lookup(r->abbreviations[i], NT, &back, NULL), MKB_OK);
    }
}

/* Origin, cell lines, inheritance, onset and relations hold values of their closed vocabularies. */
static void check_disorder_classes(MkbDisorder d, const MkbDisorderRecord *r) {
    const char *key = NULL;
    CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_ORIGIN, r->origin, &key), MKB_OK);
    CHECK(r->neoplasm == 0 || r->neoplasm == 1);
    CHECK(r->cell_lines_len >= 1 && r->cell_lines_len <= 3);
    for (size_t i = 0; i < r->cell_lines_len; i++)
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_CELL_LINE, r->cell_lines[i], &key), MKB_OK);
    for (size_t i = 0; i < r->inheritance_len; i++)
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_INHERITANCE, r->inheritance[i], &key), MKB_OK);
    for (size_t i = 0; i < r->onset_len; i++)
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_ONSET, r->onset[i], &key), MKB_OK);
    for (size_t i = 0; i < r->relations_len; i++) {
        const MkbDisorderRecord *target = NULL;
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_RELATION_KIND, r->relations[i].kind, &key), MKB_OK);
        CHECK_STATUS(mkb_disorder_record(r->relations[i].target, &target), MKB_OK);
        CHECK(r->relations[i].target != d);
        const MkbSourceRecord *src = NULL;
        CHECK_STATUS(mkb_source_record(r->relations[i].source, &src), MKB_OK);
    }
}

/* Every ORPHA, OMIM and ICD-10 cross-reference is well formed and links back to the disorder. */
static void check_disorder_codes(MkbDisorder d, const MkbDisorderRecord *r) {
    const char *key = NULL;
    MkbDisorder back = 0;
    for (size_t i = 0; i < r->orpha_len; i++) {
        const MkbXrefRecord *x = &r->orpha[i];
        char curie[32];
        snprintf(curie, sizeof curie, "ORPHA:%u", (unsigned)x->id);
        CHECK(streq(x->curie, curie) && valid_string(x->name));
        CHECK(x->note == NULL || valid_string(x->note));
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_XREF_MATCH, x->match_kind, &key), MKB_OK);
        MkbXrefLink links[32];
        size_t n = 0;
        CHECK_STATUS(mkb_disorders_for_orpha(x->id, links, 32, &n), MKB_OK);
        int found = 0;
        for (size_t j = 0; j < n && j < 32; j++) found |= links[j].disorder == d && links[j].match_kind == x->match_kind;
        CHECK(found);
        if (x->match_kind != MKB_XREF_MATCH_CLOSEST) {
            CHECK_STATUS(mkb_disorder_from_orpha(x->curie, NT, &back), MKB_OK);
        }
    }
    for (size_t i = 0; i < r->omim_len; i++) {
        const MkbXrefRecord *x = &r->omim[i];
        char curie[32];
        snprintf(curie, sizeof curie, "OMIM:%06u", (unsigned)x->id);
        CHECK(streq(x->curie, curie) && valid_string(x->name));
        CHECK(x->note == NULL || valid_string(x->note));
        MkbXrefLink links[32];
        size_t n = 0;
        CHECK_STATUS(mkb_disorders_for_omim(x->id, links, 32, &n), MKB_OK);
        int found = 0;
        for (size_t j = 0; j < n && j < 32; j++) found |= links[j].disorder == d;
        CHECK(found);
    }
    CHECK(r->icd10_len >= 1);
    for (size_t i = 0; i < r->icd10_len; i++) {
        const MkbIcd10Record *x = &r->icd10[i];
        CHECK(valid_string(x->code) && valid_string(x->title));
        CHECK(x->note == NULL || valid_string(x->note));
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_ICD_MATCH, x->match_kind, &key), MKB_OK);
        MkbIcd10Link links[32];
        size_t n = 0;
        CHECK_STATUS(mkb_disorders_for_icd10(x->code, NT, links, 32, &n), MKB_OK);
        int found = 0;
        for (size_t j = 0; j < n && j < 32; j++) found |= links[j].disorder == d && links[j].match_kind == x->match_kind;
        CHECK(found);
    }
}

/* Genes and clinical features: each points back to the disorder (the reverse maps agree). */
static void check_disorder_genes_and_features(MkbDisorder d, const MkbDisorderRecord *r) {
    const char *key = NULL;
    for (size_t i = 0; i < r->genes_len; i++) {
        const MkbGeneRecord *g = &r->genes[i], *by_symbol = NULL;
        CHECK(valid_string(g->symbol) && g->ncbi_gene_id > 0);
        CHECK(contains(g->disorders, g->disorders_len, d));
        CHECK_STATUS(mkb_gene_from_symbol(g->symbol, NT, &by_symbol), MKB_OK);
        CHECK(by_symbol != NULL && by_symbol->ncbi_gene_id == g->ncbi_gene_id);
    }
    CHECK(r->features_len >= 1);
    for (size_t i = 0; i < r->features_len; i++) {
        const MkbSymptomRecord *s = NULL;
        CHECK_STATUS(mkb_symptom_record(r->features[i].symptom, &s), MKB_OK);
        if (s != NULL) CHECK(contains(s->disorders, s->disorders_len, d)); /* reverse map */
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_FREQUENCY, r->features[i].frequency, &key), MKB_OK);
        const MkbSourceRecord *src = NULL;
        CHECK_STATUS(mkb_source_record(r->features[i].source, &src), MKB_OK);
        /* A frequency override keeps HPO's class beside it, with a note; otherwise both are the same. */
        if (r->features[i].has_hpo_frequency) {
            CHECK(r->features[i].hpo_frequency != r->features[i].frequency);
            CHECK(valid_string(r->features[i].note));
            CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_FREQUENCY, r->features[i].hpo_frequency, &key), MKB_OK);
        } else {
            CHECK(r->features[i].hpo_frequency == r->features[i].frequency);
        }
    }
}

/* Treatments, tests, causes, risks and sources: readable records, linked back to the disorder. */
static void check_disorder_care_and_sources(MkbDisorder d, const MkbDisorderRecord *r) {
    const char *key = NULL;
    for (size_t i = 0; i < r->treatments_len; i++) {
        const MkbTreatmentRecord *t = NULL;
        CHECK_STATUS(mkb_treatment_record(r->treatments[i].treatment, &t), MKB_OK);
        if (t != NULL) CHECK(contains(t->disorders, t->disorders_len, d));
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_TREATMENT_ROLE, r->treatments[i].role, &key), MKB_OK);
    }
    for (size_t i = 0; i < r->tests_len; i++) {
        const MkbDiagnosticTestRecord *t = NULL;
        CHECK_STATUS(mkb_diagnostic_test_record(r->tests[i], &t), MKB_OK);
        if (t != NULL) CHECK(contains(t->disorders, t->disorders_len, d));
    }
    for (size_t i = 0; i < r->causes_len; i++) {
        const MkbCauseRecord *c = NULL;
        CHECK_STATUS(mkb_cause_record(r->causes[i], &c), MKB_OK);
        if (c != NULL) CHECK(contains(c->disorders, c->disorders_len, d));
    }
    for (size_t i = 0; i < r->risks_len; i++) {
        const MkbRiskRecord *x = &r->risks[i];
        CHECK(valid_string(x->name));
        CHECK((x->hpo == 0) == (x->hpo_curie == NULL));
        if (x->hpo_curie != NULL) {
            uint32_t n = 0;
            CHECK_STATUS(mkb_parse_hpo(x->hpo_curie, NT, &n), MKB_OK);
            CHECK(n == x->hpo);
        }
    }
    CHECK(r->sources_len >= 1);
    for (size_t i = 0; i < r->sources_len; i++) {
        const MkbSourceRecord *src = NULL;
        CHECK_STATUS(mkb_source_record(r->sources[i], &src), MKB_OK);
    }
}

/* Every field of one disorder record is readable and consistent with the rest of the API. */
static void check_disorder_record(MkbDisorder d) {
    const MkbDisorderRecord *r = NULL;
    CHECK_STATUS(mkb_disorder_record(d, &r), MKB_OK);
    if (r == NULL) return;
    check_disorder_names(d, r);
    check_disorder_classes(d, r);
    check_disorder_codes(d, r);
    check_disorder_genes_and_features(d, r);
    check_disorder_care_and_sources(d, r);
}

static void test_disorders(void) {
    size_t n = mkb_disorder_count();
    CHECK(n == 20);
    for (size_t i = 0; i < n; i++) {
        MkbDisorder d = 0;
        CHECK_STATUS(mkb_disorder_at(i, &d), MKB_OK);
        check_disorder_record(d);
    }
    MkbDisorder d = 0;
    CHECK_STATUS(mkb_disorder_at(n, &d), MKB_OUT_OF_RANGE);
    CHECK_STATUS(mkb_disorder_at(SIZE_MAX, &d), MKB_OUT_OF_RANGE);
    CHECK_STATUS(mkb_disorder_at(0, NULL), MKB_NULL_POINTER);

    const MkbDisorderRecord *fa = NULL;
    CHECK_STATUS(mkb_disorder_record(MKB_DISORDER_FANCONI_ANEMIA, &fa), MKB_OK);
    if (fa != NULL) {
        CHECK(streq(fa->key, "fanconi_anemia") && streq(fa->name, "Fanconi anemia"));
        CHECK(fa->origin == MKB_ORIGIN_INHERITED && !fa->neoplasm);
        int short_stature = 0; /* curated "frequent" (about 50 %) beside HPO's "very frequent" */
        for (size_t i = 0; i < fa->features_len; i++)
            short_stature |= fa->features[i].symptom == MKB_SYMPTOM_SHORT_STATURE && fa->features[i].has_hpo_frequency &&
                             fa->features[i].frequency == MKB_FREQUENCY_FREQUENT &&
                             fa->features[i].hpo_frequency == MKB_FREQUENCY_VERY_FREQUENT;
        CHECK(short_stature);
        const MkbDisorderRecord *pearson = NULL;
        CHECK_STATUS(mkb_disorder_record(MKB_DISORDER_PEARSON_SYNDROME, &pearson), MKB_OK);
        CHECK(pearson != NULL && pearson->origin == MKB_ORIGIN_CONSTITUTIONAL);
        CHECK(fa->orpha[0].id == 84 && streq(fa->orpha[0].curie, "ORPHA:84"));
        CHECK(fa->orpha[0].match_kind == MKB_XREF_MATCH_EXACT);
        int fanca = 0;
        for (size_t i = 0; i < fa->genes_len; i++) fanca |= streq(fa->genes[i].symbol, "FANCA");
        CHECK(fanca);
        int bmt = 0;
        for (size_t i = 0; i < fa->treatments_len; i++)
            bmt |= fa->treatments[i].treatment == MKB_TREATMENT_BONE_MARROW_TRANSPLANT &&
                   fa->treatments[i].role == MKB_TREATMENT_ROLE_CURATIVE;
        CHECK(bmt);
        int leukemia = 0;
        for (size_t i = 0; i < fa->risks_len; i++) leukemia |= strstr(fa->risks[i].name, "leukemia") != NULL;
        CHECK(leukemia);
    }
    const MkbDisorderRecord *again = NULL;
    CHECK_STATUS(mkb_disorder_record(MKB_DISORDER_FANCONI_ANEMIA, &again), MKB_OK);
    CHECK(again == fa); /* static: the same pointer every time */

    /* Out-of-range enum values are rejected, never used. */
    const MkbDisorderRecord *r = NULL;
    CHECK_STATUS(mkb_disorder_record(0, &r), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_disorder_record(21, &r), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_disorder_record(100000, &r), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_disorder_record(UINT32_MAX, &r), MKB_INVALID_ENUM);
    CHECK(r == NULL);
    CHECK_STATUS(mkb_disorder_record(MKB_DISORDER_FANCONI_ANEMIA, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_disorder_from_key("Fanconi anemia", NT, &d), MKB_NOT_FOUND); /* keys are snake_case words */
    CHECK_STATUS(mkb_disorder_from_key("FANCONI_ANEMIA", NT, &d), MKB_OK);         /* in any case */
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
}

/* Every symptom record: HPO ids, key, body system, and the disorders that list it as a feature. */
static void check_symptom_records(void) {
    size_t n = mkb_symptom_count();
    CHECK(n > 50);
    for (size_t i = 0; i < n; i++) {
        MkbSymptom s = 0, back = 0;
        const MkbSymptomRecord *r = NULL;
        CHECK_STATUS(mkb_symptom_at(i, &s), MKB_OK);
        CHECK_STATUS(mkb_symptom_record(s, &r), MKB_OK);
        if (r == NULL) continue;
        CHECK(r->symptom == s && r->id == s);
        CHECK(valid_string(r->key) && valid_string(r->name) && valid_string(r->plain));
        CHECK(r->article == NULL || valid_string(r->article));
        CHECK(r->hpo_len >= 1);
        for (size_t j = 0; j < r->hpo_len; j++) {
            uint32_t parsed = 0;
            CHECK_STATUS(mkb_parse_hpo(r->hpo_curies[j], NT, &parsed), MKB_OK);
            CHECK(parsed == r->hpo[j]);
        }
        CHECK_STATUS(mkb_symptom_from_hpo_id(r->hpo[0], &back), MKB_OK);
        CHECK_STATUS(mkb_symptom_from_key(r->key, NT, &back), MKB_OK);
        CHECK(back == s);
        CHECK_STATUS(mkb_symptom_find(r->key, NT, &back), MKB_OK);
        CHECK(back == s);
        const char *key = NULL;
        CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_BODY_SYSTEM, r->system, &key), MKB_OK);
        for (size_t j = 0; j < r->disorders_len; j++) {
            const MkbDisorderRecord *d = NULL;
            int has = 0;
            CHECK_STATUS(mkb_disorder_record(r->disorders[j], &d), MKB_OK);
            for (size_t k = 0; d != NULL && k < d->features_len; k++) has |= d->features[k].symptom == s;
            CHECK(has);
        }
    }
    MkbSymptom s = 0;
    CHECK_STATUS(mkb_symptom_at(n, &s), MKB_OUT_OF_RANGE);
    CHECK_STATUS(mkb_symptom_find("Nosebleeds", NT, &s), MKB_OK);
    CHECK_STATUS(mkb_symptom_find("nothing like this", NT, &s), MKB_NOT_FOUND);
    const MkbSymptomRecord *sr = NULL;
    CHECK_STATUS(mkb_symptom_record(0, &sr), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_symptom_record(UINT32_MAX, &sr), MKB_INVALID_ENUM);
}

/* Every treatment record, found again by key and by name, with its source. */
static void check_treatment_records(void) {
    size_t n = mkb_treatment_count();
    CHECK(n >= 5);
    for (size_t i = 0; i < n; i++) {
        MkbTreatment t = 0, back = 0;
        const MkbTreatmentRecord *r = NULL;
        CHECK_STATUS(mkb_treatment_at(i, &t), MKB_OK);
        CHECK_STATUS(mkb_treatment_record(t, &r), MKB_OK);
        if (r == NULL) continue;
        CHECK(r->treatment == t && valid_string(r->key) && valid_string(r->name) && valid_string(r->description));
        CHECK_STATUS(mkb_treatment_from_key(r->key, NT, &back), MKB_OK);
        CHECK(back == t);
        CHECK_STATUS(mkb_treatment_find(r->name, NT, &back), MKB_OK);
        CHECK(back == t);
        const MkbSourceRecord *src = NULL;
        CHECK_STATUS(mkb_source_record(r->source, &src), MKB_OK);
    }
    MkbTreatment t = 0;
    CHECK_STATUS(mkb_treatment_at(n, &t), MKB_OUT_OF_RANGE);
    CHECK_STATUS(mkb_treatment_from_key("blood_transfusion", NT, &t), MKB_OK);
    CHECK(t == MKB_TREATMENT_BLOOD_TRANSFUSION);
    const MkbTreatmentRecord *tr = NULL;
    CHECK_STATUS(mkb_treatment_record(0, &tr), MKB_INVALID_ENUM);
}

/* Every cause record, found again by key and by name. */
static void check_cause_records(void) {
    size_t n = mkb_cause_count();
    CHECK(n == 8); /* the article's seven, and new_genetic_change */
    for (size_t i = 0; i < n; i++) {
        MkbCause c = 0, back = 0;
        const MkbCauseRecord *r = NULL;
        CHECK_STATUS(mkb_cause_at(i, &c), MKB_OK);
        CHECK_STATUS(mkb_cause_record(c, &r), MKB_OK);
        if (r == NULL) continue;
        CHECK(r->cause == c && valid_string(r->key) && valid_string(r->name) && valid_string(r->description));
        CHECK_STATUS(mkb_cause_from_key(r->key, NT, &back), MKB_OK);
        CHECK(back == c);
        CHECK_STATUS(mkb_cause_find(r->name, NT, &back), MKB_OK);
        CHECK(back == c);
    }
    MkbCause c = 0;
    CHECK_STATUS(mkb_cause_at(n, &c), MKB_OUT_OF_RANGE);
    const MkbCauseRecord *cr = NULL;
    CHECK_STATUS(mkb_cause_record(UINT32_MAX, &cr), MKB_INVALID_ENUM);
}

/* Every diagnostic test record, found again by key and by name; four come from the article. */
static void check_diagnostic_test_records(void) {
    size_t n = mkb_diagnostic_test_count();
    CHECK(n >= 4);
    size_t article = 0;
    for (size_t i = 0; i < n; i++) {
        MkbDiagnosticTest x = 0, back = 0;
        const MkbDiagnosticTestRecord *r = NULL;
        CHECK_STATUS(mkb_diagnostic_test_at(i, &x), MKB_OK);
        CHECK_STATUS(mkb_diagnostic_test_record(x, &r), MKB_OK);
        if (r == NULL) continue;
        CHECK(r->test == x && valid_string(r->key) && valid_string(r->name) && valid_string(r->description));
        article += r->article;
        CHECK_STATUS(mkb_diagnostic_test_from_key(r->key, NT, &back), MKB_OK);
        CHECK(back == x);
        CHECK_STATUS(mkb_diagnostic_test_find(r->name, NT, &back), MKB_OK);
        CHECK(back == x);
    }
    CHECK(article == 4);
    MkbDiagnosticTest x = 0;
    CHECK_STATUS(mkb_diagnostic_test_at(n, &x), MKB_OUT_OF_RANGE);
    const MkbDiagnosticTestRecord *xr = NULL;
    CHECK_STATUS(mkb_diagnostic_test_record(0, &xr), MKB_INVALID_ENUM);
}

/* Every source record: its strings, its year, and its key. */
static void check_source_records(void) {
    size_t n = mkb_source_count();
    CHECK(n >= 5);
    for (size_t i = 0; i < n; i++) {
        MkbSource src = 0, back = 0;
        const MkbSourceRecord *r = NULL;
        CHECK_STATUS(mkb_source_at(i, &src), MKB_OK);
        CHECK_STATUS(mkb_source_record(src, &r), MKB_OK);
        if (r == NULL) continue;
        CHECK(r->source == src && valid_string(r->key) && valid_string(r->name));
        CHECK(valid_string(r->title) && valid_string(r->publisher));
        CHECK(r->url == NULL || valid_string(r->url));
        CHECK(r->licence == NULL || valid_string(r->licence));
        CHECK(r->year == 0 || (r->year > 1900 && r->year < 2100));
        CHECK_STATUS(mkb_source_from_key(r->key, NT, &back), MKB_OK);
        CHECK(back == src);
    }
    MkbSource src = 0;
    CHECK_STATUS(mkb_source_at(n, &src), MKB_OUT_OF_RANGE);
    CHECK_STATUS(mkb_source_from_key("article", NT, &src), MKB_OK);
    CHECK(src == MKB_SOURCE_ARTICLE);
    const MkbSourceRecord *srr = NULL;
    CHECK_STATUS(mkb_source_record(0, &srr), MKB_INVALID_ENUM);
}

static void test_vocabulary_entities(void) {
    check_symptom_records();
    check_treatment_records();
    check_cause_records();
    check_diagnostic_test_records();
    check_source_records();
}


/* mkb_disorder_find and mkb_source_find: every entity has the same functions (generated from one list). */
static void test_entity_find(void) {
    /* Disorders: by key, name, synonym or abbreviation, as mkb_lookup (which adds suggestions). */
    for (size_t i = 0; i < mkb_disorder_count(); i++) {
        MkbDisorder d = 0, by_key = 0, by_name = 0, looked_up = 0;
        const MkbDisorderRecord *r = NULL;
        CHECK_STATUS(mkb_disorder_at(i, &d), MKB_OK);
        CHECK_STATUS(mkb_disorder_record(d, &r), MKB_OK);
        if (r == NULL) continue;
        CHECK_STATUS(mkb_disorder_find(r->key, NT, &by_key), MKB_OK);
        CHECK(by_key == d);
        CHECK_STATUS(mkb_disorder_find(r->name, strlen(r->name), &by_name), MKB_OK);
        CHECK_STATUS(mkb_lookup(r->name, NT, &looked_up, NULL), MKB_OK);
        CHECK(by_name == looked_up);
    }
    MkbDisorder d = 0;
    CHECK_STATUS(mkb_disorder_find("Fanconi's anaemia", NT, &d), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    d = 0;
    CHECK_STATUS(mkb_disorder_find("FA", NT, &d), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    d = 0;
    CHECK_STATUS(mkb_disorder_find("nothing like this", NT, &d), MKB_NOT_FOUND);
    CHECK(d == 0); /* not written on failure */
    CHECK_STATUS(mkb_disorder_find("", NT, &d), MKB_EMPTY);
    CHECK_STATUS(mkb_disorder_find(" - '. ", NT, &d), MKB_EMPTY);
    CHECK_STATUS(mkb_disorder_find(NULL, 1, &d), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_disorder_find("FA", NT, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_disorder_find("\xFF\xFE", NT, &d), MKB_INVALID_UTF8);
    char small[8] = "FA";
    CHECK_STATUS(mkb_disorder_find(small, MKB_MAX_INPUT_LEN + 1, &d), MKB_TOO_LONG);
    CHECK(d == 0);

    /* Sources: by key, ignoring case, punctuation and spaces. */
    for (size_t i = 0; i < mkb_source_count(); i++) {
        MkbSource src = 0, back = 0;
        const MkbSourceRecord *r = NULL;
        CHECK_STATUS(mkb_source_at(i, &src), MKB_OK);
        CHECK_STATUS(mkb_source_record(src, &r), MKB_OK);
        if (r == NULL) continue;
        CHECK_STATUS(mkb_source_find(r->key, NT, &back), MKB_OK);
        CHECK(back == src);
    }
    MkbSource src = 0;
    CHECK_STATUS(mkb_source_find(" Article ", NT, &src), MKB_OK);
    CHECK(src == MKB_SOURCE_ARTICLE);
    src = 0;
    CHECK_STATUS(mkb_source_find("no such source", NT, &src), MKB_NOT_FOUND);
    CHECK(src == 0);
    CHECK_STATUS(mkb_source_find("   ", NT, &src), MKB_EMPTY);
    CHECK_STATUS(mkb_source_find(NULL, NT, &src), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_source_find("article", NT, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_source_find("\xC0\x80", NT, &src), MKB_INVALID_UTF8);
    CHECK_STATUS(mkb_source_find(small, SIZE_MAX - 1, &src), MKB_TOO_LONG);
    CHECK(src == 0);
}

static void test_genes(void) {
    size_t n = mkb_gene_count();
    CHECK(n > 50);
    for (size_t i = 0; i < n; i++) {
        const MkbGeneRecord *g = NULL, *again = NULL;
        CHECK_STATUS(mkb_gene_at(i, &g), MKB_OK);
        if (g == NULL) continue;
        CHECK(valid_string(g->symbol) && g->disorders_len >= 1);
        CHECK_STATUS(mkb_gene_from_symbol(g->symbol, NT, &again), MKB_OK);
        CHECK(again == g);
        CHECK_STATUS(mkb_gene_from_ncbi_id(g->ncbi_gene_id, &again), MKB_OK);
        CHECK(again == g);
        const MkbDisorder *ds = NULL;
        size_t len = 0;
        CHECK_STATUS(mkb_disorders_for_gene(g->symbol, NT, &ds, &len), MKB_OK);
        CHECK(ds == g->disorders && len == g->disorders_len);
        MkbGeneLink links[MKB_MAX_CANDIDATES];
        size_t links_len = 0;
        CHECK_STATUS(mkb_gene_links(g->symbol, NT, links, MKB_MAX_CANDIDATES, &links_len), MKB_OK);
        CHECK(links_len == g->disorders_len);
        for (size_t j = 0; j < g->disorders_len && j < links_len; j++) {
            const MkbDisorderRecord *d = NULL;
            int has = 0;
            CHECK_STATUS(mkb_disorder_record(g->disorders[j], &d), MKB_OK);
            for (size_t k = 0; d != NULL && k < d->genes_len; k++) has |= streq(d->genes[k].symbol, g->symbol);
            /* A disorder's own genes are linked directly; a group's are reached through a subtype. */
            CHECK(links[j].disorder == g->disorders[j]);
            CHECK(has == (links[j].through == MKB_NO_DISORDER));
        }
    }
    const MkbGeneRecord *g = NULL;
    CHECK_STATUS(mkb_gene_at(n, &g), MKB_OUT_OF_RANGE);
    CHECK_STATUS(mkb_gene_from_symbol(" rps19 ", NT, &g), MKB_OK);
    CHECK(g != NULL && streq(g->symbol, "RPS19") && g->ncbi_gene_id == 6223);
    CHECK_STATUS(mkb_gene_from_ncbi_id(6223, &g), MKB_OK);
    CHECK(g != NULL && streq(g->symbol, "RPS19"));
    CHECK_STATUS(mkb_gene_from_symbol("NOTAGENE", NT, &g), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_gene_from_ncbi_id(0, &g), MKB_NOT_FOUND);
    const MkbDisorder *ds = NULL;
    size_t len = 0;
    CHECK_STATUS(mkb_disorders_for_gene("RPS19", NT, &ds, &len), MKB_OK);
    CHECK(len == 1 && ds != NULL && ds[0] == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    CHECK_STATUS(mkb_disorders_for_gene("ELANE", NT, &ds, &len), MKB_OK);
    CHECK(contains(ds, len, MKB_DISORDER_SEVERE_CONGENITAL_NEUTROPENIA));
    CHECK_STATUS(mkb_disorders_for_gene("RPS19", NT, NULL, &len), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_disorders_for_gene("RPS19", NT, &ds, NULL), MKB_NULL_POINTER);
}

static void test_codes(void) {
    MkbDisorder d = 0;
    CHECK_STATUS(mkb_disorder_from_orpha("ORPHA:84", NT, &d), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK_STATUS(mkb_disorder_from_orpha("Orphanet_84", NT, &d), MKB_OK);
    CHECK_STATUS(mkb_disorder_from_orpha("84", NT, &d), MKB_OK);
    CHECK_STATUS(mkb_disorder_from_orpha_id(124, &d), MKB_OK);
    CHECK(d == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    CHECK_STATUS(mkb_disorder_from_orpha_id(1, &d), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_disorder_from_orpha("ORPHA:x", NT, &d), MKB_MALFORMED_ID);
    CHECK_STATUS(mkb_disorder_from_orpha("ORPHA:", NT, &d), MKB_MALFORMED_ID);
    CHECK_STATUS(mkb_disorder_from_omim("OMIM:105650", NT, &d), MKB_OK);
    CHECK(d == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    CHECK_STATUS(mkb_disorder_from_omim("#227650", NT, &d), MKB_OK);
    CHECK(d == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK_STATUS(mkb_disorder_from_omim_id(227650, &d), MKB_OK);
    CHECK_STATUS(mkb_disorder_from_omim_id(0, &d), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_disorder_from_omim("OMIM:1234567", NT, &d), MKB_MALFORMED_ID);

    size_t needed = 0, len = 0;
    CHECK_STATUS(mkb_disorders_for_orpha(84, NULL, 0, &needed), MKB_BUFFER_TOO_SMALL);
    CHECK(needed >= 1);
    MkbXrefLink links[20];
    CHECK_STATUS(mkb_disorders_for_orpha(84, links, 20, &len), MKB_OK);
    CHECK(len == needed && links[0].disorder == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK_STATUS(mkb_disorders_for_orpha(1, NULL, 0, &len), MKB_OK);
    CHECK(len == 0);
    CHECK_STATUS(mkb_disorders_for_orpha(84, links, 20, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_disorders_for_omim(227650, links, 20, &len), MKB_OK);
    CHECK(len >= 1 && links[0].disorder == MKB_DISORDER_FANCONI_ANEMIA);

    MkbIcd10Link icd[20];
    CHECK_STATUS(mkb_disorders_for_icd10("d61.0", NT, icd, 20, &len), MKB_OK);
    int fa = 0;
    for (size_t i = 0; i < len && i < 20; i++) fa |= icd[i].disorder == MKB_DISORDER_FANCONI_ANEMIA;
    CHECK(fa);
    CHECK_STATUS(mkb_disorders_for_icd10("D610", NT, NULL, 0, &needed), MKB_BUFFER_TOO_SMALL);
    CHECK(needed == len);
    CHECK_STATUS(mkb_disorders_for_icd10("Z99.9", NT, icd, 20, &len), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_disorders_for_icd10("61.0", NT, icd, 20, &len), MKB_MALFORMED_ID);
    CHECK_STATUS(mkb_disorders_for_icd10(NULL, 4, icd, 20, &len), MKB_NULL_POINTER);

    MkbSymptom s = 0;
    CHECK_STATUS(mkb_symptom_from_hpo("HP:0001873", NT, &s), MKB_OK);
    const MkbSymptomRecord *r = NULL;
    CHECK_STATUS(mkb_symptom_record(s, &r), MKB_OK);
    CHECK(r != NULL && contains(r->disorders, r->disorders_len, MKB_DISORDER_THROMBOCYTOPENIA_ABSENT_RADIUS));
    MkbSymptom s2 = 0;
    CHECK_STATUS(mkb_symptom_from_hpo_id(1873, &s2), MKB_OK);
    CHECK(s2 == s);
    CHECK_STATUS(mkb_symptom_from_hpo("HP:xyz", NT, &s), MKB_MALFORMED_ID);
    CHECK_STATUS(mkb_symptom_from_hpo("HP:9999999", NT, &s), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_symptom_from_hpo_id(0, &s), MKB_NOT_FOUND);

    uint32_t n = 0;
    CHECK_STATUS(mkb_parse_hpo("hp_1873", NT, &n), MKB_OK);
    CHECK(n == 1873);
    CHECK_STATUS(mkb_parse_orpha("ORPHA:84", NT, &n), MKB_OK);
    CHECK(n == 84);
    CHECK_STATUS(mkb_parse_omim("MIM#227650", NT, &n), MKB_OK);
    CHECK(n == 227650);
    CHECK_STATUS(mkb_parse_omim("OMIM:x", NT, &n), MKB_MALFORMED_ID);
    CHECK_STATUS(mkb_parse_orpha("ORPHA:84", NT, NULL), MKB_NULL_POINTER);

    char code[8];
    CHECK_STATUS(mkb_parse_icd10("d610", NT, code, sizeof code, &len), MKB_OK);
    CHECK(streq(code, "D61.0") && len == 5);
    CHECK_STATUS(mkb_parse_icd10(" D70 ", NT, code, sizeof code, &len), MKB_OK);
    CHECK(streq(code, "D70") && len == 3);
    memset(code, 'x', sizeof code);
    CHECK_STATUS(mkb_parse_icd10("d610", NT, code, 5, &len), MKB_BUFFER_TOO_SMALL); /* no room for the NUL */
    CHECK(len == 5 && code[0] == 'x');
    CHECK_STATUS(mkb_parse_icd10("d610", NT, NULL, 0, &len), MKB_BUFFER_TOO_SMALL);
    CHECK(len == 5);
    CHECK_STATUS(mkb_parse_icd10("d610", NT, NULL, 8, &len), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_parse_icd10("61.0", NT, code, sizeof code, &len), MKB_MALFORMED_ID);
}

static void test_vocabularies(void) {
    for (uint32_t v = MKB_VOCABULARY_ORIGIN; v <= MKB_VOCABULARY_SEARCH_HIT_KIND; v++) {
        size_t n = 0;
        CHECK_STATUS(mkb_vocabulary_count(v, &n), MKB_OK);
        CHECK(n >= 2);
        int has_zero = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t value = 0, back = 0;
            const char *key = NULL;
            CHECK_STATUS(mkb_vocabulary_at(v, i, &value), MKB_OK);
            has_zero |= value == 0;
            CHECK_STATUS(mkb_vocabulary_key(v, value, &key), MKB_OK);
            CHECK(valid_string(key));
            CHECK_STATUS(mkb_vocabulary_from_key(v, key, NT, &back), MKB_OK);
            CHECK(back == value);
        }
        uint32_t value = 0;
        CHECK_STATUS(mkb_vocabulary_at(v, n, &value), MKB_OUT_OF_RANGE);
        const char *key = NULL;
        CHECK_STATUS(mkb_vocabulary_key(v, 0, &key), has_zero ? MKB_OK : MKB_INVALID_ENUM);
        CHECK_STATUS(mkb_vocabulary_key(v, UINT32_MAX, &key), MKB_INVALID_ENUM);
        CHECK_STATUS(mkb_vocabulary_from_key(v, "no_such_key", NT, &value), MKB_NOT_FOUND);
    }
    size_t n = 0;
    uint32_t value = 0;
    const char *key = NULL;
    CHECK_STATUS(mkb_vocabulary_count(0, &n), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_vocabulary_count(MKB_VOCABULARY_SEARCH_HIT_KIND + 1, &n), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_PRESENCE, MKB_PRESENCE_NOT_MEASURED, &key), MKB_OK);
    CHECK(streq(key, "not_measured"));
    CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_MATCH_KIND, MKB_MATCH_KIND_NARROWER, &key), MKB_OK);
    CHECK(streq(key, "narrower"));
    CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_HPO_REPLACEMENT, MKB_HPO_REPLACEMENT_ALT_ID, &key), MKB_OK);
    CHECK(streq(key, "alt_id"));
    CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_SEARCH_HIT_KIND, MKB_SEARCH_HIT_KIND_GENE, &key), MKB_OK);
    CHECK(streq(key, "gene"));

    /* Units: symbols and parsing. */
    CHECK_STATUS(mkb_unit_symbol(MKB_VOCABULARY_HEMOGLOBIN_UNIT, MKB_HEMOGLOBIN_UNIT_GRAMS_PER_DECILITER, &key),
                 MKB_OK);
    CHECK(streq(key, "g/dL"));
    CHECK_STATUS(mkb_unit_symbol(MKB_VOCABULARY_UNIT, MKB_UNIT_GIGA_PER_LITER, &key), MKB_OK);
    CHECK(streq(key, "\xC3\x97" "10" "\xE2\x81\xB9" "/L")); /* ×10⁹/L */
    CHECK_STATUS(mkb_unit_symbol(MKB_VOCABULARY_ORIGIN, 1, &key), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_unit_symbol(MKB_VOCABULARY_AGE_UNIT, 0, &key), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_COUNT_UNIT, "x10^9/L", NT, &value), MKB_OK);
    CHECK(value == MKB_COUNT_UNIT_GIGA_PER_LITER);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_COUNT_UNIT, "cells/uL", NT, &value), MKB_OK);
    CHECK(value == MKB_COUNT_UNIT_PER_MICROLITER);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_HEMOGLOBIN_UNIT, "G/DL", NT, &value), MKB_OK);
    CHECK(value == MKB_HEMOGLOBIN_UNIT_GRAMS_PER_DECILITER);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_AGE_UNIT, "furlongs", NT, &value), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_COUNT_UNIT, "K/uL", NT, &value), MKB_OK); /* = 10^9/L */
    CHECK(value == MKB_COUNT_UNIT_GIGA_PER_LITER);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_COUNT_UNIT, "x10^3/uL", NT, &value), MKB_OK);
    CHECK(value == MKB_COUNT_UNIT_GIGA_PER_LITER);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_UNIT, "10^6/uL", NT, &value), MKB_OK); /* = 10^12/L */
    CHECK(value == MKB_UNIT_TERA_PER_LITER);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_UNIT, "g/dL", NT, &value), MKB_OK);
    CHECK(value == MKB_UNIT_GRAMS_PER_DECILITER);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_ORIGIN, "g/dL", NT, &value), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_unit_parse(MKB_VOCABULARY_AGE_UNIT, "\xFF", NT, &value), MKB_INVALID_UTF8);
    CHECK_STATUS(mkb_vocabulary_at(UINT32_MAX, 0, &value), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_vocabulary_key(MKB_VOCABULARY_FREQUENCY, MKB_FREQUENCY_VERY_FREQUENT, &key), MKB_OK);
    CHECK(streq(key, "very_frequent"));
    CHECK_STATUS(mkb_vocabulary_from_key(MKB_VOCABULARY_INHERITANCE, "x_linked_recessive", NT, &value), MKB_OK);
    CHECK(value == MKB_INHERITANCE_X_LINKED_RECESSIVE);
    CHECK_STATUS(mkb_vocabulary_from_key(MKB_VOCABULARY_ORIGIN, NULL, 3, &value), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_vocabulary_count(MKB_VOCABULARY_ORIGIN, NULL), MKB_NULL_POINTER);

    uint32_t hpo = 0;
    CHECK_STATUS(mkb_inheritance_hpo(MKB_INHERITANCE_AUTOSOMAL_RECESSIVE, &hpo), MKB_OK);
    CHECK(hpo == 7);
    CHECK_STATUS(mkb_inheritance_hpo(MKB_INHERITANCE_NOT_INHERITED, &hpo), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_inheritance_hpo(0, &hpo), MKB_INVALID_ENUM);
    CHECK_STATUS(mkb_onset_hpo(MKB_ONSET_CONGENITAL, &hpo), MKB_OK);
    CHECK(hpo == 3577);
    CHECK_STATUS(mkb_onset_hpo(99, &hpo), MKB_INVALID_ENUM);
    double from = 0, to = 0;
    CHECK_STATUS(mkb_onset_age_years(MKB_ONSET_JUVENILE, &from, &to), MKB_OK);
    CHECK(from == 5.0 && to == 16.0);
    CHECK_STATUS(mkb_onset_age_years(MKB_ONSET_ADULT, &from, &to), MKB_OK);
    CHECK(from == 16.0 && isinf(to));
    CHECK_STATUS(mkb_onset_age_years(MKB_ONSET_ADULT, NULL, &to), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_frequency_hpo(MKB_FREQUENCY_OCCASIONAL, &hpo), MKB_OK);
    CHECK(hpo == 40283);
    uint8_t lo = 0, hi = 0;
    double p = 0;
    CHECK_STATUS(mkb_frequency_range(MKB_FREQUENCY_VERY_FREQUENT, &lo, &hi, &p), MKB_OK);
    CHECK(lo == 80 && hi == 99 && fabs(p - 0.895) < 1e-12);
    CHECK_STATUS(mkb_frequency_range(MKB_FREQUENCY_OBLIGATE, NULL, &hi, NULL), MKB_OK);
    CHECK(hi == 100);
    CHECK_STATUS(mkb_frequency_range(7, &lo, &hi, &p), MKB_INVALID_ENUM);
    MkbFrequency f = 0;
    CHECK_STATUS(mkb_frequency_from_percent(50.0, &f), MKB_OK);
    CHECK(f == MKB_FREQUENCY_FREQUENT);
    CHECK_STATUS(mkb_frequency_from_percent(0.0, &f), MKB_OK);
    CHECK(f == MKB_FREQUENCY_EXCLUDED);
    CHECK_STATUS(mkb_frequency_from_percent(-1.0, &f), MKB_INVALID_ARGUMENT);
    CHECK_STATUS(mkb_frequency_from_percent(100.5, &f), MKB_INVALID_ARGUMENT);
    CHECK_STATUS(mkb_frequency_from_percent(NAN, &f), MKB_INVALID_ARGUMENT);
}

/* The batch API agrees with mkb_lookup name by name. */
static void test_lookup_many(void) {
    const char *names[] = {"fanconi anaemia", "DBA",     "Kostmann disease", "fanconni anaemia", "",
                           NULL,              "\xFF",    "zzzzzz",           "MonoMAC",          " - "};
    enum { N = sizeof names / sizeof names[0] };
    uint32_t out[N];
    MkbStatus statuses[N];
    MkbSuggestions suggestions[N];
    size_t found = 0;
    CHECK_STATUS(mkb_lookup_many(names, NULL, N, out, statuses, suggestions, &found), MKB_OK);
    size_t expected_found = 0;
    for (size_t i = 0; i < N; i++) {
        MkbDisorder d = 0;
        MkbSuggestions s;
        MkbStatus st = mkb_lookup(names[i], NT, &d, &s);
        CHECK(statuses[i] == st);
        CHECK(out[i] == (st == MKB_OK ? d : MKB_NO_DISORDER));
        CHECK(same_suggestions(&suggestions[i], &s));
        expected_found += st == MKB_OK;
    }
    CHECK(found == expected_found && found == 4);
    CHECK(statuses[5] == MKB_NULL_POINTER && statuses[6] == MKB_INVALID_UTF8 && statuses[4] == MKB_EMPTY);

    /* The fast path (no details) gives the same disorders. */
    uint32_t fast[N];
    CHECK_STATUS(mkb_lookup_many(names, NULL, N, fast, NULL, NULL, NULL), MKB_OK);
    CHECK(memcmp(fast, out, sizeof out) == 0);
    /* Statuses without suggestions. */
    MkbStatus st2[N];
    CHECK_STATUS(mkb_lookup_many(names, NULL, N, fast, st2, NULL, &found), MKB_OK);
    CHECK(memcmp(st2, statuses, sizeof st2) == 0 && found == 4);

    /* Explicit lengths: slices of one buffer, no terminators. */
    const char *buffer = "FADBAMDS";
    const char *slices[] = {buffer, buffer + 2, buffer + 5};
    const size_t lens[] = {2, 3, 3};
    uint32_t three[3];
    CHECK_STATUS(mkb_lookup_many(slices, lens, 3, three, NULL, NULL, &found), MKB_OK);
    CHECK(three[0] == MKB_DISORDER_FANCONI_ANEMIA && three[1] == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    CHECK(three[2] == MKB_DISORDER_MYELODYSPLASTIC_SYNDROME && found == 3);

    /* Argument errors write nothing. */
    CHECK_STATUS(mkb_lookup_many(NULL, NULL, 0, NULL, NULL, NULL, &found), MKB_OK);
    CHECK(found == 0);
    CHECK_STATUS(mkb_lookup_many(NULL, NULL, 3, three, NULL, NULL, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_lookup_many(names, NULL, 3, NULL, NULL, NULL, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_lookup_many(names, NULL, SIZE_MAX, three, NULL, NULL, NULL), MKB_INVALID_ARGUMENT);
}

static void test_hpo(void) {
    MkbHpoTerm t;
    CHECK_STATUS(mkb_hpo_term("HP:0001873", NT, &t), MKB_OK);
    CHECK(t.id == 1873 && t.requested == 1873 && t.replaced == 0);
    CHECK(streq(t.name, "Thrombocytopenia") && streq(t.curie, "HP:0001873"));
    CHECK(t.phenotypic_abnormality && t.parents_len >= 1 && t.disease_count > 0);
    CHECK(t.disease_fraction > 0 && t.disease_fraction <= 1 && t.information_content > 0);
    MkbHpoTerm by_id;
    CHECK_STATUS(mkb_hpo_term_by_id(1873, &by_id), MKB_OK);
    CHECK(by_id.name == t.name && by_id.index == t.index); /* static strings: the same pointers */
    /* An alternative id resolves to the current term and says so. */
    CHECK_STATUS(mkb_hpo_term("HP:0000004", NT, &t), MKB_OK);
    CHECK(t.requested == 4 && t.id != 4 && t.replaced == MKB_HPO_REPLACEMENT_ALT_ID);
    CHECK_STATUS(mkb_hpo_term("HP:0031070", NT, &t), MKB_OBSOLETE_ID);
    CHECK_STATUS(mkb_hpo_term("HP:abc", NT, &t), MKB_MALFORMED_ID);
    CHECK_STATUS(mkb_hpo_term("HP:9999999", NT, &t), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_hpo_term_by_id(0, &t), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_hpo_term("HP:0001873", NT, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_hpo_term(NULL, 3, &t), MKB_NULL_POINTER);

    size_t n = mkb_hpo_term_count();
    CHECK(n > 10000);
    for (size_t i = 0; i < n; i++) {
        MkbHpoTerm x;
        if (mkb_hpo_term_at(i, &x) != MKB_OK || x.index != i || !valid_string(x.name) || x.curie == NULL ||
            strncmp(x.curie, "HP:", 3) != 0 || x.replaced != 0) {
            CHECK(!"term at index");
            break;
        }
    }
    CHECK_STATUS(mkb_hpo_term_at(n, &t), MKB_OUT_OF_RANGE);
    CHECK_STATUS(mkb_hpo_term_at(0, &t), MKB_OK);
    CHECK(t.parents_len == 0 || t.index == 0);

    size_t len = 0;
    CHECK_STATUS(mkb_hpo_parents(1873, NULL, 0, &len), MKB_BUFFER_TOO_SMALL);
    CHECK(len >= 1);
    uint32_t parents[16], ids[256];
    size_t parents_len = 0;
    CHECK_STATUS(mkb_hpo_parents(1873, parents, 16, &parents_len), MKB_OK);
    CHECK(parents_len == len);
    CHECK_STATUS(mkb_hpo_ancestors(1873, ids, 256, &len), MKB_OK);
    CHECK(len >= 3 && ids[len - 1] == 1);
    int pa = 0, abnormal_platelet_count = 0;
    for (size_t i = 0; i < len; i++) {
        pa |= ids[i] == 118;
        abnormal_platelet_count |= ids[i] == 1872;
    }
    CHECK(pa && abnormal_platelet_count);
    for (size_t i = 0; i < parents_len && i < 16; i++) {
        int found = 0;
        for (size_t j = 0; j < len; j++) found |= ids[j] == parents[i];
        CHECK(found);
    }
    size_t small = 0;
    CHECK_STATUS(mkb_hpo_ancestors(1873, ids, 1, &small), MKB_BUFFER_TOO_SMALL);
    CHECK(small == len);
    CHECK_STATUS(mkb_hpo_ancestors(9999999, ids, 256, &len), MKB_NOT_FOUND);
    bool is_a = false;
    CHECK_STATUS(mkb_hpo_is_a(1873, 1872, &is_a), MKB_OK);
    CHECK(is_a);
    CHECK_STATUS(mkb_hpo_is_a(1872, 1873, &is_a), MKB_OK);
    CHECK(!is_a);
    CHECK_STATUS(mkb_hpo_is_a(1873, 9999999, &is_a), MKB_NOT_FOUND);
}

static int same_ranking(const MkbRanked *a, const MkbRanked *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (a[i].rank != b[i].rank || a[i].disorder != b[i].disorder || a[i].score != b[i].score ||
            a[i].posterior != b[i].posterior)
            return 0;
    }
    return 1;
}

/* Ranking of the full query: ranks, score parts, posteriors, input reports, matches, absences, hallmarks.
   Asks for the sizes first (all buffers NULL), then fills buffers of exactly those sizes; the ranking is
   left in `ranking` and the input reports in `inputs`. Returns 0 if the buffers could not be allocated. */
static int check_differential_ranking(const MkbDifferentialQuery *q, MkbRanked ranking[64], MkbInputReport inputs[8]) {
    MkbDifferentialOutput sizes;
    memset(&sizes, 0, sizeof sizes);
    CHECK_STATUS(mkb_differential(q, &sizes), MKB_OK);
    size_t n = mkb_disorder_count();
    CHECK(sizes.ranking_len == n && sizes.inputs_len == 3);
    CHECK(sizes.matches_len == 2 * n && sizes.absences_len == n);
    CHECK(sizes.onset == MKB_ONSET_CONGENITAL && sizes.sex == MKB_PATIENT_SEX_FEMALE);

    MkbTermMatch *matches = calloc(sizes.matches_len, sizeof *matches);
    MkbAbsenceMatch *absences = calloc(sizes.absences_len, sizeof *absences);
    MkbMissingHallmark *missing = calloc(sizes.missing_len + 1, sizeof *missing);
    CHECK(matches != NULL && absences != NULL && missing != NULL);
    if (matches == NULL || absences == NULL || missing == NULL) {
        free(matches);
        free(absences);
        free(missing);
        return 0;
    }
    MkbDifferentialOutput o;
    memset(&o, 0, sizeof o);
    o.ranking = ranking;
    o.ranking_cap = 64;
    o.inputs = inputs;
    o.inputs_cap = 8;
    o.matches = matches;
    o.matches_cap = sizes.matches_len;
    o.absences = absences;
    o.absences_cap = sizes.absences_len;
    o.missing = missing;
    o.missing_cap = sizes.missing_len + 1;
    CHECK_STATUS(mkb_differential(q, &o), MKB_OK);
    CHECK(o.ranking_len == n && o.missing_len == sizes.missing_len);
    CHECK(ranking[0].disorder == MKB_DISORDER_THROMBOCYTOPENIA_ABSENT_RADIUS && ranking[0].rank == 1);
    CHECK(ranking[0].posterior > 0.5);
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        total += ranking[i].posterior;
        CHECK(ranking[i].rank == i + 1);
        double parts = ranking[i].phenotype + ranking[i].absent + ranking[i].hallmarks + ranking[i].subtypes +
                       ranking[i].onset + ranking[i].sex + ranking[i].evidence;
        CHECK(fabs(parts - ranking[i].score) < 1e-9);
        if (i > 0) CHECK(ranking[i - 1].score >= ranking[i].score);
    }
    CHECK(fabs(total - 1.0) < 1e-9);
    for (size_t i = 0; i < 3; i++) {
        CHECK(inputs[i].status == MKB_INPUT_STATUS_USED && inputs[i].error == MKB_OK);
        CHECK(inputs[i].excluded == (i == 2));
    }
    CHECK(inputs[1].requested == 3974 && inputs[1].term == 3974);
    /* Matches are grouped by disorder in ranking order; the best disorder explains absent radius exactly. */
    int exact = 0;
    for (size_t i = 0; i < o.matches_len; i++) {
        CHECK(matches[i].disorder == ranking[i / 2].disorder);
        if (matches[i].disorder == MKB_DISORDER_THROMBOCYTOPENIA_ABSENT_RADIUS && matches[i].term == 3974)
            exact = matches[i].kind == MKB_MATCH_KIND_EXACT && matches[i].log10_lr > 1.0;
    }
    CHECK(exact);
    for (size_t i = 0; i < o.absences_len; i++) {
        CHECK(absences[i].term == 9777 && absences[i].disorder == ranking[i].disorder);
        CHECK(absences[i].kind >= MKB_ABSENCE_KIND_AGAINST && absences[i].kind <= MKB_ABSENCE_KIND_NEUTRAL);
    }
    for (size_t i = 0; i < o.missing_len; i++) CHECK(missing[i].feature > 0 && missing[i].frequency >= 0.8);
    free(matches);
    free(absences);
    free(missing);
    return 1;
}

/* The order of the terms does not change any number. */
static void check_differential_term_order(const MkbDifferentialQuery *q, const MkbRanked *ranking) {
    MkbTermInput reversed[2] = {q->observed[1], q->observed[0]};
    MkbDifferentialQuery q2 = *q;
    q2.observed = reversed;
    MkbRanked ranking2[64];
    MkbDifferentialOutput o2;
    memset(&o2, 0, sizeof o2);
    o2.ranking = ranking2;
    o2.ranking_cap = 64;
    CHECK_STATUS(mkb_differential(&q2, &o2), MKB_OK);
    CHECK(same_ranking(ranking, ranking2, mkb_disorder_count()));
}

/* Too small: every length is written, no buffer is. */
static void check_differential_small_buffer(const MkbDifferentialQuery *q) {
    size_t n = mkb_disorder_count();
    MkbRanked few[3];
    memset(few, 0x5A, sizeof few);
    MkbDifferentialOutput small;
    memset(&small, 0, sizeof small);
    small.ranking = few;
    small.ranking_cap = 3;
    CHECK_STATUS(mkb_differential(q, &small), MKB_BUFFER_TOO_SMALL);
    CHECK(small.ranking_len == n && small.matches_len == 2 * n);
    unsigned char pattern[sizeof few];
    memset(pattern, 0x5A, sizeof pattern);
    CHECK(memcmp(few, pattern, sizeof few) == 0);
}

/* Unusable terms: reported without strict, an error with it. */
static void check_differential_unusable_terms(MkbDifferentialOutput *o, MkbInputReport inputs[8]) {
    MkbTermInput bad[3] = {{"HP:0001873", NT, 0}, {"HP:nope", NT, 0}, {NULL, 0, 9999999}};
    MkbDifferentialQuery qb;
    memset(&qb, 0, sizeof qb);
    qb.observed = bad;
    qb.observed_len = 3;
    memset(o, 0, sizeof *o);
    o->inputs = inputs;
    o->inputs_cap = 8;
    CHECK_STATUS(mkb_differential(&qb, o), MKB_OK);
    CHECK(o->inputs_len == 3 && inputs[0].status == MKB_INPUT_STATUS_USED);
    CHECK(inputs[1].status == MKB_INPUT_STATUS_MALFORMED && inputs[1].error == MKB_MALFORMED_ID && inputs[1].requested == 0);
    CHECK(inputs[2].status == MKB_INPUT_STATUS_UNKNOWN && inputs[2].error == MKB_NOT_FOUND && inputs[2].term == 0);
    qb.strict = true;
    CHECK_STATUS(mkb_differential(&qb, o), MKB_MALFORMED_ID);
}

/* Extra evidence alone decides. */
static void check_differential_evidence_alone(MkbDifferentialOutput *o, MkbRanked ranking[64]) {
    MkbDisorderLikelihoodRatio lr[1] = {{MKB_DISORDER_CYCLIC_NEUTROPENIA, 100.0}};
    MkbDifferentialQuery qe;
    memset(&qe, 0, sizeof qe);
    qe.evidence = lr;
    qe.evidence_len = 1;
    memset(o, 0, sizeof *o);
    o->ranking = ranking;
    o->ranking_cap = 64;
    CHECK_STATUS(mkb_differential(&qe, o), MKB_OK);
    CHECK(ranking[0].disorder == MKB_DISORDER_CYCLIC_NEUTROPENIA && fabs(ranking[0].evidence - 2.0) < 1e-12);
}

/* Hostile input: out-of-range enums, onset given twice, NULLs, huge lengths, bad UTF-8 and bools,
   impossible ages and a zero likelihood ratio. Each variant starts again from the good query q. */
static void check_differential_hostile(const MkbDifferentialQuery *q, MkbDifferentialOutput *o) {
    MkbDifferentialQuery h = *q;
    h.onset_years_given = false;
    h.onset = 99;
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ENUM);
    h = *q;
    h.onset = MKB_ONSET_ADULT; /* and onset_years: both */
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ARGUMENT);
    h = *q;
    h.sex = 3;
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ENUM);
    MkbDisorderLikelihoodRatio bad_lr[1] = {{0, 2.0}};
    h = *q;
    h.evidence = bad_lr;
    h.evidence_len = 1;
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ENUM);
    h = *q;
    h.observed = NULL;
    CHECK_STATUS(mkb_differential(&h, o), MKB_NULL_POINTER);
    h = *q;
    h.observed_len = SIZE_MAX;
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ARGUMENT);
    MkbTermInput not_utf8[1] = {{"HP:\xFF", NT, 0}};
    h = *q;
    h.observed = not_utf8;
    h.observed_len = 1;
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_UTF8);
    h = *q;
    memset(&h.strict, 2, 1); /* a bool that is neither 0 nor 1 */
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ARGUMENT);
    h = *q;
    h.onset_years = -1.0; /* an impossible age is an error in both modes */
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ARGUMENT);
    h.strict = true;
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ARGUMENT);
    h = *q;
    h.onset_years = 500.0;
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ARGUMENT);
    MkbDisorderLikelihoodRatio zero_lr[1] = {{MKB_DISORDER_FANCONI_ANEMIA, 0.0}};
    h = *q;
    h.evidence = zero_lr;
    h.evidence_len = 1;
    CHECK_STATUS(mkb_differential(&h, o), MKB_INVALID_ARGUMENT);
    CHECK_STATUS(mkb_differential(NULL, o), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_differential(q, NULL), MKB_NULL_POINTER);
}

static void test_differential(void) {
    MkbTermInput observed[2] = {{"HP:0001873", NT, 0}, {NULL, 0, 3974}}; /* thrombocytopenia, absent radius */
    MkbTermInput excluded[1] = {{"HP:0009777", NT, 0}};                 /* thumbs are present */
    MkbDifferentialQuery q;
    memset(&q, 0, sizeof q);
    q.observed = observed;
    q.observed_len = 2;
    q.excluded = excluded;
    q.excluded_len = 1;
    q.onset_years_given = true;
    q.onset_years = 0.0;
    q.sex = MKB_PATIENT_SEX_FEMALE;

    MkbRanked ranking[64];
    MkbInputReport inputs[8];
    if (!check_differential_ranking(&q, ranking, inputs)) return;
    check_differential_term_order(&q, ranking);
    check_differential_small_buffer(&q);
    MkbDifferentialOutput o;
    check_differential_unusable_terms(&o, inputs);
    check_differential_evidence_alone(&o, ranking);
    check_differential_hostile(&q, &o);
}

static MkbMeasurement given(double value, uint32_t unit) {
    MkbMeasurement m;
    memset(&m, 0, sizeof m);
    m.given = true;
    m.value = value;
    m.unit = unit;
    return m;
}

static void test_differential_phenopacket(void) {
    static const char packet[] =
        "{\"id\": \"tar\", \"subject\": {\"id\": \"p\", \"sex\": \"FEMALE\"},"
        " \"phenotypicFeatures\": ["
        "  {\"type\": {\"id\": \"HP:0001873\"}, \"onset\": {\"age\": {\"iso8601duration\": \"P1D\"}}},"
        "  {\"type\": {\"id\": \"HP:0003974\"}},"
        "  {\"type\": {\"id\": \"HP:0009777\"}, \"excluded\": true}],"
        " \"interpretations\": [{\"diagnosis\": {\"genomicInterpretations\": [{\"gene\": {\"symbol\": \"RBM8A\"}}]}}],"
        " \"metaData\": {\"phenopacketSchemaVersion\": \"2.0.2\"}}";
    MkbRanked ranking[64];
    MkbInputReport inputs[8];
    MkbMissingHallmark missing[256];
    MkbDifferentialOutput o;
    memset(&o, 0, sizeof o);
    o.ranking = ranking;
    o.ranking_cap = 64;
    o.inputs = inputs;
    o.inputs_cap = 8;
    o.missing = missing;
    o.missing_cap = 256;
    CHECK_STATUS(mkb_differential_phenopacket(packet, NT, false, false, &o), MKB_OK);
    CHECK(o.ranking_len == mkb_disorder_count() && o.inputs_len == 3);
    CHECK(ranking[0].disorder == MKB_DISORDER_THROMBOCYTOPENIA_ABSENT_RADIUS);
    CHECK(o.sex == MKB_PATIENT_SEX_FEMALE && o.onset == MKB_ONSET_NEONATAL);
    double plain = ranking[0].score;
    for (size_t i = 0; i < o.ranking_len; i++) {
        const MkbRanked *r = &ranking[i];
        double parts = r->phenotype + r->absent + r->hallmarks + r->subtypes + r->onset + r->sex + r->evidence;
        CHECK(fabs(parts - r->score) < 1e-9 && r->subtypes <= 0.0 && r->hallmarks <= 0.0);
        CHECK(r->subtype == NULL || strncmp(r->subtype, "OMIM:", 5) == 0 || strncmp(r->subtype, "ORPHA:", 6) == 0);
    }
    for (size_t i = 0; i < o.missing_len; i++) {
        CHECK(missing[i].log10_lr <= 0.0 && missing[i].frequency >= 0.8);
    }
    /* The same length given explicitly; genotype evidence only when asked for. */
    CHECK_STATUS(mkb_differential_phenopacket(packet, strlen(packet), true, false, &o), MKB_OK);
    CHECK(ranking[0].disorder == MKB_DISORDER_THROMBOCYTOPENIA_ABSENT_RADIUS && ranking[0].score > plain);
    /* Bad documents. */
    CHECK_STATUS(mkb_differential_phenopacket("not json", NT, false, false, &o), MKB_INVALID_PHENOPACKET);
    CHECK_STATUS(mkb_differential_phenopacket("{\"metaData\": {\"phenopacketSchemaVersion\": \"1.0\"}}", NT, false, false, &o),
                 MKB_INVALID_PHENOPACKET);
    CHECK_STATUS(mkb_differential_phenopacket("{\"metaData\": {\"phenopacketSchemaVersion\": \"2.0\"}}", NT, false, false, &o),
                 MKB_INVALID_PHENOPACKET);
    CHECK_STATUS(mkb_differential_phenopacket("{\"x\": \"\xFF\"}", NT, false, false, &o), MKB_INVALID_UTF8);
    CHECK_STATUS(mkb_differential_phenopacket(NULL, NT, false, false, &o), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_differential_phenopacket(packet, NT, false, false, NULL), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_differential_phenopacket(packet, (size_t)5 << 20, false, false, &o), MKB_TOO_LONG);
    /* Genotype evidence for a term list. */
    MkbDisorderLikelihoodRatio genes[64];
    size_t n_genes = 0;
    CHECK_STATUS(mkb_gene_likelihood_ratios("rps19", NT, genes, 64, &n_genes), MKB_OK);
    CHECK(n_genes == mkb_disorder_count());
    MkbTermInput anemia[1] = {{"HP:0001903", NT, 0}};
    MkbDifferentialQuery gq = {0};
    gq.observed = anemia;
    gq.observed_len = 1;
    gq.evidence = genes;
    gq.evidence_len = n_genes;
    CHECK_STATUS(mkb_differential(&gq, &o), MKB_OK);
    CHECK(ranking[0].disorder == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA);
    CHECK_STATUS(mkb_gene_likelihood_ratios("RPS19", NT, genes, 3, &n_genes), MKB_BUFFER_TOO_SMALL);
    CHECK(n_genes == mkb_disorder_count());
    CHECK_STATUS(mkb_gene_likelihood_ratios("NOTAGENE", NT, genes, 64, &n_genes), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_gene_likelihood_ratios("", NT, genes, 64, &n_genes), MKB_EMPTY);
    CHECK_STATUS(mkb_gene_likelihood_ratios(NULL, NT, genes, 64, &n_genes), MKB_NULL_POINTER);
    /* Strict mode fails on an unknown HPO id that lenient mode reports. */
    static const char unknown[] = "{\"phenotypicFeatures\": [{\"type\": {\"id\": \"HP:0001903\"}},"
                                  " {\"type\": {\"id\": \"HP:9999999\"}}],"
                                  " \"metaData\": {\"phenopacketSchemaVersion\": \"2.0\"}}";
    CHECK_STATUS(mkb_differential_phenopacket(unknown, NT, false, false, &o), MKB_OK);
    CHECK_STATUS(mkb_differential_phenopacket(unknown, NT, false, true, &o), MKB_NOT_FOUND);
}

/* A 34-year-old woman with severe aplastic anaemia. */
static MkbBloodCount severe_aplastic_anemia_count(void) {
    MkbBloodCount bc;
    memset(&bc, 0, sizeof bc);
    bc.hemoglobin = given(7.2, MKB_HEMOGLOBIN_UNIT_GRAMS_PER_DECILITER);
    bc.neutrophils = given(0.3, MKB_COUNT_UNIT_GIGA_PER_LITER);
    bc.platelets = given(15.0, MKB_COUNT_UNIT_GIGA_PER_LITER);
    bc.reticulocytes = given(12.0, MKB_COUNT_UNIT_GIGA_PER_LITER);
    bc.cellularity = given(15.0, 0);
    bc.age = given(34.0, MKB_AGE_UNIT_YEARS);
    bc.sex = MKB_PATIENT_SEX_FEMALE;
    return bc;
}

/* The reading of that count: pattern, aplastic anaemia severity, each cytopenia, and the disorder fits. */
static void check_blood_count_reading(const MkbBloodCount *bc, MkbInterpretation *r, MkbDisorderFit fits[64]) {
    CHECK_STATUS(mkb_interpret_blood_count(bc, 0, r, fits, 64), MKB_OK);
    CHECK(r->pattern == MKB_PATTERN_PANCYTOPENIA);
    CHECK(r->aplastic_anemia.severity == MKB_APLASTIC_SEVERITY_SEVERE);
    CHECK(r->aplastic_anemia.criteria == MKB_APLASTIC_CRITERIA_CAMITTA_BACIGALUPO);
    CHECK(r->aplastic_anemia.marrow == MKB_CRITERION_MET && r->aplastic_anemia.counts_met == 3);
    CHECK(r->anemia.cytopenia == MKB_CYTOPENIA_ANEMIA && r->anemia.presence == MKB_PRESENCE_PRESENT);
    CHECK(r->anemia.severity == MKB_SEVERITY_SEVERE && r->anemia.severity_scale == MKB_SEVERITY_SCALE_WHO2011);
    CHECK(r->anemia.has_ctcae && r->anemia.ctcae == MKB_CTCAE_GRADE_GRADE3);
    CHECK(r->anemia.value == 7.2 && r->anemia.lower_limit > 7.2 && r->anemia.reference != 0);
    CHECK(r->neutropenia.has_ctcae && r->neutropenia.ctcae == MKB_CTCAE_GRADE_GRADE4);
    CHECK(r->thrombocytopenia.has_ctcae && r->thrombocytopenia.ctcae == MKB_CTCAE_GRADE_GRADE4);
    CHECK(r->reticulocytopenia.presence == MKB_PRESENCE_PRESENT);
    CHECK(r->lymphopenia.presence == MKB_PRESENCE_NOT_MEASURED && isnan(r->lymphopenia.value));
    CHECK(r->decreased_lines == 7 && r->unknown_lines == 0);
    CHECK(isnan(r->red_cell_size.mcv) && r->red_cell_size.size == 0);
    CHECK(r->fits_len == mkb_disorder_count() && r->error.field == 0 && r->error.reason == NULL);
    CHECK(fits[0].fit == MKB_FIT_EXACT && fits[0].score == 1.0 && fits[0].affected == 7);
    int aplastic = 0;
    for (size_t i = 0; i < r->fits_len; i++) {
        aplastic |= fits[i].disorder == MKB_DISORDER_APLASTIC_ANEMIA && fits[i].fit == MKB_FIT_EXACT;
        if (i > 0) CHECK(isnan(fits[i].score) || isnan(fits[i - 1].score) == 0);
        if (i > 0 && !isnan(fits[i].score)) CHECK(fits[i - 1].score >= fits[i].score);
    }
    CHECK(aplastic);
}

/* Each fit carries the count's likelihood ratio, ready to feed the differential. */
static void check_blood_count_evidence(const MkbInterpretation *r, const MkbDisorderFit fits[64]) {
    MkbDisorderLikelihoodRatio evidence[64];
    double lr_aplastic = 0, lr_dba = 0;
    for (size_t i = 0; i < r->fits_len && i < 64; i++) {
        CHECK(fits[i].likelihood_ratio > 0 && isfinite(fits[i].likelihood_ratio));
        evidence[i].disorder = fits[i].disorder;
        evidence[i].likelihood_ratio = fits[i].likelihood_ratio;
        if (fits[i].disorder == MKB_DISORDER_APLASTIC_ANEMIA) lr_aplastic = fits[i].likelihood_ratio;
        if (fits[i].disorder == MKB_DISORDER_DIAMOND_BLACKFAN_ANEMIA) lr_dba = fits[i].likelihood_ratio;
    }
    CHECK(lr_aplastic > 1.0 && lr_aplastic > lr_dba);
    MkbDifferentialQuery dq;
    memset(&dq, 0, sizeof dq);
    dq.evidence = evidence;
    dq.evidence_len = r->fits_len;
    MkbRanked ranked[64];
    MkbDifferentialOutput dout;
    memset(&dout, 0, sizeof dout);
    dout.ranking = ranked;
    dout.ranking_cap = 64;
    CHECK_STATUS(mkb_differential(&dq, &dout), MKB_OK);
    for (size_t i = 0; i < dout.ranking_len && i < 64; i++) {
        if (ranked[i].disorder == MKB_DISORDER_APLASTIC_ANEMIA) CHECK(fabs(ranked[i].evidence - log10(lr_aplastic)) < 1e-9);
    }
}

/* The same count in other units gives the same reading; the criteria are chosen by argument. Then
   nothing given: nothing concluded, no guess. */
static void check_blood_count_units_and_criteria(const MkbBloodCount *bc, const MkbInterpretation *r) {
    MkbBloodCount other = *bc;
    other.hemoglobin = given(72.0, MKB_HEMOGLOBIN_UNIT_GRAMS_PER_LITER);
    other.platelets = given(15000.0, MKB_COUNT_UNIT_PER_MICROLITER);
    other.age = given(34.0 * 12.0, MKB_AGE_UNIT_MONTHS);
    MkbInterpretation r2;
    CHECK_STATUS(mkb_interpret_blood_count(&other, MKB_APLASTIC_CRITERIA_CAMITTA_BACIGALUPO, &r2, NULL, 0), MKB_OK);
    CHECK(fabs(r2.anemia.value - 7.2) < 1e-9 && fabs(r2.thrombocytopenia.value - 15.0) < 1e-9);
    CHECK(r2.pattern == r->pattern && r2.aplastic_anemia.severity == r->aplastic_anemia.severity);
    CHECK(r2.fits_len == r->fits_len);
    CHECK_STATUS(mkb_interpret_blood_count(bc, MKB_APLASTIC_CRITERIA_BSH2016_AUTOMATED, &r2, NULL, 0), MKB_OK);
    CHECK(r2.aplastic_anemia.criteria == MKB_APLASTIC_CRITERIA_BSH2016_AUTOMATED && r2.aplastic_anemia.reticulocytes_below == 60.0);

    MkbBloodCount empty;
    memset(&empty, 0, sizeof empty);
    CHECK_STATUS(mkb_interpret_blood_count(&empty, 0, &r2, NULL, 0), MKB_OK);
    CHECK(r2.pattern == MKB_PATTERN_UNDETERMINED && r2.anemia.presence == MKB_PRESENCE_NOT_MEASURED);
    CHECK(r2.aplastic_anemia.severity == MKB_APLASTIC_SEVERITY_NOT_ASSESSED && r2.unknown_lines == 7);
}

/* Rejected values name the field; Camitta's corrected reticulocyte percentage is computed when the
   reticulocytes are given as a percentage with a haematocrit. */
static void check_blood_count_rejected_values(const MkbBloodCount *bc, const MkbInterpretation *r,
                                              MkbDisorderFit fits[64]) {
    MkbInterpretation r2;
    MkbBloodCount bad = *bc;
    bad.hemoglobin = given(NAN, MKB_HEMOGLOBIN_UNIT_GRAMS_PER_DECILITER);
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, fits, 64), MKB_INVALID_MEASUREMENT);
    CHECK(r2.error.field == MKB_FIELD_HEMOGLOBIN && r2.error.unit == MKB_UNIT_GRAMS_PER_DECILITER);
    CHECK(isnan(r2.error.value) && valid_string(r2.error.reason));
    bad = *bc;
    bad.platelets = given(-1.0, MKB_COUNT_UNIT_GIGA_PER_LITER);
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_MEASUREMENT);
    CHECK(r2.error.field == MKB_FIELD_PLATELETS && r2.error.value == -1.0);
    bad = *bc;
    bad.hemoglobin = given(INFINITY, MKB_HEMOGLOBIN_UNIT_GRAMS_PER_DECILITER);
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_MEASUREMENT);
    bad = *bc;
    bad.hemoglobin = given(700.0, MKB_HEMOGLOBIN_UNIT_GRAMS_PER_DECILITER); /* impossible */
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_MEASUREMENT);
    bad = *bc;
    bad.reticulocyte_percent = given(1.0, 0); /* without a red cell count */
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INCONSISTENT_MEASUREMENTS);
    CHECK(r2.error.field != 0 && valid_string(r2.error.reason));
    /* Camitta's corrected reticulocyte percentage: 1.5 % x haematocrit 18 % / 45 = 0.6 % (< 1 %). */
    MkbBloodCount corrected = *bc;
    memset(&corrected.reticulocytes, 0, sizeof corrected.reticulocytes);
    corrected.reticulocyte_percent = given(1.5, 0);
    corrected.hematocrit = given(18.0, 0);
    CHECK_STATUS(mkb_interpret_blood_count(&corrected, 0, &r2, NULL, 0), MKB_OK);
    CHECK(fabs(r2.aplastic_anemia.corrected_reticulocyte_percent - 0.6) < 1e-12);
    CHECK(r2.aplastic_anemia.corrected_reticulocytes == MKB_CRITERION_MET);
    CHECK(r2.aplastic_anemia.reticulocytes == MKB_CRITERION_MET && r2.aplastic_anemia.counts_met == 3);
    CHECK(isnan(r->aplastic_anemia.corrected_reticulocyte_percent));
    corrected.hematocrit = given(95.0, 0);
    CHECK_STATUS(mkb_interpret_blood_count(&corrected, 0, &r2, NULL, 0), MKB_INVALID_MEASUREMENT);
    CHECK(r2.error.field == MKB_FIELD_HEMATOCRIT);
    bad = *bc;
    bad.sex = MKB_PATIENT_SEX_MALE;
    bad.pregnant = true;
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INCONSISTENT_MEASUREMENTS);
    CHECK(r2.error.field == MKB_FIELD_PREGNANT);
}

/* Out-of-range enums, NULLs, small buffers, bad bools. A unit, sex or bool of the count that is out of
   range names its field in r2.error as a rejected value does (Python names the keyword argument);
   the rest of r2 is reset to "nothing measured". */
static void check_blood_count_hostile(const MkbBloodCount *bc, MkbDisorderFit fits[64]) {
    MkbInterpretation r2;
    CHECK_STATUS(mkb_interpret_blood_count(bc, 0, &r2, fits, 64), MKB_OK);
    CHECK(r2.error.field == 0 && r2.error.reason == NULL && r2.pattern == MKB_PATTERN_PANCYTOPENIA);
    MkbBloodCount bad = *bc;
    bad.hemoglobin.unit = 0;
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_ENUM);
    CHECK(r2.error.field == MKB_FIELD_HEMOGLOBIN && r2.error.unit == 0 && valid_string(r2.error.reason));
    CHECK(r2.error.value == bc->hemoglobin.value && strstr(r2.error.reason, "MkbHemoglobinUnit") != NULL);
    CHECK(r2.pattern == MKB_PATTERN_UNDETERMINED && r2.fits_len == 0);
    bad = *bc;
    bad.platelets.unit = 7;
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_ENUM);
    CHECK(r2.error.field == MKB_FIELD_PLATELETS && r2.error.value == bc->platelets.value);
    CHECK(strstr(r2.error.reason, "MkbCountUnit") != NULL);
    bad = *bc;
    bad.age.unit = 99;
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_ENUM);
    CHECK(r2.error.field == MKB_FIELD_AGE && strstr(r2.error.reason, "MkbAgeUnit") != NULL);
    bad = *bc;
    bad.sex = 3;
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_ENUM);
    CHECK(r2.error.field == MKB_FIELD_SEX && r2.error.value == 3.0 && valid_string(r2.error.reason));
    /* A unit not given is not read: no error. */
    bad = *bc;
    bad.monocytes.given = false;
    bad.monocytes.unit = 99;
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_OK);
    CHECK(r2.error.field == 0);
    /* aplastic_criteria is an argument, not a field of the count: r2 is left as it was. */
    CHECK_STATUS(mkb_interpret_blood_count(bc, 3, &r2, NULL, 0), MKB_INVALID_ENUM);
    CHECK(r2.error.field == 0 && r2.pattern == MKB_PATTERN_PANCYTOPENIA);
    bad = *bc;
    memset(&bad.mcv.given, 7, 1);
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_ARGUMENT);
    CHECK(r2.error.field == MKB_FIELD_MCV && r2.error.value == 7.0 && valid_string(r2.error.reason));
    bad = *bc;
    memset(&bad.pregnant, 2, 1);
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_INVALID_ARGUMENT);
    CHECK(r2.error.field == MKB_FIELD_PREGNANT && r2.error.value == 2.0);
    bad = *bc;
    bad.mcv.value = NAN; /* not given: ignored */
    CHECK_STATUS(mkb_interpret_blood_count(&bad, 0, &r2, NULL, 0), MKB_OK);
    MkbDisorderFit one[1];
    CHECK_STATUS(mkb_interpret_blood_count(bc, 0, &r2, one, 1), MKB_BUFFER_TOO_SMALL);
    CHECK(r2.fits_len == mkb_disorder_count() && r2.pattern == MKB_PATTERN_PANCYTOPENIA);
    CHECK_STATUS(mkb_interpret_blood_count(NULL, 0, &r2, NULL, 0), MKB_NULL_POINTER);
    CHECK_STATUS(mkb_interpret_blood_count(bc, 0, NULL, NULL, 0), MKB_NULL_POINTER);
}

static void test_blood_count(void) {
    const MkbBloodCount bc = severe_aplastic_anemia_count();
    MkbInterpretation r;
    MkbDisorderFit fits[64];
    check_blood_count_reading(&bc, &r, fits);
    check_blood_count_evidence(&r, fits);
    check_blood_count_units_and_criteria(&bc, &r);
    check_blood_count_rejected_values(&bc, &r, fits);
    check_blood_count_hostile(&bc, fits);
}

/* ------------------------------------------------------------------------------------------------ */
/* Concurrency: 16 threads start together (so they also race to build the library's tables on first   */
/* use), each answers the same questions, and every answer must equal the single-threaded one.        */

enum { THREADS = 16, QUERIES = 12, ROUNDS = 20 };

static const char *const thread_queries[QUERIES] = {
    "fanconi anaemia", "DBA", "Kostmann disease", "fanconni anaemia", "MonoMAC", "ORPHA:124",
    "SBDS", "pearson", "Shwachman-Bodian-Diamond syndrome", "", "TAR syndrome", "dyskeratosis congenita"};

typedef struct Answers {
    MkbStatus lookup[QUERIES];
    MkbDisorder disorder[QUERIES];
    uint32_t suggestions[QUERIES][1 + MKB_MAX_SUGGESTIONS]; /* len, items */
    MkbStatus resolve[QUERIES];
    MkbDisorder resolved[QUERIES];
    size_t search_len[QUERIES];
    const void *records[32];
    const char *strings[32];
    MkbSymptom hpo_symptom;
    size_t gene_count;
    const void *gene;
    uint32_t many[QUERIES];
    MkbDisorder differential[32];
    double posterior[32];
    uint32_t blood[8];
    MkbDisorder fits[32];
    uint32_t hpo_ancestors;
} Answers;

static void answer(Answers *a) {
    memset(a, 0, sizeof *a);
    for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < QUERIES; i++) {
            MkbSuggestions s;
            a->lookup[i] = mkb_lookup(thread_queries[i], NT, &a->disorder[i], &s);
            a->suggestions[i][0] = (uint32_t)s.len;
            for (int j = 0; j < MKB_MAX_SUGGESTIONS; j++) a->suggestions[i][1 + j] = s.items[j];
            a->resolve[i] = mkb_resolve(thread_queries[i], NT, &a->resolved[i], NULL);
            MkbSearchHit hits[64];
            if (mkb_search(thread_queries[i], NT, hits, 64, &a->search_len[i]) != MKB_OK) a->search_len[i] = 9999;
        }
        for (size_t i = 0; i < mkb_disorder_count() && i < 32; i++) {
            MkbDisorder d = 0;
            const MkbDisorderRecord *r = NULL;
            mkb_disorder_at(i, &d);
            mkb_disorder_record(d, &r);
            a->records[i] = r;
            a->strings[i] = r != NULL ? r->name : NULL;
            const char *key = NULL;
            if (r != NULL) mkb_vocabulary_key(MKB_VOCABULARY_ORIGIN, r->origin, &key);
        }
        mkb_symptom_from_hpo("HP:0001873", NT, &a->hpo_symptom);
        a->gene_count = mkb_gene_count();
        const MkbGeneRecord *g = NULL;
        mkb_gene_from_symbol("RPS19", NT, &g);
        a->gene = g;
        mkb_lookup_many(thread_queries, NULL, QUERIES, a->many, NULL, NULL, NULL);

        MkbTermInput observed[3] = {{"HP:0001873", NT, 0}, {NULL, 0, 3974}, {"HP:0001738", NT, 0}};
        MkbDifferentialQuery q;
        memset(&q, 0, sizeof q);
        q.observed = observed;
        q.observed_len = 3;
        MkbRanked ranking[32];
        MkbDifferentialOutput o;
        memset(&o, 0, sizeof o);
        o.ranking = ranking;
        o.ranking_cap = 32;
        if (mkb_differential(&q, &o) == MKB_OK) {
            for (size_t i = 0; i < o.ranking_len && i < 32; i++) {
                a->differential[i] = ranking[i].disorder;
                a->posterior[i] = ranking[i].posterior;
            }
        }
        MkbBloodCount bc;
        memset(&bc, 0, sizeof bc);
        bc.hemoglobin.given = true;
        bc.hemoglobin.value = 9.0;
        bc.hemoglobin.unit = MKB_HEMOGLOBIN_UNIT_GRAMS_PER_DECILITER;
        bc.platelets.given = true;
        bc.platelets.value = 40.0;
        bc.platelets.unit = MKB_COUNT_UNIT_GIGA_PER_LITER;
        bc.age.given = true;
        bc.age.value = 8.0;
        bc.age.unit = MKB_AGE_UNIT_YEARS;
        MkbInterpretation in;
        MkbDisorderFit fits[32];
        if (mkb_interpret_blood_count(&bc, 0, &in, fits, 32) == MKB_OK) {
            a->blood[0] = in.pattern;
            a->blood[1] = in.anemia.presence;
            a->blood[2] = in.thrombocytopenia.presence;
            a->blood[3] = in.decreased_lines;
            a->blood[4] = in.unknown_lines;
            for (size_t i = 0; i < in.fits_len && i < 32; i++) a->fits[i] = fits[i].disorder;
        }
        uint32_t ids[128];
        size_t n = 0;
        if (mkb_hpo_ancestors(1873, ids, 128, &n) == MKB_OK) a->hpo_ancestors = (uint32_t)n;
    }
}

static pthread_barrier_t start_line;

static void *worker(void *arg) {
    pthread_barrier_wait(&start_line);
    answer((Answers *)arg);
    return NULL;
}

/* Runs first, before anything else touches the library. */
static void test_threads(void) {
    static Answers answers[THREADS];
    pthread_t threads[THREADS];
    CHECK(pthread_barrier_init(&start_line, NULL, THREADS) == 0);
    for (int i = 0; i < THREADS; i++) CHECK(pthread_create(&threads[i], NULL, worker, &answers[i]) == 0);
    for (int i = 0; i < THREADS; i++) CHECK(pthread_join(threads[i], NULL) == 0);
    pthread_barrier_destroy(&start_line);
    static Answers reference;
    answer(&reference);
    CHECK(reference.lookup[0] == MKB_OK && reference.disorder[0] == MKB_DISORDER_FANCONI_ANEMIA);
    CHECK(reference.lookup[3] == MKB_NOT_FOUND && reference.suggestions[3][0] >= 1);
    CHECK(reference.records[0] != NULL && reference.gene != NULL);
    CHECK(reference.differential[0] != 0 && reference.blood[1] != 0 && reference.hpo_ancestors > 2);
    for (int i = 0; i < THREADS; i++) CHECK(memcmp(&answers[i], &reference, sizeof reference) == 0);
}

/* ------------------------------------------------------------------------------------------------ */

typedef struct Case {
    const char *name;
    void (*run)(void);
} Case;

/* Findings in words: the same resolver as the differential (labels, synonyms, lay words, symptoms). */
static void test_hpo_find(void) {
    MkbHpoTerm t;
    MkbTermChoices choices;
    CHECK_STATUS(mkb_hpo_find("low platelet count", NT, &t, &choices), MKB_OK);
    CHECK(t.id == 1873 && streq(t.name, "Thrombocytopenia") && choices.len == 0);
    CHECK_STATUS(mkb_hpo_find("THROMBOCYTOPAENIA", NT, &t, NULL), MKB_OK);
    CHECK(t.id == 1873);
    CHECK_STATUS(mkb_hpo_find("HP:0000004", NT, &t, NULL), MKB_OK);
    CHECK(t.requested == 4 && t.replaced == MKB_HPO_REPLACEMENT_ALT_ID);
    CHECK_STATUS(mkb_hpo_find("nosebleeds", NT, &t, NULL), MKB_OK); /* a marrowkb symptom's plain name */
    CHECK(t.id == 421);
    CHECK_STATUS(mkb_hpo_find("thrombocytopaenai", NT, &t, &choices), MKB_NOT_FOUND);
    CHECK(choices.len >= 1 && choices.items[0] == 1873 && !choices.ambiguous);
    CHECK_STATUS(mkb_hpo_find("thrombocytopaenai", NT, &t, NULL), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_hpo_find("ASD", NT, &t, &choices), MKB_NOT_FOUND);
    CHECK(choices.ambiguous && choices.len == 2 && choices.items[0] == 729 && choices.items[1] == 1631);
    CHECK_STATUS(mkb_hpo_find("HP:abc", NT, &t, &choices), MKB_MALFORMED_ID);
    CHECK(choices.len == 0);
    CHECK_STATUS(mkb_hpo_find("", NT, &t, NULL), MKB_EMPTY);
    CHECK_STATUS(mkb_hpo_find("x", NT, NULL, NULL), MKB_NULL_POINTER);

    size_t n = 0;
    CHECK_STATUS(mkb_hpo_synonyms_len(1873, &n), MKB_OK);
    CHECK(n >= 1);
    MkbHpoSynonym syn;
    CHECK_STATUS(mkb_hpo_synonym_at(1873, 0, &syn), MKB_OK);
    CHECK(syn.text_len == strlen("Low platelet count") && strncmp(syn.text, "Low platelet count", syn.text_len) == 0);
    CHECK(syn.scope == MKB_HPO_SYNONYM_SCOPE_EXACT && syn.kind == MKB_HPO_SYNONYM_TYPE_LAYPERSON);
    CHECK_STATUS(mkb_hpo_synonym_at(1873, n, &syn), MKB_OUT_OF_RANGE);
    const char *lay = NULL;
    size_t lay_len = 0;
    CHECK_STATUS(mkb_hpo_lay_name(1873, &lay, &lay_len), MKB_OK);
    CHECK(lay_len == 18 && strncmp(lay, "Low platelet count", lay_len) == 0);
    CHECK_STATUS(mkb_hpo_lay_name(118, &lay, &lay_len), MKB_NOT_FOUND);
    CHECK_STATUS(mkb_hpo_lay_name(9999999, &lay, &lay_len), MKB_NOT_FOUND);

    /* The differential reads words as mkb_hpo_find does: the same ranking as the ids. */
    MkbTermInput words[2] = {{"low platelet count", NT, 0}, {"Absent radius", NT, 0}};
    MkbTermInput ids[2] = {{NULL, 0, 1873}, {NULL, 0, 3974}};
    MkbRanked by_words[32], by_ids[32];
    for (int k = 0; k < 2; k++) {
        MkbDifferentialQuery q;
        memset(&q, 0, sizeof q);
        q.observed = k == 0 ? words : ids;
        q.observed_len = 2;
        MkbDifferentialOutput o;
        memset(&o, 0, sizeof o);
        o.ranking = k == 0 ? by_words : by_ids;
        o.ranking_cap = 32;
        CHECK_STATUS(mkb_differential(&q, &o), MKB_OK);
    }
    for (size_t i = 0; i < mkb_disorder_count(); i++) {
        CHECK(by_words[i].disorder == by_ids[i].disorder && by_words[i].score == by_ids[i].score);
    }
    CHECK(by_words[0].disorder == MKB_DISORDER_THROMBOCYTOPENIA_ABSENT_RADIUS);
    /* Not one finding can be read: the first one's status, not a ranking of nothing. */
    MkbTermInput unreadable[1] = {{"thrombocytopaenai", NT, 0}};
    MkbDifferentialQuery q;
    memset(&q, 0, sizeof q);
    q.observed = unreadable;
    q.observed_len = 1;
    MkbDifferentialOutput o;
    memset(&o, 0, sizeof o);
    CHECK_STATUS(mkb_differential(&q, &o), MKB_NOT_FOUND);
}

int main(void) {
    const Case cases[] = {
        {"threads (16 at once, first use)", test_threads},
        {"version", test_version},
        {"status messages", test_status_messages},
        {"lookup and suggestions", test_lookup},
        {"hostile text", test_hostile_text},
        {"resolve", test_resolve},
        {"resolve_detailed, resolve_many, gene links", test_resolve_detailed},
        {"search", test_search},
        {"disorders: every field of every record", test_disorders},
        {"symptoms, treatments, causes, tests, sources", test_vocabulary_entities},
        {"find for every entity (disorders, sources)", test_entity_find},
        {"genes", test_genes},
        {"codes", test_codes},
        {"vocabularies", test_vocabularies},
        {"lookup_many", test_lookup_many},
        {"HPO terms", test_hpo},
        {"HPO findings in words", test_hpo_find},
        {"differential", test_differential},
        {"differential from a phenopacket", test_differential_phenopacket},
        {"blood count", test_blood_count},
    };
    int passed = 0, failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        case_failures = 0;
        cases[i].run();
        if (case_failures == 0) {
            passed++;
            printf("ok   %s\n", cases[i].name);
        } else {
            failed++;
            printf("FAIL %s (%d failed checks)\n", cases[i].name, case_failures);
        }
    }
    printf("%d checks\n", checks_run);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
