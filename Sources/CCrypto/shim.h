/* OpenSSL's libcrypto, for SHA-256 through its EVP interface (the one OpenSSL 3 keeps). */
#include <openssl/evp.h>
