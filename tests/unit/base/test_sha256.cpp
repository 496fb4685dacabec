// SPDX-License-Identifier: Apache-2.0
// kg/base/sha256.hpp: SHA-256 against the FIPS 180-4 example vectors, and incremental feeding.
#include "kg/base/sha256.hpp"

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("sha256: the FIPS 180-4 examples", "[base][sha256]") {
    CHECK(kg::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(kg::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(kg::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(kg::sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: pieces of any size give the digest of the whole", "[base][sha256]") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += static_cast<char>('a' + i % 26);
    const std::string whole = kg::sha256_hex(text);
    for (std::size_t piece : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u, 999u}) {
        kg::Sha256 h;
        for (std::size_t at = 0; at < text.size(); at += piece) h.update(std::string_view(text).substr(at, piece));
        CHECK(h.hex() == whole);
    }
}
