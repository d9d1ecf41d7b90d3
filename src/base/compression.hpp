// Zstandard compression for what folio stores compressed itself (the article texts in
// schema::kTextSlot: Xapian compresses document data, never values). zstd at level 9 packs
// article text as tightly as zlib's default and inflates it about three times faster, which is
// what a page of snippets waits on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace folio::detail {

// One zstd frame holding `bytes` (and its size).
std::string compress_bytes(std::string_view bytes);
// The bytes a frame from compress_bytes() holds. Throws Error{database} on a frame that is
// corrupt, truncated or claims more than `max_size` bytes.
std::string decompress_bytes(std::string_view frame, std::size_t max_size);

}  // namespace folio::detail
