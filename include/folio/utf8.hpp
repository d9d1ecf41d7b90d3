// UTF-8 as folio checks it everywhere (article files, queries, request parameters): strict RFC
// 3629, so no overlong forms, no surrogates and no code points past U+10FFFF. NUL is valid here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace folio {

bool is_valid_utf8(std::string_view text);

// `text` with each byte that does not begin a valid UTF-8 sequence replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);

// The number of characters (code points) in valid UTF-8 text: what "characters" means in every
// length limit.
std::size_t utf8_length(std::string_view text);

}  // namespace folio
