#include "formats/data_tree.hpp"

namespace folio::detail {

const DataNode* DataNode::find(std::string_view name) const noexcept {
  if (kind != DataKind::table) return nullptr;
  for (const DataNode& child : children) {
    if (child.key == name) return &child;
  }
  return nullptr;
}

const char* describe_kind(DataKind kind) noexcept {
  switch (kind) {
    case DataKind::null:
      return "an empty value";
    case DataKind::boolean:
      return "a boolean";
    case DataKind::integer:
      return "an integer";
    case DataKind::floating:
      return "a number";
    case DataKind::string:
      return "a string";
    case DataKind::datetime:
      return "a date";
    case DataKind::array:
      return "a list";
    case DataKind::table:
      return "a table";
  }
  return "a value";
}

}  // namespace folio::detail
