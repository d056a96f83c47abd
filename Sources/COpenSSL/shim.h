// OpenSSL's libcrypto (Debian libssl-dev), for the SHA-256 content hash.
//
// The SHA256_Init/Update/Final calls are deprecated in OpenSSL 3 in favour of EVP, but they
// are the ones without a per-call algorithm fetch, their context is a plain value, and they
// run the same assembly (SHA extensions when the CPU has them). Deprecation is silenced here
// so that Swift sees them as ordinary functions.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
