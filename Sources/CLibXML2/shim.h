// libxml2's HTML parser for VNXArticle.
//
// Debian builds libxml2 with ICU, and then <libxml/encoding.h> includes ICU's headers, which
// clash with the ICU that Foundation bundles ("'UErrorCode' has different definitions").
// We never use libxml2's ICU converters (input is handed over as UTF-8), so the ICU part of
// the headers is switched off before anything else includes them. Only pointers to the
// affected structure are ever used, so its layout does not matter to us.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

// Silences libxml2's generic error handler (it prints to stderr by default).
static inline void vnx_xml_silence_errors(void) {
  xmlSetGenericErrorFunc(NULL, NULL);
  xmlSetStructuredErrorFunc(NULL, NULL);
}
