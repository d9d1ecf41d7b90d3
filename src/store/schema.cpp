#include "folio/schema.hpp"

#include <cctype>

#include "base/utf8.hpp"

namespace folio::schema {
namespace {

constexpr std::size_t kMaxTermBytes = 240;  // Xapian's limit is 245 bytes for glass

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::string normalise_term_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && i + 1 < value.size()) {
      // Latin-1 supplement capitals (À..Þ except ×) map to their small letters by +0x20.
      unsigned char next = static_cast<unsigned char>(value[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(next);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += normalise_term_value(value);
  term.resize(detail::utf8::truncate(term, kMaxTermBytes).size());
  return term;
}

std::string id_term(std::string_view id) {
  std::string term(kId);
  term += id;
  term.resize(detail::utf8::truncate(term, kMaxTermBytes).size());
  return term;
}

}  // namespace folio::schema
