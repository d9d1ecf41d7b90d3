// Strict UTF-8 checks for request input (no overlong forms, no surrogates, nothing past U+10FFFF).
#pragma once

#include <cstddef>
#include <string_view>

namespace folio::server {

bool is_valid_utf8(std::string_view text);
// Code points in valid UTF-8 text (what "characters" means for the query length limit).
std::size_t utf8_length(std::string_view text);

}  // namespace folio::server
