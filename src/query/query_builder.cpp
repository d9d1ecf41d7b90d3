#include "query/query_builder.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "base/text.hpp"
#include "folio/error.hpp"
#include "folio/utf8.hpp"
#include "query/date_filter.hpp"
#include "query/match_all.hpp"

namespace folio::detail {

struct QueryBuilder::Part {
  Xapian::Query query;
  bool stopword = false;
  bool optional = false;        // a short word being typed after others (short_typed_word)
  std::string positional_term;  // a plain single word, for the proximity boost
  Xapian::Query any_part;       // a compound word's words, any of them (see WordQuery)
  std::vector<std::string> part_terms;
};

namespace {

constexpr std::size_t kMinPartialCharacters = 3;

// The last word while typing, one or two letters of an alphabet (not a CJK character, a word of
// its own): too short to expand as a prefix, and as a word it would make "plain l" find the
// handful of articles holding a stray "l". After other words it is left out of the matching until
// it grows, so "plain l" finds what "plain" finds and the next keystrokes only narrow that.
bool short_typed_word(const QueryNode& node) {
  if (node.kind != NodeKind::word || !node.partial) return false;
  if (utf8_length(node.text) >= kMinPartialCharacters) return false;
  return std::none_of(node.text.begin(), node.text.end(),
                      [](char c) { return static_cast<unsigned char>(c) >= 0xE0; });
}

Xapian::Query weightless(Xapian::Query query) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, std::move(query), 0.0);
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return {};
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(op, queries.begin(), queries.end());
}

struct SequenceParts {
  std::vector<Xapian::Query> required;  // +word
  std::vector<Xapian::Query> plain;     // word
  std::vector<Xapian::Query> loose;     // plain, with a compound word as any of its words
  std::vector<Xapian::Query> stop;      // stopwords
  std::vector<Xapian::Query> optional;  // a short word being typed: the query only when alone
  std::vector<Xapian::Query> excluded;  // -word
};

// All words required; stopwords only when nothing else is there.
Xapian::Query all_required(const SequenceParts& parts) {
  std::vector<Xapian::Query> must = parts.required;
  must.insert(must.end(), parts.plain.begin(), parts.plain.end());
  Xapian::Query query;
  if (must.empty() && parts.stop.empty()) {
    query = combine(Xapian::Query::OP_AND, parts.optional);
  } else if (must.empty()) {
    query = combine(Xapian::Query::OP_AND, parts.stop);
  } else {
    query = combine(Xapian::Query::OP_AND, must);
    if (!parts.stop.empty()) {
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                            combine(Xapian::Query::OP_OR, parts.stop));
    }
  }
  return query;
}

Xapian::Query without_excluded(Xapian::Query query, const SequenceParts& parts) {
  if (parts.excluded.empty()) return query;
  if (query.empty()) query = match_all();
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                       combine(Xapian::Query::OP_OR, parts.excluded));
}

void add_plain(SequenceParts& parts, Xapian::Query query, Xapian::Query any_part) {
  parts.loose.push_back(any_part.empty() ? query : std::move(any_part));
  parts.plain.push_back(std::move(query));
}

// A query without quotes, brackets, signs, field names, wildcards or operators is a sequence of
// plain words: read as text, it has the words its parse has.
bool reads_as_plain_words(std::string_view query) {
  if (query.find_first_of("\"():*+-") != std::string_view::npos) return false;
  if (query.find("\xE2\x80\x9C") != std::string_view::npos) return false;  // a curly quote
  for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
    if (query.find(op) != std::string_view::npos) return false;
  }
  return true;
}

// Optional words ORed (ranked by how many and how rare), +words still required. A compound word
// ("boundary-layer") counts here as any of its words: a document about the "boundary layers" of
// "wings" is a good partial match for "boundary-layer wing pressure", though not the phrase.
Xapian::Query best_partial(const SequenceParts& parts) {
  if (parts.plain.empty() || parts.plain.size() + parts.required.size() < 2) return {};
  Xapian::Query any = combine(Xapian::Query::OP_OR, parts.loose);
  if (parts.required.empty()) return any;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, combine(Xapian::Query::OP_AND, parts.required),
                       any);
}

}  // namespace

QueryBuilder::QueryBuilder(WordExpander& words, const FieldCatalog& fields, FieldPolicy policy)
    : words_(words), fields_(fields), policy_(policy) {}

BuiltQuery QueryBuilder::build(const QueryNode& root, std::string_view query_text) {
  BuiltQuery built;
  out_ = &built;
  replacements_.clear();
  typing_completion_.clear();
  typing_short_.clear();
  QueryNode readable = root;
  if (policy_ == FieldPolicy::lenient) read_unknown_fields_as_words(readable);
  build_root(readable);
  std::string typed;
  collect_typed_text(readable, typed);
  built.typed_words = words_.terms_of(typed);
  // Titles are read for the most frequent word the last one starts when it does not lead them:
  // "acce" ranks as "access" would, and "acc" does not put "ACC" first.
  if (!typing_completion_.empty() && !built.typed_words.empty()) {
    built.typed_words.back() = typing_completion_;
  }
  // A short word being typed after others (short_typed_word) is read in titles only when a title
  // holds it beside them: "Contact Us" typed in full finds its page first, while "plain l" ranks
  // titles as "plain" does.
  if (!typing_short_.empty() && built.typed_words.size() > 1 &&
      built.typed_words.back() == typing_short_ && !words_.one_title_holds(built.typed_words)) {
    built.typed_words.pop_back();
  }
  built.literal_words =
      reads_as_plain_words(query_text) ? built.typed_words : words_.terms_of(query_text);
  built.corrected_query = apply_replacements(query_text);
  out_ = nullptr;
  return built;
}

void QueryBuilder::reject(const QueryNode& node, const std::string& reason) const {
  int column = static_cast<int>(node.position) + 1;
  throw Error(ErrorCode::invalid_query, reason + " at column " + std::to_string(column),
              SourceLocation{"", 1, column})
      .with_param("query");
}

// Written as a date but not one (date:2025-02-30, date:2026-02..2025): read as words, it would
// match nearly everything, so even a lenient query refuses it.
void QueryBuilder::reject_impossible_date(const QueryNode& node) const {
  std::string problem = date_range_problem(node.text);
  if (!problem.empty()) reject(node, node.field + ": " + problem);
}

std::optional<FieldSpec> QueryBuilder::resolve_field(const QueryNode& node,
                                                     const std::optional<FieldSpec>& inherited,
                                                     bool& unknown) {
  unknown = false;
  if (node.field.empty()) return inherited;
  auto spec = fields_.find(node.field);
  if (!spec) {
    if (policy_ == FieldPolicy::strict) reject(node, "unknown field '" + node.field + "'");
    unknown = true;
  }
  return spec;
}

bool QueryBuilder::is_readable_field(const QueryNode& node) const {
  if (node.field.empty()) return true;
  auto field = fields_.find(node.field);
  if (!field) return false;
  switch (field->kind) {
    case FieldKind::text:
      return true;
    case FieldKind::date:  // a date that does not exist is read as one, to be refused
      return parse_date_range(field->name, node.text).has_value() ||
             !date_range_problem(node.text).empty();
    case FieldKind::filter:
      return !filter_term(*field, node.text).empty();
  }
  return true;
}

// "foo:bar", "http://x.org", "date:yesterday": the words of the token, each a plain word in the
// enclosing sequence (so that the best-partial-matches fallback can drop some of them).
void QueryBuilder::read_unknown_fields_as_words(QueryNode& node) {
  for (auto& child : node.children)
    read_unknown_fields_as_words(child);
  std::vector<QueryNode> children;
  for (auto& child : node.children) {
    bool leaf = child.kind == NodeKind::word || child.kind == NodeKind::phrase;
    if (!leaf || is_readable_field(child)) {
      children.push_back(std::move(child));
      continue;
    }
    std::string_view raw = child.raw;
    if (child.sign != 0 && !raw.empty() && raw.front() == child.sign) raw.remove_prefix(1);
    QueryNode words;
    words.kind = NodeKind::sequence;
    words.sign = child.sign;
    std::vector<std::string> terms = words_.terms_of(raw);
    for (std::size_t i = 0; i < terms.size(); ++i) {
      QueryNode word;
      word.kind = NodeKind::word;
      word.text = terms[i];  // raw stays empty: no "did you mean" offsets for these
      word.position = child.position;
      word.partial = child.partial && i + 1 == terms.size();
      words.children.push_back(std::move(word));
    }
    if (node.kind == NodeKind::sequence && words.sign == 0) {
      for (auto& word : words.children)
        children.push_back(std::move(word));
    } else {
      children.push_back(std::move(words));
    }
  }
  node.children = std::move(children);
}

// The token read as plain text, field name and all ("http://x", "foo:bar").
QueryBuilder::Part QueryBuilder::plain_reading(const QueryNode& node) {
  std::string_view raw = node.raw;
  if (!raw.empty() && (raw.front() == '+' || raw.front() == '-') && node.sign == raw.front()) {
    raw.remove_prefix(1);
  }
  Part part;
  part.query = words_.phrase(raw, "", out_->highlights);
  return part;
}

QueryBuilder::Part QueryBuilder::text_leaf(const QueryNode& node, const std::string& prefix) {
  Part part;
  if (node.kind == NodeKind::phrase) {
    part.query = words_.phrase(node.text, prefix, out_->highlights);
    return part;
  }
  WordMode mode = WordMode::exact;
  if (node.text.size() > 1 && node.text.back() == '*') {
    mode = WordMode::wildcard;
  } else if (node.partial && utf8_length(node.text) >= kMinPartialCharacters) {
    mode = WordMode::partial;
  }
  WordQuery word = words_.word(node.text, prefix, mode, out_->highlights);
  part.query = std::move(word.query);
  part.stopword = word.stopword;
  part.optional = short_typed_word(node);
  if (!word.completion.empty()) typing_completion_ = word.completion;
  if (part.optional) typing_short_ = word.positional_term;
  part.any_part = std::move(word.any_part);
  if (prefix.empty()) {
    part.positional_term = word.positional_term;
    part.part_terms = std::move(word.part_terms);
  }
  if (!word.correction.empty()) out_->corrections_applied = true;
  if (!word.suggestion.empty() && node.raw.size() >= node.text.size()) {
    std::size_t offset = node.position + node.raw.size() - node.text.size();
    replacements_.push_back({offset, node.text.size(), word.suggestion});
  }
  return part;
}

QueryBuilder::Part QueryBuilder::leaf(const QueryNode& node,
                                      const std::optional<FieldSpec>& inherited) {
  bool unknown = false;
  std::optional<FieldSpec> field = resolve_field(node, inherited, unknown);
  if (unknown) return plain_reading(node);
  if (!field || field->kind == FieldKind::text) {
    return text_leaf(node, field ? field->prefix : std::string());
  }
  Part part;
  if (field->kind == FieldKind::date) {
    auto range = parse_date_range(field->name, node.text);
    if (!range) {
      reject_impossible_date(node);
      if (policy_ == FieldPolicy::strict) reject(node, "unreadable date range '" + node.text + "'");
      return plain_reading(node);
    }
    part.query = date_range_query(*range);
    return part;
  }
  std::string term = filter_term(*field, node.text);
  if (term.empty()) {
    if (policy_ == FieldPolicy::strict) {
      reject(node, "unreadable " + field->name + " value '" + node.text + "'");
    }
    return plain_reading(node);
  }
  part.query = weightless(Xapian::Query(term));
  return part;
}

// A part of a sequence. An excluded part's words are not highlighted: no hit shows them, and a
// query of excluded words alone is then one without words, listed newest first like an empty one.
QueryBuilder::Part QueryBuilder::child_part(const QueryNode& child,
                                            const std::optional<FieldSpec>& inherited) {
  std::optional<HighlightTerms> before;
  if (child.sign == '-') before = out_->highlights;
  Part part;
  if (child.kind == NodeKind::word || child.kind == NodeKind::phrase) {
    part = leaf(child, inherited);
  } else {
    part.query = node_query(child, inherited);
  }
  if (before) out_->highlights = std::move(*before);
  return part;
}

Xapian::Query QueryBuilder::sequence_query(const QueryNode& node,
                                           const std::optional<FieldSpec>& inherited) {
  SequenceParts parts;
  for (const auto& child : node.children) {
    Part part = child_part(child, inherited);
    if (part.query.empty()) continue;
    if (child.sign == '-') {
      parts.excluded.push_back(std::move(part.query));
    } else if (child.sign == '+') {
      parts.required.push_back(std::move(part.query));
    } else if (part.optional) {
      parts.optional.push_back(std::move(part.query));
    } else if (part.stopword) {
      parts.stop.push_back(std::move(part.query));
    } else {
      add_plain(parts, std::move(part.query), std::move(part.any_part));
    }
  }
  return without_excluded(all_required(parts), parts);
}

Xapian::Query QueryBuilder::node_query(const QueryNode& node,
                                       const std::optional<FieldSpec>& inherited) {
  switch (node.kind) {
    case NodeKind::word:
    case NodeKind::phrase:
      return leaf(node, inherited).query;
    case NodeKind::sequence: {
      bool unknown = false;
      std::optional<FieldSpec> field = resolve_field(node, inherited, unknown);
      return sequence_query(node, unknown ? std::nullopt : field);
    }
    case NodeKind::any:
    case NodeKind::one: {
      std::vector<Xapian::Query> children;
      for (const auto& child : node.children) {
        Xapian::Query query = node_query(child, inherited);
        if (!query.empty()) children.push_back(std::move(query));
      }
      return combine(node.kind == NodeKind::any ? Xapian::Query::OP_OR : Xapian::Query::OP_XOR,
                     children);
    }
    case NodeKind::near: {
      std::vector<std::string> texts;
      for (const auto& child : node.children)
        texts.push_back(child.text);
      std::string prefix;
      if (inherited && inherited->kind == FieldKind::text) prefix = inherited->prefix;
      return words_.near(texts, prefix, static_cast<Xapian::termcount>(node.window), node.ordered,
                         out_->highlights);
    }
  }
  return {};
}

// A top-level field:value whose field is a filter or a date becomes a structured filter.
bool QueryBuilder::take_filter(const QueryNode& node) {
  if (node.field.empty() || (node.kind != NodeKind::word && node.kind != NodeKind::phrase)) {
    return false;
  }
  auto field = fields_.find(node.field);
  if (!field || field->kind == FieldKind::text) return false;
  if (field->kind == FieldKind::date) {
    if (node.sign == '-') return false;  // an excluded range stays in the text query
    auto range = parse_date_range(field->name, node.text);
    if (!range) {
      reject_impossible_date(node);
      return false;
    }
    out_->date_ranges.push_back(std::move(*range));
    return true;
  }
  if (filter_term(*field, node.text).empty()) return false;
  FilterMode mode = node.sign == '-' ? FilterMode::none : FilterMode::any;
  auto same = std::find_if(out_->filters.begin(), out_->filters.end(), [&](const FieldFilter& f) {
    return f.field == field->name && f.mode == mode;
  });
  if (same == out_->filters.end()) {
    out_->filters.push_back(FieldFilter{field->name, {node.text}, mode});
  } else {
    same->values.push_back(node.text);
  }
  return true;
}

void QueryBuilder::build_root(const QueryNode& root) {
  if (root.kind != NodeKind::sequence) {
    out_->all_words = node_query(root, std::nullopt);
    return;
  }
  SequenceParts parts;
  for (const auto& child : root.children) {
    if (take_filter(child)) continue;
    Part part = child_part(child, std::nullopt);
    if (part.query.empty()) continue;
    if (child.sign == '-') {
      parts.excluded.push_back(std::move(part.query));
      continue;
    }
    if (!part.positional_term.empty() && !part.stopword && !part.optional) {
      out_->proximity_terms.push_back(part.positional_term);
    }
    for (const auto& term : part.part_terms)
      out_->proximity_terms.push_back(term);
    if (child.sign == '+') {
      parts.required.push_back(std::move(part.query));
    } else if (part.optional) {
      parts.optional.push_back(std::move(part.query));
    } else if (part.stopword) {
      parts.stop.push_back(std::move(part.query));
    } else {
      add_plain(parts, std::move(part.query), std::move(part.any_part));
    }
  }
  out_->all_words = all_required(parts);
  if (out_->all_words.empty() && !parts.excluded.empty()) out_->all_words = match_all();
  out_->all_words = without_excluded(out_->all_words, parts);
  Xapian::Query partial = best_partial(parts);
  if (!partial.empty()) out_->best_partial = without_excluded(partial, parts);
}

// The text of every word and phrase that is not excluded, a filter or a wildcard, space-separated
// (tokenised once, by the caller).
void QueryBuilder::collect_typed_text(const QueryNode& node, std::string& text) const {
  if (node.sign == '-') return;
  if (node.kind != NodeKind::word && node.kind != NodeKind::phrase) {
    for (const auto& child : node.children)
      collect_typed_text(child, text);
    return;
  }
  if (!node.field.empty()) {
    auto field = fields_.find(node.field);
    if (field && field->kind != FieldKind::text) return;  // a filter or a date
  }
  if (node.kind == NodeKind::word && node.text.size() > 1 && node.text.back() == '*') return;
  text += node.text;
  text += ' ';
}

std::string QueryBuilder::apply_replacements(std::string_view query_text) const {
  if (replacements_.empty()) return {};
  std::vector<Replacement> sorted = replacements_;
  std::sort(sorted.begin(), sorted.end(),
            [](const Replacement& a, const Replacement& b) { return a.offset < b.offset; });
  std::string out;
  std::size_t at = 0;
  for (const auto& r : sorted) {
    if (r.offset < at || r.offset + r.length > query_text.size()) continue;
    out.append(query_text.substr(at, r.offset - at));
    out += r.text;
    at = r.offset + r.length;
  }
  out.append(query_text.substr(std::min(at, query_text.size())));
  return out;
}

}  // namespace folio::detail
