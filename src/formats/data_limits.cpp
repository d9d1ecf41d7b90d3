// The bounds of data_tree.hpp: a scan of the bracket depth before a recursive parser runs, and the
// budget the readers count their values and depth against.
#include <string>

#include "folio/error.hpp"
#include "formats/data_tree.hpp"

namespace folio::detail {
namespace {

// A position in `text` as a file line and column (1-based, columns in bytes).
SourceLocation locate(const DataSource& source, std::size_t offset) {
  SourceLocation where{source.path, source.first_line, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    if (source.text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

std::size_t line_end(std::string_view text, std::size_t at) {
  std::size_t end = text.find('\n', at);
  return end == std::string_view::npos ? text.size() : end;
}

// The offset just past the string opening at `at` (on its quote), or text.size() when it does not
// close. `escapes`: a backslash escapes the next byte; `doubled`: a doubled quote is one quote.
std::size_t string_end(std::string_view text, std::size_t at, std::string_view quote, bool escapes,
                       bool doubled, bool multi_line) {
  for (std::size_t i = at + quote.size(); i < text.size(); ++i) {
    if (escapes && text[i] == '\\') {
      ++i;
    } else if (text.compare(i, quote.size(), quote) == 0) {
      if (doubled && text.compare(i + 1, 1, quote) == 0) {
        ++i;
        continue;
      }
      return i + quote.size();
    } else if (text[i] == '\n' && !multi_line) {
      return i;
    }
  }
  return text.size();
}

// TOML: # comments, "basic", 'literal', """multi-line basic""" and '''multi-line literal'''.
std::size_t skip_toml(std::string_view text, std::size_t at) {
  switch (text[at]) {
    case '#':
      return line_end(text, at);
    case '"':
      if (text.compare(at, 3, R"(""")") == 0)
        return string_end(text, at, R"(""")", true, false, true);
      return string_end(text, at, "\"", true, false, false);
    case '\'':
      if (text.compare(at, 3, "'''") == 0) return string_end(text, at, "'''", false, false, true);
      return string_end(text, at, "'", false, false, false);
    default:
      return at;
  }
}

}  // namespace

void check_bracket_depth(const DataSource& source, BracketSyntax syntax) {
  const std::string_view text = source.text;
  int depth = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t skipped = syntax == BracketSyntax::toml ? skip_toml(text, at) : at;
    if (skipped != at) {
      at = skipped;
      continue;
    }
    const char c = text[at];
    if (c == '[' || c == '{') {
      if (++depth > kMaxDataDepth) {
        throw Error(ErrorCode::parse,
                    std::string(syntax == BracketSyntax::toml ? "TOML" : "YAML") +
                        ": nested more than " + std::to_string(kMaxDataDepth) + " levels deep",
                    locate(source, at));
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    ++at;
  }
}

void DataBudget::count_value(int line) {
  if (++values_ > kMaxDataValues) {
    fail(line, "more than " + std::to_string(kMaxDataValues) +
                   " values (aliases or repeated data expanding without bound?)");
  }
}

void DataBudget::enter(int line) {
  if (++depth_ > kMaxDataDepth) {
    fail(line, "nested more than " + std::to_string(kMaxDataDepth) + " levels deep");
  }
}

void DataBudget::fail(int line, const std::string& reason) const {
  throw Error(ErrorCode::parse, std::string(format_) + ": " + reason,
              SourceLocation{source_.path, line > 0 ? line : source_.first_line, 0});
}

}  // namespace folio::detail
