#include "CICU.h"
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/utypes.h>

const char *vnx_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

static const UNormalizer2 *nfc(UErrorCode *status) { return unorm2_getNFCInstance(status); }

int32_t vnx_icu_nfc(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity,
                    int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *n = nfc(&code);
  int32_t result = 0;
  if (U_SUCCESS(code)) {
    result = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dst, capacity, &code);
  }
  *status = code;
  return result;
}

int32_t vnx_icu_nfd(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity,
                    int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *n = unorm2_getNFDInstance(&code);
  int32_t result = 0;
  if (U_SUCCESS(code)) {
    result = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dst, capacity, &code);
  }
  *status = code;
  return result;
}

int32_t vnx_icu_nfc_flags(uint32_t codePoint) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *n = nfc(&code);
  if (U_FAILURE(code)) return 0;
  int32_t flags = 0;
  if (unorm2_hasBoundaryBefore(n, (UChar32)codePoint)) flags |= VNX_NFC_BOUNDARY_BEFORE;
  if (unorm2_isInert(n, (UChar32)codePoint)) flags |= VNX_NFC_INERT;
  UChar buffer[2];
  int32_t length = 0;
  if (codePoint <= 0xFFFF) {
    buffer[0] = (UChar)codePoint;
    length = 1;
  } else {
    buffer[0] = (UChar)(0xD7C0 + (codePoint >> 10));
    buffer[1] = (UChar)(0xDC00 | (codePoint & 0x3FF));
    length = 2;
  }
  if (unorm2_quickCheck(n, buffer, length, &code) == UNORM_YES && U_SUCCESS(code)) {
    flags |= VNX_NFC_QUICK_CHECK_YES;
  }
  return flags;
}

int32_t vnx_icu_to_utf16(const char *converterName, const char *src, int32_t length,
                         uint16_t *dst, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(converterName, &code);
  int32_t result = 0;
  if (U_SUCCESS(code)) {
    result = ucnv_toUChars(converter, (UChar *)dst, capacity, src, length, &code);
    ucnv_close(converter);
  }
  *status = code;
  return result;
}

int32_t vnx_icu_from_utf16(const char *converterName, const uint16_t *src, int32_t length,
                           char *dst, int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(converterName, &code);
  int32_t result = 0;
  if (U_SUCCESS(code)) {
    result = ucnv_fromUChars(converter, dst, capacity, (const UChar *)src, length, &code);
    ucnv_close(converter);
  }
  *status = code;
  return result;
}

void *vnx_icu_break_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length,
                         int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, (const UChar *)text,
                                       length, &code);
  *status = code;
  return U_SUCCESS(code) ? iterator : 0;
}

int32_t vnx_icu_break_next(void *iterator) {
  int32_t next = ubrk_next((UBreakIterator *)iterator);
  return next == UBRK_DONE ? -1 : next;
}

int32_t vnx_icu_break_rule_status(void *iterator) {
  return ubrk_getRuleStatus((UBreakIterator *)iterator);
}

void vnx_icu_break_close(void *iterator) {
  if (iterator) ubrk_close((UBreakIterator *)iterator);
}
