// Checks on request text. Strict UTF-8 validation (no overlong forms, no surrogates, nothing past
// U+10FFFF) is folio::is_valid_utf8, from the core library.
#pragma once

#include <cstddef>
#include <string_view>

#include "folio/article_parser.hpp"

namespace folio::server {

// Code points in valid UTF-8 text (what "characters" means for the query length limit).
std::size_t utf8_length(std::string_view text);

}  // namespace folio::server
