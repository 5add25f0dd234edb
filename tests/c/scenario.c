/*
 * The cross-surface scenario in C (scripts/scenario.py runs it and compares its lines with the
 * CLI's): validate a message, render its memo, build its VietQR, decode a payload, extract
 * codes from memo lines, reconcile a statement. Arguments: see scripts/scenario.py. The C ABI
 * takes the VietQR mode explicitly: VIETREF_VIETQR_LENIENT is the other surfaces' default.
 * Every status is checked; a failure prints the call and the status and exits 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vietref.h"

#define TRY(what, call)                                                                   \
    do {                                                                                  \
        vietref_status st_ = (call);                                                      \
        if (st_ != VIETREF_OK) {                                                          \
            fprintf(stderr, "%s: %s\n", (what), vietref_status_name(st_));                \
            exit(1);                                                                      \
        }                                                                                 \
    } while (0)

/* The whole file, NUL-terminated; its length in *len. */
static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

/* Prints {"step":STEP,"report":JSON} and frees the report. */
static void out_report(const char *step, vietref_report *report) {
    vietref_string *json = NULL;
    TRY("report json", vietref_report_json(report, &json));
    printf("{\"step\":\"%s\",\"report\":%s}\n", step, vietref_string_ptr(json));
    vietref_string_free(json);
    vietref_report_free(report);
}

static uint32_t channel_named(const char *name) {
    static const struct { const char *name; uint32_t value; } channels[] = {
        {"vietqr", VIETREF_CHANNEL_VIETQR},       {"vietqr-bill", VIETREF_CHANNEL_VIETQR_BILL},
        {"transfer", VIETREF_CHANNEL_TRANSFER},   {"mobile-money", VIETREF_CHANNEL_MOBILE_MONEY},
        {"pos", VIETREF_CHANNEL_POS},             {"iso20022", VIETREF_CHANNEL_ISO20022},
    };
    size_t i;
    for (i = 0; i < sizeof channels / sizeof channels[0]; i++)
        if (strcmp(channels[i].name, name) == 0) return channels[i].value;
    return 0; /* refused by the library as VIETREF_INVALID_ARGUMENT */
}

static uint32_t format_named(const char *name) {
    if (strcmp(name, "csv") == 0) return VIETREF_STATEMENT_CSV;
    if (strcmp(name, "jsonl") == 0 || strcmp(name, "json_lines") == 0) return VIETREF_STATEMENT_JSON_LINES;
    if (strcmp(name, "json") == 0) return VIETREF_STATEMENT_JSON;
    return 0;
}

#define ARG(i) argv[i], strlen(argv[i])

int main(int argc, char **argv) {
    vietref_message *m = NULL;
    vietref_report *r = NULL;
    vietref_reconciler *rec = NULL;
    vietref_string *s = NULL;
    char *text, *line, *next;
    size_t len, n = 0;
    uint64_t added = 0;

    if (argc != 15) {
        fprintf(stderr, "usage: scenario MESSAGE VALIDATE_SCHEMES CHANNEL RENDER_SCHEMES BIN ACCOUNT QR_SCHEMES "
                        "PAYLOAD LINES EXTRACT_SCHEMES INVOICES STATEMENT FORMAT RECONCILE_SCHEMES\n");
        return 2;
    }
    text = slurp(argv[1], &len);
    TRY("message", vietref_message_from_json(text, len, &m));
    free(text);
    TRY("validate", vietref_message_validate_schemes(m, ARG(2), &r));
    out_report("validate", r);
    TRY("render", vietref_memo_render(m, ARG(4), channel_named(argv[3]), 0, &r));
    out_report("render", r);
    TRY("qr", vietref_vietqr_for_payment(m, ARG(7), ARG(5), ARG(6), &r));
    out_report("qr", r);
    vietref_message_free(m);
    TRY("decode", vietref_vietqr_decode(ARG(8), VIETREF_VIETQR_LENIENT, &r));
    out_report("decode", r);

    text = slurp(argv[9], &len);
    for (line = text; *line; line = next) {
        vietref_candidates *c = NULL;
        next = strchr(line, '\n');
        next = next ? next + 1 : line + strlen(line);
        TRY("extract", vietref_memo_extract(line, (size_t)(next - line) - (next[-1] == '\n'), ARG(10), &c));
        TRY("candidates json", vietref_candidates_json(c, &s));
        printf("{\"step\":\"extract\",\"line\":%zu,\"candidates\":%s}\n", ++n, vietref_string_ptr(s));
        vietref_string_free(s);
        vietref_candidates_free(c);
    }
    free(text);

    TRY("reconciler", vietref_reconciler_new(ARG(14), &rec));
    text = slurp(argv[11], &len);
    TRY("invoices", vietref_reconciler_add_invoices_csv(rec, text, len, NULL, 0, &added, &r));
    vietref_report_free(r); /* its findings are not compared */
    free(text);
    text = slurp(argv[12], &len);
    TRY("statement", vietref_reconciler_feed_statement(rec, text, len, format_named(argv[13]), NULL, 0,
                                                       VIETREF_RESULTS_JSON_LINES, &s, &r));
    vietref_report_free(r);
    free(text);
    {
        const char *results = vietref_string_ptr(s);
        while (*results) {
            const char *end = strchr(results, '\n');
            size_t l = end ? (size_t)(end - results) : strlen(results);
            if (l > 0) printf("{\"step\":\"reconcile.line\",\"result\":%.*s}\n", (int)l, results);
            results += l + (end != NULL);
        }
    }
    vietref_string_free(s);
    TRY("summary", vietref_reconciler_summary_json(rec, &s));
    printf("{\"step\":\"reconcile.summary\",\"summary\":%s}\n", vietref_string_ptr(s));
    vietref_string_free(s);
    vietref_reconciler_free(rec);
    return 0;
}
