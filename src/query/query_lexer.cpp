#include "query/query_lexer.hpp"

namespace folio::detail {
namespace {

constexpr std::string_view kLeftCurlyQuote = "\xE2\x80\x9C";
constexpr std::string_view kRightCurlyQuote = "\xE2\x80\x9D";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
// Punctuation that ends a sentence or clause: a word typed before it is finished.
bool is_closing_punctuation(char c) {
  return c == '.' || c == '?' || c == '!' || c == ',' || c == ';' || c == ':';
}
bool is_field_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

class Lexer {
 public:
  explicit Lexer(std::string_view query) : q_(query) {}

  std::vector<QueryToken> run() {
    while (true) {
      skip_spaces();
      if (i_ >= q_.size()) break;
      read_token();
    }
    if (!tokens_.empty() && !q_.empty() && !is_space(q_.back()) &&
        !is_closing_punctuation(q_.back()) && tokens_.back().kind == TokenKind::word) {
      tokens_.back().ends_query = true;
    }
    return std::move(tokens_);
  }

 private:
  std::string_view q_;
  std::size_t i_ = 0;
  std::vector<QueryToken> tokens_;

  void skip_spaces() {
    while (i_ < q_.size() && is_space(q_[i_]))
      ++i_;
  }

  std::size_t quote_length_at(std::size_t at) const {
    if (at >= q_.size()) return 0;
    if (q_[at] == '"') return 1;
    std::string_view rest = q_.substr(at);
    if (rest.starts_with(kLeftCurlyQuote) || rest.starts_with(kRightCurlyQuote)) return 3;
    return 0;
  }

  bool is_word_end(std::size_t at) const {
    return at >= q_.size() || is_space(q_[at]) || q_[at] == '(' || q_[at] == ')' ||
           quote_length_at(at) > 0;
  }

  // A sign applies to a word, a phrase or a bracket written right after it.
  bool can_follow_sign(std::size_t at) const {
    return at < q_.size() && !is_space(q_[at]) && q_[at] != ')' && q_[at] != '+' && q_[at] != '-';
  }

  void read_token() {
    QueryToken token;
    token.position = i_;
    if ((q_[i_] == '+' || q_[i_] == '-') && can_follow_sign(i_ + 1)) token.sign = q_[i_++];
    read_field(token);
    if (std::size_t quote = quote_length_at(i_)) {
      read_phrase(token, quote);
    } else if (q_[i_] == '(') {
      token.kind = TokenKind::open;
      ++i_;
    } else if (q_[i_] == ')') {
      token.kind = TokenKind::close;
      token.sign = 0;
      ++i_;
    } else {
      read_word(token);
    }
    token.raw = std::string(q_.substr(token.position, i_ - token.position));
    tokens_.push_back(std::move(token));
  }

  // "name:" directly followed by something other than a space.
  void read_field(QueryToken& token) {
    std::size_t j = i_;
    while (j < q_.size() && is_field_char(q_[j]))
      ++j;
    if (j == i_ || j + 1 >= q_.size() || q_[j] != ':' || is_space(q_[j + 1])) return;
    if (q_[j + 1] == ')') return;
    token.field = std::string(q_.substr(i_, j - i_));
    i_ = j + 1;
  }

  void read_phrase(QueryToken& token, std::size_t quote) {
    token.kind = TokenKind::phrase;
    i_ += quote;
    std::size_t start = i_;
    while (i_ < q_.size() && quote_length_at(i_) == 0)
      ++i_;
    token.text = std::string(q_.substr(start, i_ - start));
    i_ += quote_length_at(i_);  // 0 when the quote is left open
  }

  void read_word(QueryToken& token) {
    token.kind = TokenKind::word;
    std::size_t start = i_;
    while (!is_word_end(i_))
      ++i_;
    token.text = std::string(q_.substr(start, i_ - start));
  }
};

}  // namespace

std::vector<QueryToken> lex_query(std::string_view query) {
  return Lexer(query).run();
}

}  // namespace folio::detail
