// SPDX-License-Identifier: Apache-2.0
#pragma once
// SHA-256 (FIPS 180-4): content digests for the output manifest and document records.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

/// An incremental SHA-256. Feed bytes with `update` in any pieces; `hex()` finishes and
/// returns the 64 lower-case hex digits. Contract: no `update` after `hex()`.
class Sha256 {
public:
    Sha256() noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void update(std::string_view bytes) noexcept { update(bytes.data(), bytes.size()); }
    std::string hex();

private:
    void block(const std::uint8_t* p) noexcept;
    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_ = 0;
};

/// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace kg
