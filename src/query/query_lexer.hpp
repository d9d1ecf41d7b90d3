// Splits a query string into tokens: words, "phrases", parentheses, each with the sign (+/-) and
// the field prefix (title:, tags:) written before it. Never fails: an unclosed quote runs to the
// end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

enum class TokenKind { word, phrase, open, close };

struct QueryToken {
  TokenKind kind = TokenKind::word;
  std::string text;          // a word as written, or a phrase's contents
  std::string field;         // "title" in title:rust, title:"a b" or title:( ... ); empty otherwise
  std::string raw;           // the whole token as written, sign and field included
  char sign = 0;             // '+' or '-' written before the token, or 0
  std::size_t position = 0;  // byte offset in the query
  bool ends_query = false;   // nothing follows, not even a space or a "." (search-as-you-type)
};

std::vector<QueryToken> lex_query(std::string_view query);

}  // namespace folio::detail
