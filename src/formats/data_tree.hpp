// A neutral tree of the values read from TOML, YAML or JSON, so that front matter and config code
// never see a parser library. Each reader lives in its own translation unit and throws
// folio::Error{ErrorCode::parse} with the file, line, column and a short reason.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

enum class DataKind { null, boolean, integer, floating, string, datetime, array, table };

// One value. Scalars keep their text ("true", "42", "1.5", "2026-01-26T18:53:20+00:00"); arrays
// and tables keep their children in source order. A table member carries its key; an array item
// has an empty key. line and column are 1-based positions in the file (of the key for a table
// member, of the value otherwise); 0 means unknown.
struct DataNode {
  DataKind kind = DataKind::null;
  std::string key;
  std::string text;
  std::vector<DataNode> children;
  int line = 0;
  int column = 0;

  bool is_scalar() const noexcept {
    return kind != DataKind::array && kind != DataKind::table && kind != DataKind::null;
  }
  // The member named `name` of a table, or nullptr.
  const DataNode* find(std::string_view name) const noexcept;
};

// "a string", "an integer", "a table", ... for messages like "expected a list, found a table".
const char* describe_kind(DataKind kind) noexcept;

// What a reader reads: the text of one document, the file it came from, and the file line on which
// the text starts (front matter starts below its opening fence), so positions are file positions.
struct DataSource {
  std::string_view text;
  std::string path;
  int first_line = 1;
};

// Bounds on what a reader builds, so that a hostile file costs an Error{parse} naming its line, not
// the process: toml11 and yaml-cpp recurse once per level of brackets (10,000 levels in a 20 KB
// file overflowed the stack), a deep tree is destroyed and flattened recursively, and YAML aliases
// can expand a few hundred bytes into billions of values. Real front matter and folio.toml nest a
// handful of levels and hold at most a few thousand values.
inline constexpr int kMaxDataDepth = 64;
inline constexpr std::size_t kMaxDataValues = 100000;

// toml11 3.7 quotes a value's whole line in a message it builds for every value it tries, so a
// line costs time quadratic in its length: 5,000 tags on one line took 2.5 s, 20,000 took 45 s. A
// line of 8 KB of the costliest values (`1,1,1,...`) parses in about 30 ms on an idle core (60 ms
// on a loaded one); real front matter lines are under 1 KB.
inline constexpr std::size_t kMaxTomlLineBytes = 8192;

// Throws Error{too_large} at the first line longer than `max_bytes` (its line, and the column of
// the first byte over), naming the format: run before a parser whose time grows with line length.
void check_line_length(const DataSource& source, std::string_view format, std::size_t max_bytes);

// Throws Error{parse} at the first [ or { that nests deeper than kMaxDataDepth, counting every
// bracket, in strings and comments too: run before a parser that recurses per level. Telling
// strings from syntax here would take a parser (a quote inside a YAML block scalar is text; a
// TOML literal string may end in extra quotes), and each way a scan misjudged one let deep
// brackets through; counting all can refuse only text holding more than 64 unclosed brackets.
void check_bracket_depth(const DataSource& source, std::string_view format);

// Counts the values a reader makes and the depth it is at; throws Error{parse} at `line` when a
// bound is passed.
class DataBudget {
 public:
  DataBudget(const DataSource& source, std::string_view format)
      : source_(source), format_(format) {}
  void count_value(int line);
  void enter(int line);
  void leave() { --depth_; }

 private:
  [[noreturn]] void fail(int line, const std::string& reason) const;
  const DataSource& source_;
  std::string_view format_;
  std::size_t values_ = 0;
  int depth_ = 0;
};

DataNode read_toml(const DataSource& source);
DataNode read_yaml(const DataSource& source);
DataNode read_json(const DataSource& source);

}  // namespace folio::detail
