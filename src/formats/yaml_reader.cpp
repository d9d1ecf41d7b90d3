// Reads YAML (yaml-cpp) into a DataNode tree. yaml-cpp hands every scalar over as text, so plain
// scalars are classified here with the YAML 1.2 core schema; timestamps stay strings and the
// article layer parses them as dates.
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <string_view>

#include "folio/error.hpp"
#include "formats/data_tree.hpp"

namespace folio::detail {
namespace {

bool is_null_text(const std::string& text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

bool is_true_text(const std::string& text) {
  return text == "true" || text == "True" || text == "TRUE";
}

bool is_false_text(const std::string& text) {
  return text == "false" || text == "False" || text == "FALSE";
}

bool all_in(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  return text;
}

bool is_integer_text(std::string_view text) {
  constexpr std::string_view digits = "0123456789";
  if (text.substr(0, 2) == "0o") return all_in(text.substr(2), "01234567");
  if (text.substr(0, 2) == "0x") return all_in(text.substr(2), "0123456789abcdefABCDEF");
  return all_in(without_sign(text), digits);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? and the spellings of infinity and NaN.
bool is_float_text(std::string_view text) {
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return true;
  text = without_sign(text);
  if (text == ".inf" || text == ".Inf" || text == ".INF") return true;
  constexpr std::string_view digits = "0123456789";
  std::size_t exponent = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, exponent);
  if (exponent != std::string_view::npos &&
      !all_in(without_sign(text.substr(exponent + 1)), digits)) {
    return false;
  }
  std::size_t point = mantissa.find('.');
  if (point == std::string_view::npos) return all_in(mantissa, digits);
  std::string_view whole = mantissa.substr(0, point);
  std::string_view fraction = mantissa.substr(point + 1);
  if (whole.empty()) return all_in(fraction, digits);
  return all_in(whole, digits) && (fraction.empty() || all_in(fraction, digits));
}

// Plain (unquoted, untagged) scalars have the tag "?"; quoted ones "!"; explicit tags their URI.
void classify_scalar(DataNode& node, const YAML::Node& value) {
  node.text = value.Scalar();
  if (value.Tag() != "?") {
    node.kind = DataKind::string;
  } else if (is_null_text(node.text)) {
    node.kind = DataKind::null;
  } else if (is_true_text(node.text) || is_false_text(node.text)) {
    node.kind = DataKind::boolean;
    node.text = is_true_text(node.text) ? "true" : "false";
  } else if (is_integer_text(node.text)) {
    node.kind = DataKind::integer;
  } else if (is_float_text(node.text)) {
    node.kind = DataKind::floating;
  } else {
    node.kind = DataKind::string;
  }
}

class Converter {
 public:
  explicit Converter(const DataSource& source) : source_(source), budget_(source, "YAML") {}

  // An alias is converted each time it is used, as a reader of the file sees it: the budget
  // stops a few hundred bytes of nested aliases from expanding into billions of values.
  DataNode convert(const YAML::Node& value, std::string key, const YAML::Mark& where) {
    DataNode node;
    node.key = std::move(key);
    place(node, where);
    budget_.count_value(node.line);
    switch (value.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        node.kind = DataKind::null;
        break;
      case YAML::NodeType::Scalar:
        classify_scalar(node, value);
        break;
      case YAML::NodeType::Sequence:
        fill_sequence(node, value);
        break;
      case YAML::NodeType::Map:
        fill_map(node, value);
        break;
    }
    return node;
  }

 private:
  void place(DataNode& node, const YAML::Mark& where) const {
    if (where.is_null()) return;
    node.line = where.line + source_.first_line;
    node.column = where.column + 1;
  }

  void fill_sequence(DataNode& node, const YAML::Node& value) {
    node.kind = DataKind::array;
    budget_.enter(node.line);
    for (const YAML::Node& item : value)
      node.children.push_back(convert(item, {}, item.Mark()));
    budget_.leave();
  }

  // A key given twice keeps its last value, as Hugo reads YAML (yaml-cpp keeps both, and the first
  // used to win by lookup order; 16 digitalgov files repeat a key).
  void fill_map(DataNode& node, const YAML::Node& value) {
    node.kind = DataKind::table;
    budget_.enter(node.line);
    std::map<std::string, std::size_t> index_of;  // key -> its place in node.children
    for (const auto& member : value) {
      if (!member.first.IsScalar()) continue;  // complex keys have no dotted name
      const std::string& key = member.first.Scalar();
      DataNode converted = convert(member.second, key, member.first.Mark());
      auto [at, added] = index_of.emplace(key, node.children.size());
      if (added) {
        node.children.push_back(std::move(converted));
      } else {
        node.children[at->second] = std::move(converted);
      }
    }
    budget_.leave();
  }

  const DataSource& source_;
  DataBudget budget_;
};

[[noreturn]] void throw_parse_error(const DataSource& source, const YAML::Exception& error) {
  SourceLocation where{source.path, source.first_line, 0};
  if (!error.mark.is_null()) {
    where.line = error.mark.line + source.first_line;
    where.column = error.mark.column + 1;
  }
  std::string reason = error.msg.empty() ? "invalid YAML" : error.msg;
  throw Error(ErrorCode::parse, "YAML: " + reason, std::move(where));
}

}  // namespace

DataNode read_yaml(const DataSource& source) {
  check_bracket_depth(source, "YAML");  // yaml-cpp recurses once per flow bracket
  try {
    YAML::Node root = YAML::Load(std::string(source.text));
    YAML::Mark start = root.Mark();
    if (start.is_null()) start = YAML::Mark();  // an empty document has no position
    DataNode node = Converter(source).convert(root, {}, start);
    node.line = source.first_line;
    node.column = 1;
    return node;
  } catch (const YAML::Exception& error) {
    throw_parse_error(source, error);
  }
}

}  // namespace folio::detail
