// The query language's parser: the tree it builds, written back as a compact string.
#include <catch2/catch.hpp>

#include "query/query_lexer.hpp"
#include "query/query_parser.hpp"

using namespace folio::detail;

namespace {

// word: [sign]field:text(*partial), phrase: "…", sequence: (a b), any: {a | b}, one: {a ^ b},
// near: <a b/window> or <a b/window ordered>
std::string show(const QueryNode& node) {
  std::string out;
  if (node.sign) out += node.sign;
  if (!node.field.empty()) out += node.field + ":";
  auto children = [&](const char* open, const char* sep, const char* close) {
    out += open;
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      if (i > 0) out += sep;
      out += show(node.children[i]);
    }
    out += close;
  };
  switch (node.kind) {
    case NodeKind::word:
      out += node.text + (node.partial ? "~" : "");
      break;
    case NodeKind::phrase:
      out += "\"" + node.text + "\"";
      break;
    case NodeKind::sequence:
      children("(", " ", ")");
      break;
    case NodeKind::any:
      children("{", " | ", "}");
      break;
    case NodeKind::one:
      children("{", " ^ ", "}");
      break;
    case NodeKind::near:
      children("<", " ", "");
      out += '/';
      out += std::to_string(node.window);
      out += node.ordered ? " ordered>" : ">";
      break;
  }
  return out;
}

}  // namespace

TEST_CASE("query parser: the language as a tree") {
  struct Case {
    const char* query;
    const char* tree;
  };
  const Case cases[] = {
      {"", "()"},
      {"go", "(go~)"},
      {"go ", "(go)"},
      {"go rust ", "(go rust)"},
      {"+go -rust ", "(+go -rust)"},
      {"go AND rust ", "(go rust)"},
      {"go and rust ", "(go and rust)"},
      {"go OR rust ", "({(go) | (rust)})"},
      {"go or rust ", "(go or rust)"},
      {"a b OR c d ", "({(a b) | (c d)})"},
      {"a XOR b ", "({(a) ^ (b)})"},
      {"a OR b XOR c ", "({{(a) | (b)} ^ (c)})"},
      {"go NOT rust ", "(go -rust)"},
      {"go not rust ", "(go not rust)"},
      {"NOT rust ", "(-rust)"},
      {"\"race condition\" ", "(\"race condition\")"},
      {"“curly quotes” ", "(\"curly quotes\")"},
      {"\"unclosed phrase", "(\"unclosed phrase\")"},
      {"title:go tags:\"Backend Language\" ", "(title:go tags:\"Backend Language\")"},
      {"-tags:go ", "(-tags:go)"},
      {"title:(a b) ", "(title:(a b))"},
      {"-(a OR b) c ", "(-({(a) | (b)}) c)"},
      {"(a b) c ", "((a b) c)"},
      {"a (b OR c) ", "(a ({(b) | (c)}))"},
      {"a NEAR b ", "(<a b/10>)"},
      {"a NEAR/3 b NEAR/2 c ", "(<a b c/3>)"},
      {"a ADJ/4 b ", "(<a b/4 ordered>)"},
      {"NEAR b ", "(NEAR b)"},
      {"a NEAR ", "(a NEAR)"},
      {"a NEAR/x b ", "(a NEAR/x b)"},
      {"OR go ", "(OR go)"},
      {"go OR ", "(go OR)"},
      {"go AND ", "(go AND)"},
      {"(go ", "((go))"},
      {"go) rust ", "(go rust)"},
      {")))go", "(go~)"},
      {"date:2025.. go*", "(date:2025.. go*~)"},
      {"http://example.com ", "(http://example.com)"},
      {"title: go ", "(title: go)"},
      {"- + go ", "(- + go)"},
      {"--go ", "(--go)"},
      {"-\"a b\" ", "(-\"a b\")"},
  };
  for (const auto& c : cases) {
    INFO("query: " << c.query);
    CHECK(show(parse_query(c.query)) == c.tree);
  }
}

TEST_CASE("query parser: deep nesting is flattened, never recursed without bound") {
  std::string deep = std::string(100000, '(') + "go" + std::string(100000, ')');
  QueryNode root = parse_query(deep);
  std::string tree = show(root);
  CHECK(tree.find("go") != std::string::npos);
  CHECK(tree.size() < 200);
  ParseOptions shallow;
  shallow.max_depth = 2;
  CHECK(show(parse_query("((a (b)))", shallow)) == "((a b))");
}

TEST_CASE("query lexer: positions, signs, fields and the word being typed") {
  std::vector<QueryToken> tokens = lex_query("+title:go  -\"a b\" (x");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].sign == '+');
  CHECK(tokens[0].field == "title");
  CHECK(tokens[0].text == "go");
  CHECK(tokens[0].raw == "+title:go");
  CHECK(tokens[0].position == 0);
  CHECK(tokens[1].kind == TokenKind::phrase);
  CHECK(tokens[1].sign == '-');
  CHECK(tokens[1].position == 11);
  CHECK(tokens[2].kind == TokenKind::open);
  CHECK(tokens[3].text == "x");
  CHECK(tokens[3].ends_query);
  CHECK_FALSE(lex_query("x ").back().ends_query);
  // A word before closing punctuation is finished: "angle of attack." is a question, not typing.
  for (const char* finished : {"attack.", "why?", "now!", "a, b,", "x;", "y:"}) {
    INFO(finished);
    CHECK_FALSE(lex_query(finished).back().ends_query);
  }
}
