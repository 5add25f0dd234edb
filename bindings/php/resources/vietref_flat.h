/* vietref_flat.h: include/vietref.h without preprocessor lines or comments, for FFI loaders. Generated; see vietref.h for documentation. */
enum { VIETREF_VERSION_MAJOR = 0 };

enum { VIETREF_VERSION_MINOR = 1 };

enum { VIETREF_VERSION_PATCH = 0 };

enum vietref_status {
    VIETREF_OK = 0,
    VIETREF_NULL_ARGUMENT = 1,
    VIETREF_INVALID_UTF8 = 2,
    VIETREF_INSUFFICIENT_SIZE = 3,
    VIETREF_PANIC = 4,
    VIETREF_INVALID_ARGUMENT = 5,
    VIETREF_INDEX_OUT_OF_RANGE = 6,
    VIETREF_NO_VALUE = 7,
    VIETREF_INTERNAL_ERROR = 8,
    VIETREF_WRONG_KIND = 9,
    VIETREF_TEXT_NAME_INVALID = 100,
    VIETREF_MESSAGE_JSON_INVALID = 200,
    VIETREF_REF_EMPTY = 300,
    VIETREF_REF_INVALID_CHAR = 301,
    VIETREF_REF_INVALID_LENGTH = 302,
    VIETREF_REF_INVALID_PREFIX = 303,
    VIETREF_REF_INVALID_PART = 304,
    VIETREF_REF_INVALID_CHECKSUM = 305,
    VIETREF_REF_SCHEMES_INVALID = 306,
    VIETREF_VIETQR_JSON_INVALID = 500,
    VIETREF_LEGACY_UNDEFINED_BYTE = 600,
    VIETREF_LEGACY_INVALID_UTF8 = 601,
    VIETREF_LEGACY_NOT_SEVEN_BIT = 602,
    VIETREF_LEGACY_NOT_MOJIBAKE = 603,
    VIETREF_LEGACY_UNENCODABLE = 604,
    VIETREF_LEGACY_TCVN3_CAPITAL = 605,
    VIETREF_RECONCILE_AMOUNT_INVALID = 700,
};
typedef uint32_t vietref_status;

enum vietref_severity {
    VIETREF_SEVERITY_WARNING = 1,
    VIETREF_SEVERITY_ERROR = 2,
};
typedef uint32_t vietref_severity;

enum vietref_tone_style {
    VIETREF_TONE_TRADITIONAL = 1,
    VIETREF_TONE_MAIN_VOWEL = 2,
};
typedef uint32_t vietref_tone_style;

enum vietref_name_comparison {
    VIETREF_NAME_SAME = 1,
    VIETREF_NAME_LOOKALIKE = 2,
    VIETREF_NAME_DIFFERENT = 3,
};
typedef uint32_t vietref_name_comparison;

enum vietref_lang {
    VIETREF_LANG_EN = 1,
    VIETREF_LANG_VI = 2,
};
typedef uint32_t vietref_lang;

enum vietref_vietqr_mode {
    VIETREF_VIETQR_STRICT = 1,
    VIETREF_VIETQR_LENIENT = 2,
};
typedef uint32_t vietref_vietqr_mode;

enum vietref_vietqr_field {
    VIETREF_VIETQR_FIELD_INITIATION = 1,
    VIETREF_VIETQR_FIELD_BANK_BIN = 2,
    VIETREF_VIETQR_FIELD_ACCOUNT_NUMBER = 3,
    VIETREF_VIETQR_FIELD_SERVICE = 4,
    VIETREF_VIETQR_FIELD_MERCHANT_CATEGORY = 5,
    VIETREF_VIETQR_FIELD_CURRENCY = 6,
    VIETREF_VIETQR_FIELD_AMOUNT = 7,
    VIETREF_VIETQR_FIELD_COUNTRY = 8,
    VIETREF_VIETQR_FIELD_MERCHANT_NAME = 9,
    VIETREF_VIETQR_FIELD_MERCHANT_CITY = 10,
    VIETREF_VIETQR_FIELD_POSTAL_CODE = 11,
    VIETREF_VIETQR_FIELD_BILL_NUMBER = 12,
    VIETREF_VIETQR_FIELD_MOBILE_NUMBER = 13,
    VIETREF_VIETQR_FIELD_STORE_LABEL = 14,
    VIETREF_VIETQR_FIELD_LOYALTY_NUMBER = 15,
    VIETREF_VIETQR_FIELD_REFERENCE_LABEL = 16,
    VIETREF_VIETQR_FIELD_CUSTOMER_LABEL = 17,
    VIETREF_VIETQR_FIELD_TERMINAL_LABEL = 18,
    VIETREF_VIETQR_FIELD_PURPOSE = 19,
    VIETREF_VIETQR_FIELD_CONSUMER_DATA_REQUEST = 20,
    VIETREF_VIETQR_FIELD_CRC = 21,
};
typedef uint32_t vietref_vietqr_field;

enum vietref_ref_kind {
    VIETREF_REF_CODE = 1,
    VIETREF_REF_RF = 2,
    VIETREF_REF_EINVOICE = 3,
    VIETREF_REF_MST = 4,
    VIETREF_REF_OPAQUE = 5,
};
typedef uint32_t vietref_ref_kind;

enum vietref_channel {
    VIETREF_CHANNEL_VIETQR = 1,
    VIETREF_CHANNEL_VIETQR_BILL = 2,
    VIETREF_CHANNEL_TRANSFER = 3,
    VIETREF_CHANNEL_MOBILE_MONEY = 4,
    VIETREF_CHANNEL_POS = 5,
    VIETREF_CHANNEL_ISO20022 = 6,
};
typedef uint32_t vietref_channel;

enum vietref_memo_list {
    VIETREF_MEMO_INCLUDED = 1,
    VIETREF_MEMO_OMITTED = 2,
    VIETREF_MEMO_CLIPPED = 3,
};
typedef uint32_t vietref_memo_list;

enum vietref_encoding {
    VIETREF_ENCODING_UTF8 = 0,
    VIETREF_ENCODING_TCVN3 = 1,
    VIETREF_ENCODING_VNI = 2,
    VIETREF_ENCODING_VISCII = 3,
    VIETREF_ENCODING_VPS = 4,
    VIETREF_ENCODING_CP1258 = 5,
    VIETREF_ENCODING_VIQR = 6,
    VIETREF_ENCODING_UTF8_AS_CP1252 = 7,
};
typedef uint32_t vietref_encoding;

enum vietref_legacy_option {
    VIETREF_LEGACY_TCVN3_LOWER_CASE = 1,
};
typedef uint32_t vietref_legacy_option;

enum vietref_line_status {
    VIETREF_LINE_PAID = 0,
    VIETREF_LINE_PARTIAL = 1,
    VIETREF_LINE_OVERPAID = 2,
    VIETREF_LINE_DUPLICATE = 3,
    VIETREF_LINE_UNKNOWN_CODE = 4,
    VIETREF_LINE_AMBIGUOUS = 5,
    VIETREF_LINE_UNMATCHED = 6,
};
typedef uint32_t vietref_line_status;

enum vietref_statement_format {
    VIETREF_STATEMENT_CSV = 1,
    VIETREF_STATEMENT_JSON_LINES = 2,
    VIETREF_STATEMENT_JSON = 3,
    VIETREF_STATEMENT_XLSX = 4,
    VIETREF_STATEMENT_XLS = 5,
};
typedef uint32_t vietref_statement_format;

enum vietref_results_format {
    VIETREF_RESULTS_JSON_LINES = 1,
    VIETREF_RESULTS_CSV = 2,
};
typedef uint32_t vietref_results_format;

typedef struct vietref_candidates vietref_candidates;

typedef struct vietref_detection vietref_detection;

typedef struct vietref_encoded vietref_encoded;

typedef struct vietref_gateway_merchant vietref_gateway_merchant;

typedef struct vietref_line_result vietref_line_result;

typedef struct vietref_message vietref_message;

typedef struct vietref_reconciler vietref_reconciler;

typedef struct vietref_report vietref_report;

typedef struct vietref_string vietref_string;

typedef struct vietref_vietqr vietref_vietqr;

const char *vietref_version(void);

const char *vietref_status_name(uint32_t status);

const char *vietref_status_message(uint32_t status, uint32_t lang);

vietref_status vietref_gateway_merchant_new(const char *provider,
                                            size_t provider_len,
                                            const char *settings_json,
                                            size_t settings_len,
                                            const char *secret,
                                            size_t secret_len,
                                            const char *secret2,
                                            size_t secret2_len,
                                            vietref_gateway_merchant **merchant_out);

void vietref_gateway_merchant_free(vietref_gateway_merchant *merchant);

vietref_status vietref_gateway_request(const vietref_gateway_merchant *merchant,
                                       const vietref_message *message,
                                       const char *options_json,
                                       size_t options_len,
                                       vietref_string **out);

vietref_status vietref_gateway_request_buf(const vietref_gateway_merchant *merchant,
                                           const vietref_message *message,
                                           const char *options_json,
                                           size_t options_len,
                                           char *buf,
                                           size_t cap,
                                           size_t *len_out);

vietref_status vietref_gateway_verify(const vietref_gateway_merchant *merchant,
                                      const char *callback,
                                      size_t callback_len,
                                      vietref_string **out);

vietref_status vietref_gateway_verify_buf(const vietref_gateway_merchant *merchant,
                                          const char *callback,
                                          size_t callback_len,
                                          char *buf,
                                          size_t cap,
                                          size_t *len_out);

vietref_status vietref_gateway_settle(const vietref_gateway_merchant *merchant,
                                      vietref_reconciler *reconciler,
                                      const char *callback,
                                      size_t callback_len,
                                      uint64_t line,
                                      vietref_string **out);

vietref_status vietref_gateway_simulate_callback(const vietref_gateway_merchant *merchant,
                                                 const vietref_message *message,
                                                 const char *options_json,
                                                 size_t options_len,
                                                 const char *code,
                                                 size_t code_len,
                                                 uint64_t transaction,
                                                 uint64_t at_ms,
                                                 vietref_string **out);

vietref_status vietref_gateway_simulate_callback_buf(const vietref_gateway_merchant *merchant,
                                                     const vietref_message *message,
                                                     const char *options_json,
                                                     size_t options_len,
                                                     const char *code,
                                                     size_t code_len,
                                                     uint64_t transaction,
                                                     uint64_t at_ms,
                                                     char *buf,
                                                     size_t cap,
                                                     size_t *len_out);

vietref_status vietref_legacy_decode(const uint8_t *bytes,
                                     size_t len,
                                     uint32_t encoding,
                                     vietref_string **out);

vietref_status vietref_legacy_decode_buf(const uint8_t *bytes,
                                         size_t len,
                                         uint32_t encoding,
                                         char *buf,
                                         size_t cap,
                                         size_t *len_out);

vietref_status vietref_legacy_decode_error(const uint8_t *bytes,
                                           size_t len,
                                           uint32_t encoding,
                                           vietref_string **out);

vietref_status vietref_legacy_decode_error_buf(const uint8_t *bytes,
                                               size_t len,
                                               uint32_t encoding,
                                               char *buf,
                                               size_t cap,
                                               size_t *len_out);

vietref_status vietref_legacy_encode(const char *text,
                                     size_t text_len,
                                     uint32_t encoding,
                                     uint32_t options,
                                     vietref_encoded **encoded_out);

vietref_status vietref_legacy_encode_buf(const char *text,
                                         size_t text_len,
                                         uint32_t encoding,
                                         uint32_t options,
                                         uint8_t *buf,
                                         size_t cap,
                                         size_t *len_out);

vietref_status vietref_legacy_encode_error(const char *text,
                                           size_t text_len,
                                           uint32_t encoding,
                                           uint32_t options,
                                           vietref_string **out);

vietref_status vietref_legacy_encode_error_buf(const char *text,
                                               size_t text_len,
                                               uint32_t encoding,
                                               uint32_t options,
                                               char *buf,
                                               size_t cap,
                                               size_t *len_out);

const uint8_t *vietref_encoded_bytes(const vietref_encoded *encoded);

size_t vietref_encoded_len(const vietref_encoded *encoded);

vietref_status vietref_encoded_loss_count(const vietref_encoded *encoded, size_t *count_out);

vietref_status vietref_encoded_loss(const vietref_encoded *encoded,
                                    size_t index,
                                    size_t *position_out,
                                    uint32_t *character_out,
                                    uint32_t *written_out);

void vietref_encoded_free(vietref_encoded *encoded);

vietref_status vietref_legacy_detect(const uint8_t *bytes,
                                     size_t len,
                                     vietref_detection **detection_out);

vietref_status vietref_legacy_detect_declared(const uint8_t *bytes,
                                              size_t len,
                                              uint32_t declared,
                                              vietref_detection **detection_out);

void vietref_detection_free(vietref_detection *detection);

vietref_status vietref_detection_encoding(const vietref_detection *detection,
                                          uint32_t *encoding_out);

vietref_status vietref_detection_confidence(const vietref_detection *detection,
                                            uint32_t *per_mille_out);

vietref_status vietref_detection_ambiguous(const vietref_detection *detection,
                                           uint32_t *ambiguous_out);

vietref_status vietref_detection_alternative_count(const vietref_detection *detection,
                                                   size_t *count_out);

vietref_status vietref_detection_alternative(const vietref_detection *detection,
                                             size_t index,
                                             uint32_t *encoding_out,
                                             uint32_t *fit_per_mille_out);

vietref_status vietref_detection_text(const vietref_detection *detection, vietref_string **out);

vietref_status vietref_detection_text_buf(const vietref_detection *detection,
                                          char *buf,
                                          size_t cap,
                                          size_t *len_out);

vietref_status vietref_legacy_repair_mojibake(const char *text,
                                              size_t text_len,
                                              vietref_string **out);

vietref_status vietref_legacy_repair_mojibake_buf(const char *text,
                                                  size_t text_len,
                                                  char *buf,
                                                  size_t cap,
                                                  size_t *len_out);

const char *vietref_legacy_encoding_name(uint32_t encoding);

vietref_status vietref_legacy_encoding_from_name(const char *name,
                                                 size_t name_len,
                                                 uint32_t *encoding_out);

vietref_status vietref_memo_render(const vietref_message *message,
                                   const char *schemes,
                                   size_t schemes_len,
                                   uint32_t channel,
                                   size_t budget,
                                   vietref_report **report_out);

vietref_status vietref_memo_render_custom(const vietref_message *message,
                                          const char *schemes,
                                          size_t schemes_len,
                                          const char *name,
                                          size_t name_len,
                                          const char *charset,
                                          size_t charset_len,
                                          size_t budget,
                                          uint32_t reference_only,
                                          vietref_report **report_out);

vietref_status vietref_memo_field_count(const vietref_report *report,
                                        uint32_t list,
                                        size_t *count_out);

vietref_status vietref_memo_field_name(const vietref_report *report,
                                       uint32_t list,
                                       size_t index,
                                       vietref_string **out);

vietref_status vietref_memo_field_name_buf(const vietref_report *report,
                                           uint32_t list,
                                           size_t index,
                                           char *buf,
                                           size_t cap,
                                           size_t *len_out);

vietref_status vietref_memo_extract(const char *text,
                                    size_t text_len,
                                    const char *schemes,
                                    size_t schemes_len,
                                    vietref_candidates **candidates_out);

void vietref_candidates_free(vietref_candidates *candidates);

vietref_status vietref_candidates_count(const vietref_candidates *candidates, size_t *count_out);

vietref_status vietref_candidates_code(const vietref_candidates *candidates,
                                       size_t index,
                                       vietref_string **out);

vietref_status vietref_candidates_code_buf(const vietref_candidates *candidates,
                                           size_t index,
                                           char *buf,
                                           size_t cap,
                                           size_t *len_out);

vietref_status vietref_candidates_kind(const vietref_candidates *candidates,
                                       size_t index,
                                       uint32_t *kind_out);

vietref_status vietref_candidates_span(const vietref_candidates *candidates,
                                       size_t index,
                                       size_t *start_out,
                                       size_t *end_out);

vietref_status vietref_candidates_json(const vietref_candidates *candidates, vietref_string **out);

vietref_status vietref_candidates_json_buf(const vietref_candidates *candidates,
                                           char *buf,
                                           size_t cap,
                                           size_t *len_out);

vietref_status vietref_memo_parse(const char *text,
                                  size_t text_len,
                                  const char *schemes,
                                  size_t schemes_len,
                                  vietref_string **out);

vietref_status vietref_memo_parse_buf(const char *text,
                                      size_t text_len,
                                      const char *schemes,
                                      size_t schemes_len,
                                      char *buf,
                                      size_t cap,
                                      size_t *len_out);

vietref_status vietref_memo_envelope(const char *text, size_t text_len, vietref_string **out);

vietref_status vietref_memo_envelope_buf(const char *text,
                                         size_t text_len,
                                         char *buf,
                                         size_t cap,
                                         size_t *len_out);

vietref_status vietref_message_new(vietref_message **message_out);

vietref_status vietref_message_from_json(const char *json,
                                         size_t json_len,
                                         vietref_message **message_out);

void vietref_message_free(vietref_message *message);

vietref_status vietref_message_set_sector(vietref_message *message,
                                          const char *text,
                                          size_t text_len);

vietref_status vietref_message_set_payer_name(vietref_message *message,
                                              const char *text,
                                              size_t text_len);

vietref_status vietref_message_set_beneficiary_name(vietref_message *message,
                                                    const char *text,
                                                    size_t text_len);

vietref_status vietref_message_set_reason(vietref_message *message,
                                          const char *text,
                                          size_t text_len);

vietref_status vietref_message_set_invoice(vietref_message *message,
                                           const char *text,
                                           size_t text_len);

vietref_status vietref_message_set_amount(vietref_message *message, uint64_t vnd);

vietref_status vietref_message_validate(const vietref_message *message,
                                        vietref_report **report_out);

vietref_status vietref_message_validate_schemes(const vietref_message *message,
                                                const char *schemes,
                                                size_t schemes_len,
                                                vietref_report **report_out);

vietref_status vietref_reconciler_new(const char *schemes,
                                      size_t schemes_len,
                                      vietref_reconciler **reconciler_out);

vietref_status vietref_reconciler_set_threads(vietref_reconciler *reconciler, size_t n);

void vietref_reconciler_free(vietref_reconciler *reconciler);

vietref_status vietref_reconciler_add_invoice(vietref_reconciler *reconciler,
                                              const char *code,
                                              size_t code_len,
                                              uint64_t amount,
                                              const char *payer,
                                              size_t payer_len,
                                              const char *beneficiary,
                                              size_t beneficiary_len,
                                              const char *due,
                                              size_t due_len,
                                              vietref_report **report_out);

vietref_status vietref_reconciler_feed(vietref_reconciler *reconciler,
                                       uint64_t line,
                                       uint64_t amount,
                                       const char *content,
                                       size_t content_len,
                                       const char *reference,
                                       size_t reference_len,
                                       const char *date,
                                       size_t date_len,
                                       const char *counter_name,
                                       size_t counter_name_len,
                                       vietref_line_result **result_out);

vietref_status vietref_reconciler_add_invoices_csv(vietref_reconciler *reconciler,
                                                   const char *data,
                                                   size_t data_len,
                                                   const char *columns,
                                                   size_t columns_len,
                                                   uint64_t *added_out,
                                                   vietref_report **report_out);

vietref_status vietref_reconciler_add_invoices(vietref_reconciler *reconciler,
                                               const char *data,
                                               size_t data_len,
                                               uint32_t format,
                                               const char *columns,
                                               size_t columns_len,
                                               uint64_t *added_out,
                                               vietref_report **report_out);

vietref_status vietref_reconciler_feed_statement(vietref_reconciler *reconciler,
                                                 const char *data,
                                                 size_t data_len,
                                                 uint32_t format,
                                                 const char *columns,
                                                 size_t columns_len,
                                                 uint32_t results_format,
                                                 vietref_string **results_out,
                                                 vietref_report **report_out);

vietref_status vietref_reconciler_summary_json(const vietref_reconciler *reconciler,
                                               vietref_string **out);

vietref_status vietref_reconciler_summary_json_buf(const vietref_reconciler *reconciler,
                                                   char *buf,
                                                   size_t cap,
                                                   size_t *len_out);

vietref_status vietref_reconciler_invoice_json(const vietref_reconciler *reconciler,
                                               const char *code,
                                               size_t code_len,
                                               vietref_string **out);

vietref_status vietref_reconciler_invoice_json_buf(const vietref_reconciler *reconciler,
                                                   const char *code,
                                                   size_t code_len,
                                                   char *buf,
                                                   size_t cap,
                                                   size_t *len_out);

void vietref_line_result_free(vietref_line_result *result);

vietref_status vietref_line_result_status(const vietref_line_result *result, uint32_t *status_out);

vietref_status vietref_line_result_invoice(const vietref_line_result *result, vietref_string **out);

vietref_status vietref_line_result_invoice_buf(const vietref_line_result *result,
                                               char *buf,
                                               size_t cap,
                                               size_t *len_out);

vietref_status vietref_line_result_suggestion(const vietref_line_result *result,
                                              vietref_string **out);

vietref_status vietref_line_result_suggestion_buf(const vietref_line_result *result,
                                                  char *buf,
                                                  size_t cap,
                                                  size_t *len_out);

vietref_status vietref_line_result_possible_typo(const vietref_line_result *result,
                                                 vietref_string **out);

vietref_status vietref_line_result_possible_typo_buf(const vietref_line_result *result,
                                                     char *buf,
                                                     size_t cap,
                                                     size_t *len_out);

vietref_status vietref_line_result_reason(const vietref_line_result *result,
                                          uint32_t lang,
                                          vietref_string **out);

vietref_status vietref_line_result_reason_buf(const vietref_line_result *result,
                                              uint32_t lang,
                                              char *buf,
                                              size_t cap,
                                              size_t *len_out);

vietref_status vietref_line_result_json(const vietref_line_result *result, vietref_string **out);

vietref_status vietref_line_result_json_buf(const vietref_line_result *result,
                                            char *buf,
                                            size_t cap,
                                            size_t *len_out);

vietref_status vietref_ref_create(uint32_t kind,
                                  const char *prefix,
                                  size_t prefix_len,
                                  const char *body,
                                  size_t body_len,
                                  vietref_string **out);

vietref_status vietref_ref_create_buf(uint32_t kind,
                                      const char *prefix,
                                      size_t prefix_len,
                                      const char *body,
                                      size_t body_len,
                                      char *buf,
                                      size_t cap,
                                      size_t *len_out);

vietref_status vietref_ref_create_message(uint32_t kind,
                                          const char *prefix,
                                          size_t prefix_len,
                                          const char *body,
                                          size_t body_len,
                                          uint32_t lang,
                                          vietref_string **out);

vietref_status vietref_ref_create_message_buf(uint32_t kind,
                                              const char *prefix,
                                              size_t prefix_len,
                                              const char *body,
                                              size_t body_len,
                                              uint32_t lang,
                                              char *buf,
                                              size_t cap,
                                              size_t *len_out);

vietref_status vietref_ref_validate(uint32_t kind,
                                    const char *value,
                                    size_t value_len,
                                    vietref_string **out);

vietref_status vietref_ref_validate_buf(uint32_t kind,
                                        const char *value,
                                        size_t value_len,
                                        char *buf,
                                        size_t cap,
                                        size_t *len_out);

vietref_status vietref_ref_validate_message(uint32_t kind,
                                            const char *value,
                                            size_t value_len,
                                            uint32_t lang,
                                            vietref_string **out);

vietref_status vietref_ref_validate_message_buf(uint32_t kind,
                                                const char *value,
                                                size_t value_len,
                                                uint32_t lang,
                                                char *buf,
                                                size_t cap,
                                                size_t *len_out);

vietref_status vietref_ref_format(uint32_t kind,
                                  const char *value,
                                  size_t value_len,
                                  vietref_string **out);

vietref_status vietref_ref_format_buf(uint32_t kind,
                                      const char *value,
                                      size_t value_len,
                                      char *buf,
                                      size_t cap,
                                      size_t *len_out);

vietref_status vietref_ref_compact(uint32_t kind,
                                   const char *value,
                                   size_t value_len,
                                   vietref_string **out);

vietref_status vietref_ref_compact_buf(uint32_t kind,
                                       const char *value,
                                       size_t value_len,
                                       char *buf,
                                       size_t cap,
                                       size_t *len_out);

vietref_status vietref_ref_is_valid(uint32_t kind,
                                    const char *value,
                                    size_t value_len,
                                    uint32_t *valid_out);

void vietref_report_free(vietref_report *report);

vietref_status vietref_report_valid(const vietref_report *report, uint32_t *valid_out);

vietref_status vietref_report_count(const vietref_report *report, size_t *count_out);

vietref_status vietref_report_json(const vietref_report *report, vietref_string **out);

vietref_status vietref_report_json_buf(const vietref_report *report,
                                       char *buf,
                                       size_t cap,
                                       size_t *len_out);

vietref_status vietref_report_cleaned_json(const vietref_report *report, vietref_string **out);

vietref_status vietref_report_cleaned_json_buf(const vietref_report *report,
                                               char *buf,
                                               size_t cap,
                                               size_t *len_out);

vietref_status vietref_report_cleaned_text(const vietref_report *report, vietref_string **out);

vietref_status vietref_report_cleaned_text_buf(const vietref_report *report,
                                               char *buf,
                                               size_t cap,
                                               size_t *len_out);

vietref_status vietref_report_finding_severity(const vietref_report *report,
                                               size_t index,
                                               uint32_t *severity_out);

vietref_status vietref_report_finding_code(const vietref_report *report,
                                           size_t index,
                                           uint32_t *code_out);

vietref_status vietref_report_finding_position(const vietref_report *report,
                                               size_t index,
                                               size_t *position_out);

vietref_status vietref_report_finding_char(const vietref_report *report,
                                           size_t index,
                                           uint32_t *codepoint_out);

vietref_status vietref_report_finding_field(const vietref_report *report,
                                            size_t index,
                                            vietref_string **out);

vietref_status vietref_report_finding_field_buf(const vietref_report *report,
                                                size_t index,
                                                char *buf,
                                                size_t cap,
                                                size_t *len_out);

vietref_status vietref_report_finding_code_key(const vietref_report *report,
                                               size_t index,
                                               vietref_string **out);

vietref_status vietref_report_finding_code_key_buf(const vietref_report *report,
                                                   size_t index,
                                                   char *buf,
                                                   size_t cap,
                                                   size_t *len_out);

vietref_status vietref_report_finding_message(const vietref_report *report,
                                              size_t index,
                                              uint32_t lang,
                                              vietref_string **out);

vietref_status vietref_report_finding_message_buf(const vietref_report *report,
                                                  size_t index,
                                                  uint32_t lang,
                                                  char *buf,
                                                  size_t cap,
                                                  size_t *len_out);

const char *vietref_string_ptr(const vietref_string *s);

size_t vietref_string_len(const vietref_string *s);

void vietref_string_free(vietref_string *s);

vietref_status vietref_text_name(const char *text, size_t text_len, vietref_string **out);

vietref_status vietref_text_name_buf(const char *text,
                                     size_t text_len,
                                     char *buf,
                                     size_t cap,
                                     size_t *len_out);

vietref_status vietref_text_fold(const char *text, size_t text_len, vietref_string **out);

vietref_status vietref_text_fold_buf(const char *text,
                                     size_t text_len,
                                     char *buf,
                                     size_t cap,
                                     size_t *len_out);

vietref_status vietref_text_key(const char *text, size_t text_len, vietref_string **out);

vietref_status vietref_text_key_buf(const char *text,
                                    size_t text_len,
                                    char *buf,
                                    size_t cap,
                                    size_t *len_out);

vietref_status vietref_text_retone(const char *text,
                                   size_t text_len,
                                   uint32_t style,
                                   vietref_string **out);

vietref_status vietref_text_retone_buf(const char *text,
                                       size_t text_len,
                                       uint32_t style,
                                       char *buf,
                                       size_t cap,
                                       size_t *len_out);

vietref_status vietref_text_check(const char *text,
                                  size_t text_len,
                                  const char *field,
                                  size_t field_len,
                                  vietref_report **report_out);

vietref_status vietref_text_looks_like(const char *a,
                                       size_t a_len,
                                       const char *b,
                                       size_t b_len,
                                       uint32_t *result_out);

vietref_status vietref_text_compare_payee_name(const char *shown,
                                               size_t shown_len,
                                               const char *registered,
                                               size_t registered_len,
                                               uint32_t *result_out);

vietref_status vietref_text_check_text(const char *text,
                                       size_t text_len,
                                       const char *field,
                                       size_t field_len,
                                       vietref_report **report_out);

vietref_status vietref_text_skeleton(const char *text, size_t text_len, vietref_string **out);

vietref_status vietref_text_skeleton_buf(const char *text,
                                         size_t text_len,
                                         char *buf,
                                         size_t cap,
                                         size_t *len_out);

vietref_status vietref_vietqr_decode(const char *payload,
                                     size_t payload_len,
                                     uint32_t mode,
                                     vietref_report **report_out);

vietref_status vietref_vietqr_from_report(const vietref_report *report, vietref_vietqr **qr_out);

vietref_status vietref_vietqr_from_json(const char *json, size_t json_len, vietref_vietqr **qr_out);

void vietref_vietqr_free(vietref_vietqr *qr);

vietref_status vietref_vietqr_json(const vietref_vietqr *qr, vietref_string **out);

vietref_status vietref_vietqr_json_buf(const vietref_vietqr *qr,
                                       char *buf,
                                       size_t cap,
                                       size_t *len_out);

vietref_status vietref_vietqr_get(const vietref_vietqr *qr, uint32_t field, vietref_string **out);

vietref_status vietref_vietqr_get_buf(const vietref_vietqr *qr,
                                      uint32_t field,
                                      char *buf,
                                      size_t cap,
                                      size_t *len_out);

vietref_status vietref_vietqr_amount(const vietref_vietqr *qr, uint64_t *vnd_out);

vietref_status vietref_vietqr_encode(const vietref_vietqr *qr, vietref_report **report_out);

vietref_status vietref_vietqr_encode_json(const char *json,
                                          size_t json_len,
                                          vietref_report **report_out);

vietref_status vietref_vietqr_to_account(const char *bin,
                                         size_t bin_len,
                                         const char *account,
                                         size_t account_len,
                                         uint64_t amount,
                                         const char *bill,
                                         size_t bill_len,
                                         const char *purpose,
                                         size_t purpose_len,
                                         vietref_report **report_out);

vietref_status vietref_vietqr_verify_payee(const vietref_vietqr *qr,
                                           const char *bin,
                                           size_t bin_len,
                                           const char *account,
                                           size_t account_len,
                                           const char *name,
                                           size_t name_len,
                                           vietref_report **report_out);

vietref_status vietref_vietqr_bank_lookup(const char *query,
                                          size_t query_len,
                                          vietref_string **out);

vietref_status vietref_vietqr_bank_lookup_buf(const char *query,
                                              size_t query_len,
                                              char *buf,
                                              size_t cap,
                                              size_t *len_out);

vietref_status vietref_vietqr_crc16(const uint8_t *bytes, size_t len, uint16_t *crc_out);

vietref_status vietref_vietqr_for_payment(const vietref_message *message,
                                          const char *schemes,
                                          size_t schemes_len,
                                          const char *bin,
                                          size_t bin_len,
                                          const char *account,
                                          size_t account_len,
                                          vietref_report **report_out);

vietref_status vietref_vietqr_payment_codes(const vietref_vietqr *qr,
                                            const char *schemes,
                                            size_t schemes_len,
                                            vietref_candidates **candidates_out);
