/*
 * bench: look-ups through libmarrowkb from C, timed with clock_gettime and printed as ns/op, beside
 * baselines measured in the same run:
 *   - "strcmp scan": what a C program would hand-write without the library, a linear strcmp over every
 *     name, synonym and abbreviation (exact spelling only: it cannot match "Fanconi anaemia");
 *   - "strcasecmp scan": the same, ignoring ASCII case;
 *   - "call floor": mkb_disorder_count(), the cost of crossing into the library and back.
 * Measurements only: nothing here fails on a slow figure.
 *
 *   cc -std=c11 -O2 -Iinclude bindings/c/bench.c target/release/libmarrowkb.a -lpthread -ldl -lm -o bench
 *   ./bench            (about 0.3 s per figure)    ./bench --quick    (a smoke run)
 */
#define _POSIX_C_SOURCE 200809L

#include <marrowkb.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static double target_seconds = 0.3;
static volatile uint64_t sink;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Every name, synonym and abbreviation with its disorder: the hand-written baseline's table. */
enum { MAX_NAMES = 512 };
static const char *names[MAX_NAMES];
static MkbDisorder owners[MAX_NAMES];
static size_t name_count;

static void collect_names(void) {
    for (size_t i = 0; i < mkb_disorder_count(); i++) {
        MkbDisorder d;
        const MkbDisorderRecord *r;
        if (mkb_disorder_at(i, &d) != MKB_OK || mkb_disorder_record(d, &r) != MKB_OK) continue;
        if (name_count < MAX_NAMES) names[name_count] = r->name, owners[name_count++] = d;
        for (size_t j = 0; j < r->synonyms_len && name_count < MAX_NAMES; j++)
            names[name_count] = r->synonyms[j], owners[name_count++] = d;
        for (size_t j = 0; j < r->abbreviations_len && name_count < MAX_NAMES; j++)
            names[name_count] = r->abbreviations[j], owners[name_count++] = d;
    }
}

static MkbDisorder scan_strcmp(const char *query) {
    for (size_t i = 0; i < name_count; i++)
        if (strcmp(names[i], query) == 0) return owners[i];
    return MKB_NO_DISORDER;
}

static MkbDisorder scan_strcasecmp(const char *query) {
    for (size_t i = 0; i < name_count; i++)
        if (strcasecmp(names[i], query) == 0) return owners[i];
    return MKB_NO_DISORDER;
}

/* The queries of one benchmark, cycled through. */
typedef struct Queries {
    const char *const *items;
    size_t len;
} Queries;

typedef uint64_t (*Op)(const char *query);

/* Runs `op` over the queries until target_seconds have passed; returns ns per call. */
static double measure(Op op, Queries q) {
    uint64_t iterations = 0;
    double start = now(), elapsed = 0;
    uint64_t batch = 64;
    while (elapsed < target_seconds) {
        for (uint64_t i = 0; i < batch; i++) sink += op(q.items[(iterations + i) % q.len]);
        iterations += batch;
        elapsed = now() - start;
        if (batch < (1u << 16)) batch *= 2;
    }
    return elapsed * 1e9 / (double)iterations;
}

static uint64_t op_floor(const char *query) { return (uint64_t)mkb_disorder_count() + (query != NULL); }
static uint64_t op_strcmp(const char *query) { return scan_strcmp(query); }
static uint64_t op_strcasecmp(const char *query) { return scan_strcasecmp(query); }
static uint64_t op_lookup(const char *query) {
    MkbDisorder d = 0;
    return mkb_lookup(query, MKB_NUL_TERMINATED, &d, NULL) + d;
}
static uint64_t op_lookup_suggest(const char *query) {
    MkbDisorder d = 0;
    MkbSuggestions s;
    return mkb_lookup(query, MKB_NUL_TERMINATED, &d, &s) + d + s.len;
}
static uint64_t op_resolve(const char *query) {
    MkbDisorder d = 0;
    return mkb_resolve(query, MKB_NUL_TERMINATED, &d, NULL) + d;
}
static uint64_t op_orpha(const char *query) {
    MkbDisorder d = 0;
    return mkb_disorder_from_orpha(query, MKB_NUL_TERMINATED, &d) + d;
}
static uint64_t op_orpha_id(const char *query) {
    MkbDisorder d = 0;
    return mkb_disorder_from_orpha_id((uint32_t)(query[0] == 'x' ? 1 : 84), &d) + d;
}
static uint64_t op_omim(const char *query) {
    MkbDisorder d = 0;
    return mkb_disorder_from_omim(query, MKB_NUL_TERMINATED, &d) + d;
}
static uint64_t op_icd10(const char *query) {
    MkbIcd10Link links[20];
    size_t len = 0;
    return mkb_disorders_for_icd10(query, MKB_NUL_TERMINATED, links, 20, &len) + len;
}
static uint64_t op_gene(const char *query) {
    const MkbDisorder *ds = NULL;
    size_t len = 0;
    return mkb_disorders_for_gene(query, MKB_NUL_TERMINATED, &ds, &len) + len;
}
static uint64_t op_hpo(const char *query) {
    MkbSymptom s = 0;
    return mkb_symptom_from_hpo(query, MKB_NUL_TERMINATED, &s) + s;
}
static uint64_t op_record(const char *query) {
    const MkbDisorderRecord *r = NULL;
    return mkb_disorder_record((uint32_t)(1 + (unsigned char)query[0] % 20), &r) + (r != NULL ? r->features_len : 0);
}
static uint64_t op_search(const char *query) {
    MkbSearchHit hits[64];
    size_t len = 0;
    return mkb_search(query, MKB_NUL_TERMINATED, hits, 64, &len) + len;
}

static uint64_t op_hpo_term(const char *query) {
    MkbHpoTerm t;
    return mkb_hpo_term(query, MKB_NUL_TERMINATED, &t) + t.id;
}
static uint64_t op_hpo_ancestors(const char *query) {
    uint32_t ids[256];
    size_t len = 0;
    (void)query;
    return mkb_hpo_ancestors(1873, ids, 256, &len) + len;
}

/* The differential over the first N symptoms' primary HPO terms (ranking only). */
static MkbTermInput dx_terms[30];
static size_t dx_len;
static uint64_t op_differential(const char *query) {
    MkbDifferentialQuery q;
    MkbDifferentialOutput o;
    MkbRanked ranking[64];
    (void)query;
    memset(&q, 0, sizeof q);
    memset(&o, 0, sizeof o);
    q.observed = dx_terms;
    q.observed_len = dx_len;
    o.ranking = ranking;
    o.ranking_cap = 64;
    return mkb_differential(&q, &o) + ranking[0].disorder;
}

static MkbBloodCount blood;
static uint64_t op_blood_count(const char *query) {
    MkbInterpretation in;
    MkbDisorderFit fits[64];
    (void)query;
    return mkb_interpret_blood_count(&blood, 0, &in, fits, 64) + in.pattern;
}

/* The batch API: one call per 64 names; reported per name. */
static const char *const *batch_names;
static size_t batch_len;
static uint64_t op_lookup_many_64(const char *query) {
    uint32_t out[64];
    size_t found = 0;
    (void)query;
    mkb_lookup_many(batch_names, NULL, batch_len, out, NULL, NULL, &found);
    return found;
}

static void row(const char *what, double ns, double baseline, const char *baseline_name) {
    printf("  %-44s %10.1f ns/op", what, ns);
    if (baseline > 0) printf("   %6.2fx %s", ns / baseline, baseline_name);
    printf("\n");
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define Q(a) ((Queries){(a), COUNT(a)})

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--quick") == 0) target_seconds = 0.01;
    collect_names();
    printf("marrowkb %s C bench (%zu names in the baseline table; clock_gettime, CLOCK_MONOTONIC)\n", mkb_version(),
           name_count);

    static const char *const exact[] = {"Fanconi anemia", "Diamond-Blackfan anemia", "Kostmann syndrome",
                                        "Pearson syndrome", "Dyskeratosis congenita", "Aplastic anemia"};
    static const char *const abbreviations[] = {"FA", "DBA", "SDS", "MDS", "DC", "TAR"};
    static const char *const variants[] = {"fanconi anaemia", "BLACKFAN-DIAMOND ANAEMIA", "kostmann disease",
                                           "Shwachman\xE2\x80\x93" "Bodian\xE2\x80\x93" "Diamond syndrome",
                                           "Fanconi's an\xC3\xA9mia", "monomac"};
    static const char *const unknown[] = {"fanconni anaemia", "diamond blackfan anemai", "hemophilia a",
                                          "sickle cell disease", "xyzzy", "thalassemia major"};
    static const char *const mix[64] = {
        "Fanconi anemia", "fanconi anaemia", "FA", "fanconni anaemia", "DBA", "Blackfan-Diamond anaemia",
        "sickle cell disease", "Kostmann syndrome", "kostmann disease", "xyzzy", "MDS", "myelodysplasia",
        "Pearson syndrome", "pearson marrow pancreas syndrome", "thalassemia", "Aplastic anemia",
        "aplastic anaemia", "hemophilia", "Dyskeratosis congenita", "DKC", "leukemia", "SDS",
        "Shwachman-Diamond syndrome", "iron deficiency", "TAR syndrome", "Barth syndrome", "gaucher",
        "Cyclic neutropenia", "severe congenital neutropenia", "ITP", "MonoMAC", "GATA2 deficiency",
        "Fanconi anemia", "fanconi anaemia", "FA", "fanconni anaemia", "DBA", "Blackfan-Diamond anaemia",
        "sickle cell disease", "Kostmann syndrome", "kostmann disease", "xyzzy", "MDS", "myelodysplasia",
        "Pearson syndrome", "pearson marrow pancreas syndrome", "thalassemia", "Aplastic anemia",
        "aplastic anaemia", "hemophilia", "Dyskeratosis congenita", "DKC", "leukemia", "SDS",
        "Shwachman-Diamond syndrome", "iron deficiency", "TAR syndrome", "Barth syndrome", "gaucher",
        "Cyclic neutropenia", "severe congenital neutropenia", "ITP", "MonoMAC", "GATA2 deficiency"};
    static const char *const orpha[] = {"ORPHA:84", "ORPHA:124", "Orphanet_811", "ORPHA:1"};
    static const char *const omim[] = {"OMIM:227650", "OMIM:105650", "MIM#260400", "OMIM:100000"};
    static const char *const icd[] = {"D61.0", "d610", "D70", "D64.4"};
    static const char *const genes[] = {"RPS19", "fanca", "ELANE", "SBDS", "TERT", "NOTAGENE"};
    static const char *const hpo[] = {"HP:0001873", "HP:0000421", "HP_0001903", "0001875"};
    static const char *const one[] = {"a"};
    static const char *const searches[] = {"neutropenia", "RPS19", "fanconi", "thrombocytopenia"};

    double floor_ns = measure(op_floor, Q(one));
    printf("\nbaselines\n");
    row("call floor (mkb_disorder_count)", floor_ns, 0, "");
    double scan_exact = measure(op_strcmp, Q(exact));
    double scan_abbrev = measure(op_strcmp, Q(abbreviations));
    double scan_case = measure(op_strcasecmp, Q(exact));
    double scan_miss = measure(op_strcmp, Q(unknown));
    row("strcmp scan, exact names", scan_exact, 0, "");
    row("strcmp scan, abbreviations", scan_abbrev, 0, "");
    row("strcasecmp scan, exact names", scan_case, 0, "");
    row("strcmp scan, unknown names (full scan)", scan_miss, 0, "");

    printf("\nname look-up (mkb_lookup, no suggestions)\n");
    row("exact names", measure(op_lookup, Q(exact)), scan_exact, "strcmp scan");
    row("abbreviations", measure(op_lookup, Q(abbreviations)), scan_abbrev, "strcmp scan");
    row("variant spellings (case, British, dashes)", measure(op_lookup, Q(variants)), scan_case,
        "strcasecmp scan (which misses them)");
    row("unknown names", measure(op_lookup, Q(unknown)), scan_miss, "strcmp scan");
    row("unknown names, with suggestions", measure(op_lookup_suggest, Q(unknown)), scan_miss, "strcmp scan");
    row("resolve (name or code), exact names", measure(op_resolve, Q(exact)), scan_exact, "strcmp scan");

    batch_names = mix;
    batch_len = COUNT(mix);
    double batch = measure(op_lookup_many_64, Q(one)) / (double)batch_len;
    printf("\nbatch (mkb_lookup_many, 64 names per call: exact, variant and unknown mixed)\n");
    row("per name", batch, scan_miss, "strcmp scan of an unknown name");
    printf("  %-44s %10.1f M names/s\n", "throughput", 1e3 / batch);

    printf("\ncodes and records\n");
    row("ORPHA text (mkb_disorder_from_orpha)", measure(op_orpha, Q(orpha)), floor_ns, "call floor");
    row("ORPHA number (mkb_disorder_from_orpha_id)", measure(op_orpha_id, Q(orpha)), floor_ns, "call floor");
    row("OMIM text (mkb_disorder_from_omim)", measure(op_omim, Q(omim)), floor_ns, "call floor");
    row("ICD-10 (mkb_disorders_for_icd10, copy out)", measure(op_icd10, Q(icd)), floor_ns, "call floor");
    row("gene symbol (mkb_disorders_for_gene)", measure(op_gene, Q(genes)), floor_ns, "call floor");
    row("HPO id to symptom (mkb_symptom_from_hpo)", measure(op_hpo, Q(hpo)), floor_ns, "call floor");
    row("record (mkb_disorder_record)", measure(op_record, Q(exact)), floor_ns, "call floor");
    row("free-text search (mkb_search, allocates)", measure(op_search, Q(searches)), scan_miss, "strcmp scan");

    printf("\nHPO, differential, blood count\n");
    static const char *const hpo_terms[] = {"HP:0001873", "HP:0000004", "0001875", "HP_0003974"};
    row("HPO term by id text (mkb_hpo_term)", measure(op_hpo_term, Q(hpo_terms)), floor_ns, "call floor");
    row("HPO ancestors of HP:0001873 (copy out)", measure(op_hpo_ancestors, Q(one)), floor_ns, "call floor");
    for (size_t i = 0; i < mkb_symptom_count() && dx_len < 30; i++) {
        MkbSymptom sym;
        const MkbSymptomRecord *r;
        if (mkb_symptom_at(i, &sym) == MKB_OK && mkb_symptom_record(sym, &r) == MKB_OK && r->hpo_len > 0) {
            dx_terms[dx_len].text = NULL;
            dx_terms[dx_len].id = r->hpo[0];
            dx_len++;
        }
    }
    size_t available = dx_len;
    static const size_t sizes[] = {3, 10, 30};
    for (size_t i = 0; i < COUNT(sizes); i++) {
        char label[64];
        dx_len = sizes[i] < available ? sizes[i] : available;
        snprintf(label, sizeof label, "differential, %zu terms (mkb_differential)", dx_len);
        row(label, measure(op_differential, Q(one)), floor_ns, "call floor");
    }
    memset(&blood, 0, sizeof blood);
    blood.hemoglobin = (MkbMeasurement){true, 7.2, MKB_HEMOGLOBIN_UNIT_GRAMS_PER_DECILITER};
    blood.neutrophils = (MkbMeasurement){true, 0.3, MKB_COUNT_UNIT_GIGA_PER_LITER};
    blood.platelets = (MkbMeasurement){true, 15.0, MKB_COUNT_UNIT_GIGA_PER_LITER};
    blood.reticulocytes = (MkbMeasurement){true, 12.0, MKB_COUNT_UNIT_GIGA_PER_LITER};
    blood.cellularity = (MkbMeasurement){true, 15.0, 0};
    blood.age = (MkbMeasurement){true, 34.0, MKB_AGE_UNIT_YEARS};
    blood.sex = MKB_PATIENT_SEX_FEMALE;
    row("blood count interpretation with fits", measure(op_blood_count, Q(one)), floor_ns, "call floor");
    return 0;
}
