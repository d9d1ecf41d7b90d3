// A generator's configuration as one data tree: files read with the formats/ readers, keys
// lowercased (Hugo's keys are case-insensitive: digitalgov writes DefaultContentLanguage), later
// files merged over earlier ones table by table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/data_tree.hpp"

namespace folio::detail {

// Reads a .toml, .yaml/.yml or .json file into a tree with lowercased keys. Throws Error{parse}
// naming the file, line and column, or Error{io}.
DataNode read_config_tree(const std::string& path);

// Merges `from` into `into`: a table member of both is merged recursively, any other value of
// `from` replaces the one in `into`.
void merge_tree(DataNode& into, DataNode from);

// Typed lookups that do not throw: a missing key or a value of another kind gives the fallback.
std::string tree_string(const DataNode& table, std::string_view key, std::string fallback = {});
bool tree_bool(const DataNode& table, std::string_view key, bool fallback);
int tree_int(const DataNode& table, std::string_view key, int fallback);
// A list of strings; a single string is a list of one.
std::vector<std::string> tree_strings(const DataNode& table, std::string_view key);

}  // namespace folio::detail
