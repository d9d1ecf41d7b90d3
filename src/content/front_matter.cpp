// Splits a Markdown file into front matter and body, reads the front matter with the reader for
// its format and flattens the tree into dotted keys of string lists.
#include "folio/front_matter.hpp"

#include <optional>
#include <utility>

#include "folio/error.hpp"
#include "formats/data_tree.hpp"

namespace folio {
namespace {

using detail::DataKind;
using detail::DataNode;
using detail::DataSource;

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

struct SourceLine {
  std::string_view text;  // without its line end (\n or \r\n)
  std::size_t start = 0;  // offset of the line in the source
  std::size_t next = 0;   // offset of the line after it
  int number = 0;         // 1-based
};

class LineReader {
 public:
  LineReader(std::string_view source, std::size_t start) : source_(source), offset_(start) {}

  bool at_end() const { return offset_ >= source_.size(); }

  SourceLine next() {
    SourceLine line;
    line.start = offset_;
    line.number = ++number_;
    std::size_t newline = source_.find('\n', offset_);
    std::size_t end = newline == std::string_view::npos ? source_.size() : newline;
    line.next = newline == std::string_view::npos ? source_.size() : newline + 1;
    line.text = source_.substr(offset_, end - offset_);
    if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
    offset_ = line.next;
    return line;
  }

 private:
  std::string_view source_;
  std::size_t offset_;
  int number_ = 0;
};

std::string_view trim_right(std::string_view text) {
  std::size_t end = text.find_last_not_of(" \t\r");
  return end == std::string_view::npos ? std::string_view{} : text.substr(0, end + 1);
}

bool is_blank(std::string_view text) {
  return trim_right(text).empty();
}

std::optional<FrontMatterFormat> opening_format(std::string_view text) {
  std::string_view trimmed = trim_right(text);
  if (trimmed == "+++") return FrontMatterFormat::toml;
  if (trimmed == "---") return FrontMatterFormat::yaml;
  // "{{< shortcode >}}" opens many Hugo bodies; a JSON object never starts with "{{".
  if (trimmed.substr(0, 1) == "{" && trimmed.substr(0, 2) != "{{") return FrontMatterFormat::json;
  return std::nullopt;
}

std::string without_carriage_returns(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool crlf = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
    if (!crlf) result += text[i];
  }
  return result;
}

[[noreturn]] void throw_never_closed(const std::string& path, std::string_view fence, int line) {
  throw Error(ErrorCode::parse,
              "front matter opened with " + std::string(fence) + " on line " +
                  std::to_string(line) + " is never closed",
              SourceLocation{path, line, 1});
}

// ---- flattening --------------------------------------------------------------------------

bool is_list_of_scalars(const DataNode& array) {
  for (const DataNode& item : array.children) {
    if (!item.is_scalar() && item.kind != DataKind::null) return false;
  }
  return true;
}

void flatten_table(const DataNode& table, const std::string& prefix,
                   std::map<std::string, FrontMatterValue>& fields) {
  for (const DataNode& member : table.children) {
    std::string name = prefix.empty() ? member.key : prefix + '.' + member.key;
    FrontMatterValue value;
    value.line = member.line;
    if (member.kind == DataKind::table) {
      flatten_table(member, name, fields);
      continue;
    }
    if (member.kind == DataKind::null) continue;
    if (member.kind == DataKind::array) {
      if (!is_list_of_scalars(member)) continue;  // arrays of tables or of lists
      value.is_list = true;
      for (const DataNode& item : member.children) {
        if (item.kind != DataKind::null) value.items.push_back(item.text);
      }
    } else {
      value.items.push_back(member.text);
    }
    fields.insert_or_assign(std::move(name), std::move(value));
  }
}

const char* format_name(FrontMatterFormat format) {
  switch (format) {
    case FrontMatterFormat::toml:
      return "TOML";
    case FrontMatterFormat::yaml:
      return "YAML";
    case FrontMatterFormat::json:
      return "JSON";
    case FrontMatterFormat::none:
      break;
  }
  return "front matter";
}

void store_fields(const DataNode& root, FrontMatterFormat format, const DataSource& source,
                  FrontMatter& result) {
  if (root.kind == DataKind::null) return;  // an empty block
  if (root.kind != DataKind::table) {
    throw Error(ErrorCode::parse,
                std::string(format_name(format)) +
                    " front matter must be a table of keys and values, found " +
                    detail::describe_kind(root.kind),
                SourceLocation{source.path, source.first_line, 1});
  }
  flatten_table(root, {}, result.fields);
}

DataNode read_block(FrontMatterFormat format, const DataSource& source) {
  if (source.text.size() > kMaxFrontMatterBytes) {
    throw Error(ErrorCode::too_large,
                std::string(format_name(format)) + " front matter of " +
                    std::to_string(source.text.size() / 1024) + " KB, over the limit of " +
                    std::to_string(kMaxFrontMatterBytes / 1024) + " KB",
                SourceLocation{source.path, source.first_line, 1});
  }
  switch (format) {
    case FrontMatterFormat::toml:
      return detail::read_toml(source);
    case FrontMatterFormat::yaml:
      return detail::read_yaml(source);
    case FrontMatterFormat::json:
      return detail::read_json(source);
    case FrontMatterFormat::none:
      break;
  }
  return {};
}

// ---- the two shapes of block ---------------------------------------------------------------

struct BlockRequest {
  std::string_view source;
  const std::string& path;
  FrontMatterFormat format;
  SourceLine opening;
};

// +++ ... +++ or --- ... ---
FrontMatter read_fenced(const BlockRequest& request, LineReader& lines) {
  std::string_view fence = trim_right(request.opening.text);
  std::optional<SourceLine> closing;
  while (!lines.at_end()) {
    SourceLine line = lines.next();
    if (trim_right(line.text) == fence) {
      closing = line;
      break;
    }
  }
  if (!closing) throw_never_closed(request.path, fence, request.opening.number);

  std::size_t first = request.opening.next;
  std::string text = without_carriage_returns(request.source.substr(first, closing->start - first));
  DataSource source{text, request.path, request.opening.number + 1};
  FrontMatter result;
  result.format = request.format;
  store_fields(read_block(request.format, source), request.format, source, result);
  result.body = request.source.substr(closing->next);
  result.body_line = closing->number + 1;
  return result;
}

// The offset of the '}' closing the object that opens at `open`, skipping braces in strings.
std::optional<std::size_t> matching_brace(std::string_view source, std::size_t open) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = open; i < source.size(); ++i) {
    char c = source[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i;
    }
  }
  return std::nullopt;
}

int count_newlines(std::string_view text) {
  int count = 0;
  for (char c : text)
    count += c == '\n' ? 1 : 0;
  return count;
}

// { ... } followed by the body, on the next line or right after the brace.
FrontMatter read_json_object(const BlockRequest& request) {
  std::size_t open = request.source.find('{', request.opening.start);
  std::optional<std::size_t> close = matching_brace(request.source, open);
  if (!close) throw_never_closed(request.path, "{", request.opening.number);

  std::size_t start = request.opening.start;
  std::string_view text = request.source.substr(start, *close + 1 - start);
  DataSource source{text, request.path, request.opening.number};
  FrontMatter result;
  result.format = FrontMatterFormat::json;
  store_fields(read_block(FrontMatterFormat::json, source), FrontMatterFormat::json, source,
               result);

  int closing_line = request.opening.number + count_newlines(text);
  std::size_t after = *close + 1;
  std::size_t rest = request.source.find_first_not_of(" \t\r", after);
  if (rest == std::string_view::npos) {
    after = request.source.size();
    ++closing_line;
  } else if (request.source[rest] == '\n') {
    after = rest + 1;
    ++closing_line;
  }
  result.body = request.source.substr(after);
  result.body_line = closing_line;
  return result;
}

}  // namespace

FrontMatter parse_front_matter(std::string_view source, const std::string& path) {
  std::size_t start = source.substr(0, utf8_bom.size()) == utf8_bom ? utf8_bom.size() : 0;
  FrontMatter none;
  none.body = source.substr(start);

  LineReader lines(source, start);
  while (!lines.at_end()) {
    SourceLine line = lines.next();
    if (is_blank(line.text)) continue;
    std::optional<FrontMatterFormat> format = opening_format(line.text);
    if (!format) return none;
    BlockRequest request{source, path, *format, line};
    if (*format == FrontMatterFormat::json) return read_json_object(request);
    return read_fenced(request, lines);
  }
  return none;
}

}  // namespace folio
