#ifndef VNX_CICU_H
#define VNX_CICU_H
// The only door to ICU (libicu-dev). The header exposes plain C types only, so that
// Swift modules importing it never see ICU's own headers next to Foundation's ICU.
#include <stdint.h>

/// Status codes: 0 is success, > 0 an ICU error (see vnx_icu_error_name), < 0 a warning.
const char *vnx_icu_error_name(int32_t status);

/// NFC-normalizes UTF-16 `src` into `dst`; returns the needed length (may exceed `capacity`).
int32_t vnx_icu_nfc(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity,
                    int32_t *status);

/// NFD-normalizes UTF-16 `src` into `dst`; returns the needed length.
int32_t vnx_icu_nfd(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity,
                    int32_t *status);

/// Bit flags describing how one code point behaves under NFC.
enum {
  VNX_NFC_BOUNDARY_BEFORE = 1,  // never combines with what comes before it
  VNX_NFC_QUICK_CHECK_YES = 2,  // may stay as it is in NFC text
  VNX_NFC_INERT = 4,            // never interacts with neighbours
};
int32_t vnx_icu_nfc_flags(uint32_t codePoint);

/// Converts bytes in the charset `converterName` (e.g. "windows-1258") to UTF-16.
/// Illegal or unmappable bytes become U+FFFD. Returns the needed length.
int32_t vnx_icu_to_utf16(const char *converterName, const char *src, int32_t length,
                         uint16_t *dst, int32_t capacity, int32_t *status);

/// Converts UTF-16 to the charset `converterName`; unmappable characters become `?`.
int32_t vnx_icu_from_utf16(const char *converterName, const uint16_t *src, int32_t length,
                           char *dst, int32_t capacity, int32_t *status);

/// A text break iterator: kind 0 = character, 1 = word, 2 = line, 3 = sentence.
/// ICU does not copy the text: the caller keeps `text` alive until vnx_icu_break_close.
void *vnx_icu_break_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length,
                         int32_t *status);
/// The next boundary (UTF-16 offset), or -1 at the end.
int32_t vnx_icu_break_next(void *iterator);
/// The rule status of the boundary just returned (e.g. word kind: number, letter).
int32_t vnx_icu_break_rule_status(void *iterator);
void vnx_icu_break_close(void *iterator);

#endif
