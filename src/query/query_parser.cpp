#include "query/query_parser.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>

#include "query/query_lexer.hpp"

namespace folio::detail {
namespace {

enum class Operator { none, and_, or_, xor_, not_, near, adj };

struct NearOperator {
  bool ordered = false;
  int window = 10;
};

// NEAR, NEAR/n, ADJ, ADJ/n (upper case only).
std::optional<NearOperator> near_operator(std::string_view word) {
  NearOperator op;
  std::string_view rest;
  if (word.starts_with("NEAR")) {
    rest = word.substr(4);
  } else if (word.starts_with("ADJ")) {
    op.ordered = true;
    rest = word.substr(3);
  } else {
    return std::nullopt;
  }
  if (rest.empty()) return op;
  if (rest[0] != '/' || rest.size() < 2) return std::nullopt;
  int window = 0;
  auto [end, error] = std::from_chars(rest.data() + 1, rest.data() + rest.size(), window);
  if (error != std::errc() || end != rest.data() + rest.size()) return std::nullopt;
  op.window = std::clamp(window, 1, 100);
  return op;
}

Operator operator_of(const QueryToken& token) {
  if (token.kind != TokenKind::word || token.sign != 0 || !token.field.empty()) {
    return Operator::none;
  }
  const std::string& w = token.text;
  if (w == "AND") return Operator::and_;
  if (w == "OR") return Operator::or_;
  if (w == "XOR") return Operator::xor_;
  if (w == "NOT") return Operator::not_;
  if (auto near = near_operator(w)) return near->ordered ? Operator::adj : Operator::near;
  return Operator::none;
}

QueryNode leaf_from(const QueryToken& token) {
  QueryNode node;
  node.kind = token.kind == TokenKind::phrase ? NodeKind::phrase : NodeKind::word;
  node.sign = token.sign;
  node.text = token.text;
  node.raw = token.raw;
  node.field = token.field;
  node.position = token.position;
  node.partial = token.ends_query;
  return node;
}

QueryNode make_sequence() {
  QueryNode node;
  node.kind = NodeKind::sequence;
  return node;
}

class Parser {
 public:
  Parser(std::vector<QueryToken> tokens, const ParseOptions& options)
      : tokens_(std::move(tokens)), options_(options) {}

  QueryNode parse_top() {
    QueryNode root = make_sequence();
    while (!at_end()) {
      append_flattened(root, parse_or(0));
      if (!at_end() && peek().kind == TokenKind::close) ++i_;  // a stray ')'
    }
    return root;
  }

 private:
  std::vector<QueryToken> tokens_;
  ParseOptions options_;
  std::size_t i_ = 0;

  bool at_end() const { return i_ >= tokens_.size(); }
  const QueryToken& peek(std::size_t ahead = 0) const { return tokens_[i_ + ahead]; }
  bool has(std::size_t ahead) const { return i_ + ahead < tokens_.size(); }

  static void append_flattened(QueryNode& sequence, QueryNode node) {
    if (node.kind == NodeKind::sequence && node.sign == 0 && node.field.empty()) {
      for (auto& child : node.children)
        sequence.children.push_back(std::move(child));
    } else {
      sequence.children.push_back(std::move(node));
    }
  }

  // Can the token after the current one start an operand?
  bool operand_follows(std::size_t ahead) const {
    return has(ahead) && peek(ahead).kind != TokenKind::close;
  }

  static bool is_or_like(Operator op) { return op == Operator::or_ || op == Operator::xor_; }

  // OR and XOR, left to right: "a OR b XOR c" is (a OR b) XOR c.
  QueryNode parse_or(int depth) {
    QueryNode left = parse_sequence(depth);
    while (!at_end() && is_or_like(operator_of(peek())) && operand_follows(1)) {
      NodeKind kind = operator_of(peek()) == Operator::or_ ? NodeKind::any : NodeKind::one;
      ++i_;
      QueryNode right = parse_sequence(depth);
      if (left.kind != kind) {
        QueryNode node;
        node.kind = kind;
        node.children.push_back(std::move(left));
        left = std::move(node);
      }
      left.children.push_back(std::move(right));
    }
    return left;
  }

  // Items joined by the default operator, AND, NOT; stops before OR/XOR, ')' and the end.
  QueryNode parse_sequence(int depth) {
    QueryNode sequence = make_sequence();
    char pending_sign = 0;
    while (!at_end()) {
      const QueryToken& token = peek();
      if (token.kind == TokenKind::close) break;
      Operator op = operator_of(token);
      bool between = !sequence.children.empty() && operand_follows(1);
      if (is_or_like(op) && between) break;
      if (op == Operator::and_ && between) {
        ++i_;
        continue;
      }
      if (op == Operator::not_ && operand_follows(1)) {
        pending_sign = '-';
        ++i_;
        continue;
      }
      QueryNode item = parse_near(depth);
      if (pending_sign != 0) item.sign = pending_sign;
      pending_sign = 0;
      if (item.kind == NodeKind::sequence && item.children.empty()) continue;
      sequence.children.push_back(std::move(item));
    }
    return sequence;
  }

  QueryNode parse_near(int depth) {
    QueryNode first = parse_primary(depth);
    if (first.kind != NodeKind::word || !first.field.empty()) return first;
    QueryNode node;
    while (!at_end() && has(1) && peek(1).kind == TokenKind::word && peek(1).field.empty() &&
           peek(1).sign == 0 && operator_of(peek(1)) == Operator::none) {
      Operator op = operator_of(peek());
      if (op != Operator::near && op != Operator::adj) break;
      NearOperator near = *near_operator(peek().text);
      if (node.children.empty()) {
        node.kind = NodeKind::near;
        node.sign = first.sign;
        node.position = first.position;
        node.ordered = near.ordered;
        node.window = near.window;
        first.sign = 0;
        node.children.push_back(std::move(first));
      }
      node.window = std::max(node.window, near.window);
      node.ordered = node.ordered && near.ordered;
      ++i_;
      QueryNode next = leaf_from(peek());
      ++i_;
      node.children.push_back(std::move(next));
    }
    if (node.children.empty()) return first;
    node.window = std::max<int>(node.window, static_cast<int>(node.children.size()));
    return node;
  }

  QueryNode parse_primary(int depth) {
    const QueryToken& token = peek();
    if (token.kind != TokenKind::open) {
      ++i_;
      return leaf_from(token);
    }
    QueryToken open = token;
    ++i_;
    if (depth + 1 >= options_.max_depth) return make_sequence();  // flattened: brackets ignored
    QueryNode group = parse_or(depth + 1);
    if (!at_end() && peek().kind == TokenKind::close) ++i_;
    if (group.kind != NodeKind::sequence) {
      QueryNode wrapper = make_sequence();
      wrapper.children.push_back(std::move(group));
      group = std::move(wrapper);
    }
    group.sign = open.sign;
    group.field = open.field;
    group.position = open.position;
    group.raw = open.raw;
    return group;
  }
};

}  // namespace

QueryNode parse_query(std::string_view query, const ParseOptions& options) {
  return Parser(lex_query(query), options).parse_top();
}

}  // namespace folio::detail
