// Reads JSON (nlohmann-json, SAX interface) into a DataNode tree. nlohmann-json keeps no positions,
// so a small scan of the text finds where each object key starts; keys arrive in the SAX callbacks
// in the same order as in the text.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "folio/error.hpp"
#include "formats/data_tree.hpp"

namespace folio::detail {
namespace {

struct TextPosition {
  int line = 1;
  int column = 1;
};

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition position;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

// The offset just past the string that opens at `open` (a '"'), or npos when it never closes.
std::size_t skip_string(std::string_view text, std::size_t open) {
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Offsets of every object key: a string followed by optional whitespace and ':'.
std::vector<std::size_t> find_key_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  std::size_t i = 0;
  while ((i = text.find('"', i)) != std::string_view::npos) {
    std::size_t end = skip_string(text, i);
    if (end == std::string_view::npos) break;
    std::size_t next = text.find_first_not_of(" \t\r\n", end);
    if (next != std::string_view::npos && text[next] == ':') offsets.push_back(i);
    i = end;
  }
  return offsets;
}

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(const DataSource& source, std::vector<std::size_t> key_offsets)
      : source_(source), key_offsets_(std::move(key_offsets)), budget_(source, "JSON") {}

  DataNode take_root() { return std::move(root_); }
  const std::string& error_reason() const { return error_reason_; }
  std::size_t error_offset() const { return error_offset_; }

  bool null() override { return add(DataKind::null, {}); }
  bool boolean(bool value) override { return add(DataKind::boolean, value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override {
    return add(DataKind::integer, std::to_string(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return add(DataKind::integer, std::to_string(value));
  }
  bool number_float(number_float_t, const string_t& raw) override {
    return add(DataKind::floating, raw);
  }
  bool string(string_t& value) override { return add(DataKind::string, value); }
  bool binary(binary_t&) override { return add(DataKind::null, {}); }
  bool start_object(std::size_t) override { return open(DataKind::table); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(DataKind::array); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    pending_key_ = name;
    pending_position_ = {};
    if (next_key_ < key_offsets_.size()) {
      pending_position_ = position_of(source_.text, key_offsets_[next_key_++]);
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    error_offset_ = position;
    error_reason_ = error.what();
    return false;
  }

 private:
  DataNode make(DataKind kind, std::string text) {
    DataNode node;
    node.kind = kind;
    node.text = std::move(text);
    if (!stack_.empty() && stack_.back()->kind == DataKind::table) {
      node.key = std::move(pending_key_);
      node.line = pending_position_.line + source_.first_line - 1;
      node.column = pending_position_.column;
    } else if (!stack_.empty()) {
      node.line = stack_.back()->line;
      node.column = stack_.back()->column;
    } else {
      node.line = source_.first_line;
      node.column = 1;
    }
    return node;
  }

  bool add(DataKind kind, std::string text) {
    DataNode node = make(kind, std::move(text));
    budget_.count_value(node.line);
    if (stack_.empty()) {
      root_ = std::move(node);
    } else {
      put(std::move(node));
    }
    return true;
  }

  // Appends a member to the open array or object; in an object, a key given twice keeps its last
  // value, as Hugo (Go's encoding/json) reads JSON front matter.
  DataNode& put(DataNode node) {
    DataNode& parent = *stack_.back();
    if (parent.kind == DataKind::table) {
      auto [at, added] = keys_.back().emplace(node.key, parent.children.size());
      if (!added) return parent.children[at->second] = std::move(node);
    }
    parent.children.push_back(std::move(node));
    return parent.children.back();
  }

  // The budget's error leaves sax_parse as an exception: a deep tree is never built, so it is
  // never destroyed or flattened level by level.
  bool open(DataKind kind) {
    budget_.count_value(stack_.empty() ? source_.first_line : stack_.back()->line);
    budget_.enter(stack_.empty() ? source_.first_line : stack_.back()->line);
    if (stack_.empty()) {
      root_ = make(kind, {});
      stack_.push_back(&root_);
    } else {
      stack_.push_back(&put(make(kind, {})));
    }
    keys_.emplace_back();
    return true;
  }

  bool close() {
    stack_.pop_back();
    keys_.pop_back();
    budget_.leave();
    return true;
  }

  const DataSource& source_;
  std::vector<std::size_t> key_offsets_;
  std::size_t next_key_ = 0;
  DataNode root_;
  std::vector<DataNode*> stack_;  // the open arrays and objects; a parent's children only grow
                                  // after its open child is closed, so the pointers stay valid
  std::vector<std::unordered_map<std::string, std::size_t>> keys_;  // per open object: key -> place
  std::string pending_key_;
  TextPosition pending_position_;
  std::string error_reason_;
  std::size_t error_offset_ = 0;
  DataBudget budget_;
};

// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing
// value - invalid literal; last read: 'tru,'" -> "syntax error while parsing value - ..."
std::string short_reason(const std::string& what) {
  std::size_t bracket = what.find("] ");
  std::string reason = bracket == std::string::npos ? what : what.substr(bracket + 2);
  std::size_t at = reason.find("parse error at line ");
  if (at == 0) {
    std::size_t colon = reason.find(": ");
    if (colon != std::string::npos) reason.erase(0, colon + 2);
  } else if (reason.rfind("parse error: ", 0) == 0) {
    reason.erase(0, 13);
  }
  return reason.empty() ? "invalid JSON" : reason;
}

}  // namespace

DataNode read_json(const DataSource& source) {
  TreeBuilder builder(source, find_key_offsets(source.text));
  bool parsed = nlohmann::json::sax_parse(source.text, &builder);
  if (!parsed) {
    // The offset counts the characters read, so the offending one is the last of them.
    std::size_t offset = builder.error_offset() > 0 ? builder.error_offset() - 1 : 0;
    TextPosition where = position_of(source.text, offset);
    throw Error(ErrorCode::parse, "JSON: " + short_reason(builder.error_reason()),
                SourceLocation{source.path, where.line + source.first_line - 1, where.column});
  }
  return builder.take_root();
}

}  // namespace folio::detail
