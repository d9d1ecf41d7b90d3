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

}  // namespace

void check_bracket_depth(const DataSource& source, std::string_view format) {
  const std::string_view text = source.text;
  int depth = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '[' || c == '{') {
      if (++depth > kMaxDataDepth) {
        throw Error(ErrorCode::parse,
                    std::string(format) + ": nested more than " + std::to_string(kMaxDataDepth) +
                        " levels deep",
                    locate(source, at));
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

void check_line_length(const DataSource& source, std::string_view format, std::size_t max_bytes) {
  const std::string_view text = source.text;
  int line = source.first_line;
  for (std::size_t start = 0; start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > max_bytes) {
      throw Error(ErrorCode::too_large,
                  std::string(format) + ": line of " + std::to_string(end - start) +
                      " bytes, over the limit of " + std::to_string(max_bytes) +
                      " (split a long list over several lines)",
                  SourceLocation{source.path, line, static_cast<int>(max_bytes) + 1});
    }
    start = end + 1;
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
