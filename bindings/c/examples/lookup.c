/*
 * lookup: print everything marrowkb knows about a disorder.
 *
 *   ./lookup "fanconi anaemia"
 *   ./lookup ORPHA:124
 *   ./lookup RPS19
 *
 * Accepts any name, synonym or abbreviation, an ORPHA/OMIM identifier, an ICD-10 code one disorder
 * carries, or a gene symbol linked to one disorder (mkb_resolve). Exit status: 0 found, 1 not found,
 * 2 usage or other error.
 */
#include <marrowkb.h>

#include <stdio.h>

/* The stable key of a vocabulary value, or "?" (never happens for values the library hands out). */
static const char *key_of(MkbVocabulary vocabulary, uint32_t value) {
    const char *key = NULL;
    return mkb_vocabulary_key(vocabulary, value, &key) == MKB_OK ? key : "?";
}

static const char *disorder_name(MkbDisorder d) {
    const MkbDisorderRecord *r = NULL;
    return mkb_disorder_record(d, &r) == MKB_OK ? r->name : "?";
}

static const char *symptom_name(MkbSymptom s) {
    const MkbSymptomRecord *r = NULL;
    return mkb_symptom_record(s, &r) == MKB_OK ? r->name : "?";
}

static const char *treatment_name(MkbTreatment t) {
    const MkbTreatmentRecord *r = NULL;
    return mkb_treatment_record(t, &r) == MKB_OK ? r->name : "?";
}

static const char *test_name(MkbDiagnosticTest t) {
    const MkbDiagnosticTestRecord *r = NULL;
    return mkb_diagnostic_test_record(t, &r) == MKB_OK ? r->name : "?";
}

static const char *cause_name(MkbCause c) {
    const MkbCauseRecord *r = NULL;
    return mkb_cause_record(c, &r) == MKB_OK ? r->name : "?";
}

static const char *source_key(MkbSource s) {
    const MkbSourceRecord *r = NULL;
    return mkb_source_record(s, &r) == MKB_OK ? r->key : "?";
}

static void print_list(const char *label, const char *const *items, size_t len) {
    printf("%-13s ", label);
    for (size_t i = 0; i < len; i++) printf("%s%s", i ? "; " : "", items[i]);
    printf("\n");
}

static void print_record(const MkbDisorderRecord *r) {
    printf("%s (%s, id %u)\n", r->name, r->key, (unsigned)r->id);
    print_list("synonyms:", r->synonyms, r->synonyms_len);
    print_list("abbreviations:", r->abbreviations, r->abbreviations_len);
    printf("description:  %s\n", r->description);
    if (r->summary != NULL) printf("summary:      %s\n", r->summary);
    printf("origin:       %s%s\n", key_of(MKB_VOCABULARY_ORIGIN, r->origin), r->neoplasm ? " (neoplasm)" : "");
    printf("cell lines:   ");
    for (size_t i = 0; i < r->cell_lines_len; i++)
        printf("%s%s", i ? ", " : "", key_of(MKB_VOCABULARY_CELL_LINE, r->cell_lines[i]));
    printf("\ninheritance:  ");
    for (size_t i = 0; i < r->inheritance_len; i++)
        printf("%s%s", i ? ", " : "", key_of(MKB_VOCABULARY_INHERITANCE, r->inheritance[i]));
    printf("\nonset:        ");
    for (size_t i = 0; i < r->onset_len; i++) printf("%s%s", i ? ", " : "", key_of(MKB_VOCABULARY_ONSET, r->onset[i]));
    printf("\n");
    for (size_t i = 0; i < r->relations_len; i++)
        printf("relation:     %s %s [%s]\n", key_of(MKB_VOCABULARY_RELATION_KIND, r->relations[i].kind),
               disorder_name(r->relations[i].target), source_key(r->relations[i].source));
    for (size_t i = 0; i < r->orpha_len; i++)
        printf("ORPHA:        %s %s (%s)%s%s\n", r->orpha[i].curie, r->orpha[i].name,
               key_of(MKB_VOCABULARY_XREF_MATCH, r->orpha[i].match_kind), r->orpha[i].note ? ": " : "",
               r->orpha[i].note ? r->orpha[i].note : "");
    for (size_t i = 0; i < r->omim_len; i++)
        printf("OMIM:         %s %s (%s)\n", r->omim[i].curie, r->omim[i].name,
               key_of(MKB_VOCABULARY_XREF_MATCH, r->omim[i].match_kind));
    for (size_t i = 0; i < r->icd10_len; i++)
        printf("ICD-10:       %s %s (%s)%s%s\n", r->icd10[i].code, r->icd10[i].title,
               key_of(MKB_VOCABULARY_ICD_MATCH, r->icd10[i].match_kind), r->icd10[i].note ? ": " : "",
               r->icd10[i].note ? r->icd10[i].note : "");
    printf("genes:        ");
    for (size_t i = 0; i < r->genes_len; i++)
        printf("%s%s (NCBI %u)", i ? ", " : "", r->genes[i].symbol, (unsigned)r->genes[i].ncbi_gene_id);
    printf("\n");
    for (size_t i = 0; i < r->features_len; i++)
        printf("feature:      %s: %s [%s]\n", symptom_name(r->features[i].symptom),
               key_of(MKB_VOCABULARY_FREQUENCY, r->features[i].frequency), source_key(r->features[i].source));
    for (size_t i = 0; i < r->treatments_len; i++)
        printf("treatment:    %s: %s [%s]\n", treatment_name(r->treatments[i].treatment),
               key_of(MKB_VOCABULARY_TREATMENT_ROLE, r->treatments[i].role), source_key(r->treatments[i].source));
    for (size_t i = 0; i < r->tests_len; i++) printf("test:         %s\n", test_name(r->tests[i]));
    for (size_t i = 0; i < r->causes_len; i++) printf("cause:        %s\n", cause_name(r->causes[i]));
    for (size_t i = 0; i < r->risks_len; i++)
        printf("risk:         %s%s%s [%s]\n", r->risks[i].name, r->risks[i].hpo_curie ? " " : "",
               r->risks[i].hpo_curie ? r->risks[i].hpo_curie : "", source_key(r->risks[i].source));
    printf("sources:      ");
    for (size_t i = 0; i < r->sources_len; i++) printf("%s%s", i ? ", " : "", source_key(r->sources[i]));
    printf("\n");
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s NAME-OR-CODE\n(marrowkb %s; data: %s)\n", argv[0], mkb_version(),
                mkb_data_version());
        return 2;
    }
    MkbDisorder disorder;
    MkbSuggestions suggestions;
    MkbStatus status = mkb_resolve(argv[1], MKB_NUL_TERMINATED, &disorder, &suggestions);
    if (status == MKB_NOT_FOUND) {
        fprintf(stderr, "%s: not found", argv[1]);
        for (size_t i = 0; i < suggestions.len; i++)
            fprintf(stderr, "%s%s", i ? ", " : "; did you mean: ", disorder_name(suggestions.items[i]));
        fprintf(stderr, "\n");
        return 1;
    }
    if (status != MKB_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], mkb_status_message(status));
        return 2;
    }
    const MkbDisorderRecord *record;
    status = mkb_disorder_record(disorder, &record);
    if (status != MKB_OK) {
        fprintf(stderr, "%s\n", mkb_status_message(status));
        return 2;
    }
    print_record(record);
    return 0;
}
