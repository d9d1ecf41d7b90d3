#include "site/config_tree.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/text.hpp"
#include "folio/error.hpp"

namespace folio::detail {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "cannot open the site configuration", SourceLocation{path});
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
  if (content.compare(0, utf8_bom.size(), utf8_bom) == 0) content.erase(0, utf8_bom.size());
  return content;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void lowercase_keys(DataNode& node) {
  node.key = ascii_lower(node.key);
  for (DataNode& child : node.children)
    lowercase_keys(child);
}

}  // namespace

DataNode read_config_tree(const std::string& path) {
  const std::string text = read_text(path);
  const DataSource source{text, path, 1};
  DataNode root;
  if (ends_with(path, ".toml")) {
    root = read_toml(source);
  } else if (ends_with(path, ".json")) {
    root = read_json(source);
  } else {
    root = read_yaml(source);
  }
  if (root.kind == DataKind::null) root.kind = DataKind::table;  // an empty file
  if (root.kind != DataKind::table) {
    throw Error(ErrorCode::parse,
                std::string("the site configuration must be a table of settings, found ") +
                    describe_kind(root.kind),
                SourceLocation{path, 1, 1});
  }
  lowercase_keys(root);
  return root;
}

void merge_tree(DataNode& into, DataNode from) {
  for (DataNode& member : from.children) {
    auto existing = std::find_if(into.children.begin(), into.children.end(),
                                 [&](const DataNode& child) { return child.key == member.key; });
    if (existing == into.children.end()) {
      into.children.push_back(std::move(member));
    } else if (existing->kind == DataKind::table && member.kind == DataKind::table) {
      merge_tree(*existing, std::move(member));
    } else {
      *existing = std::move(member);
    }
  }
}

std::string tree_string(const DataNode& table, std::string_view key, std::string fallback) {
  const DataNode* node = table.find(key);
  return node && node->is_scalar() ? node->text : fallback;
}

bool tree_bool(const DataNode& table, std::string_view key, bool fallback) {
  const DataNode* node = table.find(key);
  if (!node || !node->is_scalar()) return fallback;
  const std::string value = ascii_lower(node->text);
  if (value == "true") return true;
  if (value == "false") return false;
  return fallback;
}

int tree_int(const DataNode& table, std::string_view key, int fallback) {
  const DataNode* node = table.find(key);
  if (!node || node->kind != DataKind::integer) return fallback;
  try {
    return std::stoi(node->text);
  } catch (const std::exception&) {
    return fallback;
  }
}

std::vector<std::string> tree_strings(const DataNode& table, std::string_view key) {
  const DataNode* node = table.find(key);
  std::vector<std::string> values;
  if (!node) return values;
  if (node->kind == DataKind::string) {
    values.push_back(node->text);
  } else if (node->kind == DataKind::array) {
    for (const DataNode& item : node->children)
      if (item.kind == DataKind::string) values.push_back(item.text);
  }
  return values;
}

}  // namespace folio::detail
