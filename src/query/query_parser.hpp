// The folio query language (docs/query-syntax.md) as a tree: words, phrases, field:value pairs,
// AND/OR/XOR/NOT, NEAR/ADJ, +/-, parentheses. Parsing never fails: stray operators become words,
// unbalanced brackets and quotes are closed at the end, nesting deeper than a limit is flattened.
// Field names are not checked here; the query builder resolves them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace folio::detail {

enum class NodeKind {
  word,      // text, maybe with a trailing * (wildcard)
  phrase,    // "text"
  sequence,  // items combined with the default operator (AND), each with its sign
  any,       // OR
  one,       // XOR
  near,      // NEAR/ADJ over words
};

struct QueryNode {
  NodeKind kind = NodeKind::word;
  char sign = 0;      // '+', '-' or 0, inside a sequence
  std::string text;   // word or phrase contents
  std::string raw;    // the token as written (sign and field included)
  std::string field;  // field prefix as written ("title"), empty for none
  std::size_t position = 0;
  bool partial = false;  // the query's last word, typed without a space after it
  int window = 0;        // near: window in words
  bool ordered = false;  // near: ADJ keeps the order
  std::vector<QueryNode> children;
};

struct ParseOptions {
  int max_depth = 16;  // deeper brackets are ignored
};

// The root is always a sequence (possibly empty).
QueryNode parse_query(std::string_view query, const ParseOptions& options = {});

}  // namespace folio::detail
