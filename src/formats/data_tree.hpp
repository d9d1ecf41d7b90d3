// A neutral tree of the values read from TOML, YAML or JSON, so that front matter and config code
// never see a parser library. Each reader lives in its own translation unit and throws
// folio::Error{ErrorCode::parse} with the file, line, column and a short reason.
#pragma once

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

DataNode read_toml(const DataSource& source);
DataNode read_yaml(const DataSource& source);
DataNode read_json(const DataSource& source);

}  // namespace folio::detail
