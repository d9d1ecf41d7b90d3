#include "folio_api/params.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "folio/date.hpp"
#include "folio/utf8.hpp"
#include "folio_api/api_error.hpp"

namespace folio::api {
namespace {

constexpr std::size_t kMaxParams = 100;
constexpr std::size_t kMaxListValues = 32;
constexpr std::size_t kMaxValueLength = 256;  // one filter value, in characters
constexpr int kMaxSnippetLength = 1000;
constexpr int kMaxFacetLimit = 100;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

enum class PlusMeans { plus, space };

// Strict percent-decoding: every '%' must start a two-digit hex escape.
std::optional<std::string> percent_decode(std::string_view text, PlusMeans plus) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_digit(text[i + 1]);
      const int low = hex_digit(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus == PlusMeans::space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool is_clean_text(std::string_view text) {
  return text.find('\0') == std::string_view::npos && is_valid_utf8(text);
}

// The name used in error messages for a parameter whose name itself is broken.
std::string printable_name(std::string_view raw_name) {
  auto decoded = percent_decode(raw_name, PlusMeans::space);
  if (decoded && is_clean_text(*decoded) && decoded->size() <= 64) return *decoded;
  return "query";
}

QueryParam decode_pair(std::string_view pair) {
  const auto equals = pair.find('=');
  const std::string_view raw_name = pair.substr(0, equals);
  const std::string_view raw_value =
      equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
  auto name = percent_decode(raw_name, PlusMeans::space);
  if (!name || !is_clean_text(*name)) {
    throw bad_parameter(printable_name(raw_name),
                        "bad percent-encoding or UTF-8 in a parameter name");
  }
  auto value = percent_decode(raw_value, PlusMeans::space);
  if (!value) throw bad_parameter(*name, *name + ": bad percent-encoding");
  if (value->find('\0') != std::string::npos) {
    throw bad_parameter(*name, *name + ": NUL bytes are not allowed");
  }
  if (!is_valid_utf8(*value)) throw bad_parameter(*name, *name + ": not valid UTF-8");
  return QueryParam{std::move(*name), std::move(*value)};
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    const auto comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    while (!part.empty() && part.front() == ' ')
      part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ')
      part.remove_suffix(1);
    if (!part.empty()) parts.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return parts;
}

std::string range_message(std::string_view name, int min, int max) {
  return std::string(name) + " must be a whole number from " + std::to_string(min) + " to " +
         std::to_string(max);
}

// "YYYY-MM-DD" -> midnight UTC; nullopt for anything else (including impossible days).
std::optional<Timestamp> parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::array<std::pair<std::size_t, std::size_t>, 3> spans = {{{0, 4}, {5, 2}, {8, 2}}};
  for (std::size_t k = 0; k < 3; ++k) {
    const auto [from, length] = spans[k];
    const char* first = text.data() + from;
    const auto [end, ec] = std::from_chars(first, first + length, parts[k]);
    if (ec != std::errc{} || end != first + length) return std::nullopt;
  }
  const int year = parts[0], month = parts[1], day = parts[2];
  if (year < 1 || month < 1 || month > 12 || day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days_in_month = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > days_in_month) return std::nullopt;
  const auto days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return static_cast<Timestamp>(days) * 86400;
}

std::optional<SortOrder> parse_sort(std::string_view text) {
  if (text == "relevance") return SortOrder::relevance;
  if (text == "newest") return SortOrder::newest;
  if (text == "oldest") return SortOrder::oldest;
  if (text == "recent") return SortOrder::recent;
  return std::nullopt;
}

// Filter parameters: the name in the URL (both spellings) -> the field the Searcher knows.
struct FilterName {
  std::string_view param;
  std::string_view field;
};
constexpr FilterName kFilterNames[] = {
    {"tags", "tags"},           {"tag", "tags"},         {"categories", "categories"},
    {"category", "categories"}, {"authors", "authors"},  {"author", "authors"},
    {"keywords", "keywords"},   {"keyword", "keywords"}, {"series", "series"},
    {"section", "section"},     {"lang", "lang"},        {"year", "year"},
    {"month", "month"},
};

std::optional<std::string_view> canonical_field(std::string_view name,
                                                const SearchParamRules& rules) {
  for (const auto& entry : kFilterNames) {
    if (entry.param == name) return entry.field;
  }
  for (const auto& taxonomy : rules.taxonomies) {
    if (taxonomy == name) return std::string_view(taxonomy);
  }
  return std::nullopt;
}

void check_numeric_values(std::string_view name, const std::vector<std::string>& values, int min,
                          int max) {
  for (const auto& value : values) {
    int number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size() || number < min || number > max) {
      throw bad_parameter(std::string(name), range_message(name, min, max));
    }
  }
}

void add_filters(const QueryParams& params, const SearchParamRules& rules, SearchRequest& request) {
  for (const auto& item : params.items()) {
    const auto field = canonical_field(item.name, rules);
    if (!field) continue;
    auto existing = std::find_if(request.filters.begin(), request.filters.end(),
                                 [&](const FieldFilter& f) { return f.field == *field; });
    if (existing != request.filters.end()) continue;  // every spelling is collected below
    FieldFilter filter{std::string(*field), {}, FilterMode::any};
    for (const auto& entry : kFilterNames) {
      if (entry.field != *field) continue;
      for (auto& value : params.list(entry.param))
        filter.values.push_back(std::move(value));
    }
    if (filter.values.empty()) filter.values = params.list(item.name);  // a taxonomy
    if (filter.values.empty()) continue;
    if (filter.values.size() > kMaxListValues) {
      throw bad_parameter(item.name,
                          item.name + ": at most " + std::to_string(kMaxListValues) + " values");
    }
    for (const auto& value : filter.values) {
      if (utf8_length(value) > kMaxValueLength) {
        throw bad_parameter(item.name, item.name + ": a value is longer than " +
                                           std::to_string(kMaxValueLength) + " characters");
      }
    }
    if (filter.field == "year") check_numeric_values(item.name, filter.values, 1, 9999);
    if (filter.field == "month") check_numeric_values(item.name, filter.values, 1, 12);
    request.filters.push_back(std::move(filter));
  }
}

void add_date_range(const QueryParams& params, SearchRequest& request) {
  DateRange range;
  if (auto from = params.single("from")) {
    range.from = parse_day(*from);
    if (!range.from) throw bad_parameter("from", "from must be a date, YYYY-MM-DD");
  }
  if (auto to = params.single("to")) {
    const auto day = parse_day(*to);
    if (!day) throw bad_parameter("to", "to must be a date, YYYY-MM-DD");
    range.to = *day + 86399;  // inclusive: the whole day
  }
  if (range.from && range.to && *range.from > *range.to) {
    throw bad_parameter("to", "to is before from");
  }
  if (range.from || range.to) request.date_ranges.push_back(range);
}

}  // namespace

QueryParams QueryParams::parse(std::string_view raw_query) {
  QueryParams params;
  while (!raw_query.empty()) {
    const auto amp = raw_query.find('&');
    const std::string_view pair = raw_query.substr(0, amp);
    if (!pair.empty()) {
      if (params.items_.size() == kMaxParams) {
        throw bad_parameter("query", "more than " + std::to_string(kMaxParams) + " parameters");
      }
      params.items_.push_back(decode_pair(pair));
    }
    if (amp == std::string_view::npos) break;
    raw_query.remove_prefix(amp + 1);
  }
  return params;
}

std::optional<std::string_view> QueryParams::single(std::string_view name) const {
  std::optional<std::string_view> found;
  bool seen = false;
  for (const auto& item : items_) {
    if (item.name != name) continue;
    if (seen) throw bad_parameter(std::string(name), std::string(name) + " may appear only once");
    seen = true;
    if (!item.value.empty()) found = item.value;
  }
  return found;
}

std::vector<std::string> QueryParams::list(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& item : items_) {
    if (item.name != name) continue;
    for (auto& part : split_commas(item.value))
      values.push_back(std::move(part));
  }
  return values;
}

int QueryParams::integer(std::string_view name, int fallback, int min, int max) const {
  const auto text = single(name);
  if (!text) return fallback;
  // Digits only: no sign, no spaces, no leading '+', at most 9 of them (no overflow).
  const bool digits_only =
      std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
  int value = 0;
  if (digits_only && text->size() <= 9) {
    std::from_chars(text->data(), text->data() + text->size(), value);
  }
  if (!digits_only || text->size() > 9 || value < min || value > max) {
    throw bad_parameter(std::string(name), range_message(name, min, max));
  }
  return value;
}

RequestTarget split_target(std::string_view target) {
  const auto question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  auto path = percent_decode(raw_path, PlusMeans::plus);
  if (!path) throw bad_parameter("path", "bad percent-encoding in the path");
  if (!is_clean_text(*path))
    throw bad_parameter("path", "the path is not valid UTF-8 or holds NUL");
  RequestTarget out{std::move(*path), {}};
  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    query = query.substr(0, query.find('#'));
    out.query = std::string(query);
  }
  return out;
}

std::string parse_query_text(const QueryParams& params, const SearchSettings& settings) {
  std::string text(params.single("q").value_or(""));
  if (utf8_length(text) > settings.max_query_length) {
    throw bad_parameter(
        "q", "q is longer than " + std::to_string(settings.max_query_length) + " characters");
  }
  return text;
}

std::optional<std::vector<std::string>> parse_facet_fields(const QueryParams& params,
                                                           std::string_view name,
                                                           const SearchParamRules& rules) {
  const auto text = params.single(name);
  if (!text) return std::nullopt;
  std::vector<std::string> fields;
  if (*text == "none") return fields;
  for (const auto& part : split_commas(*text)) {
    const auto field = canonical_field(part, rules);
    if (!field) throw bad_parameter(std::string(name), "unknown facet field: " + part);
    if (std::find(fields.begin(), fields.end(), *field) == fields.end()) {
      fields.emplace_back(*field);
    }
  }
  return fields;
}

namespace {

// `locale`: the reader's language (BCP 47 as <html lang> has it: "de", "pt-BR", "zh-Hant"),
// lowercased; its articles rank first. `lang` is the filter.
std::string parse_locale(const QueryParams& params) {
  std::string locale(params.single("locale").value_or(""));
  bool well_formed = locale.size() <= 35;
  for (char& c : locale) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      well_formed = false;
  }
  if (!well_formed) {
    throw bad_parameter("locale", "locale must be a language tag such as de or pt-BR");
  }
  return locale;
}

}  // namespace

SearchRequest parse_search_request(const QueryParams& params, const SearchParamRules& rules) {
  const SearchSettings& settings = *rules.settings;
  SearchRequest request;
  request.query = parse_query_text(params, settings);
  add_filters(params, rules, request);
  add_date_range(params, request);
  if (auto sort = params.single("sort")) {
    const auto order = parse_sort(*sort);
    if (!order) throw bad_parameter("sort", "sort must be relevance, newest, oldest or recent");
    request.sort = *order;
  }
  request.language = parse_locale(params);
  request.page = params.integer("page", 1, 1, settings.max_page);
  request.page_size =
      params.integer("per_page", settings.default_page_size, 1, settings.max_page_size);
  request.snippet_length = params.integer("snippet", settings.snippet_length, 0, kMaxSnippetLength);
  const int facet_limit = params.integer("facet_limit", kDefaultFacetLimit, 1, kMaxFacetLimit);
  if (auto fields = parse_facet_fields(params, "facets", rules)) {
    for (auto& field : *fields)
      request.facets.push_back(FacetRequest{std::move(field), facet_limit});
  } else {
    request.facets = default_facets(facet_limit);
  }
  request.highlight_start = settings.highlight_start;
  request.highlight_end = settings.highlight_end;
  return request;
}

}  // namespace folio::api
