#include "store/facet_codec.hpp"

#include "folio/date.hpp"

namespace folio::detail {
namespace {

constexpr char kFieldSep = '\x1F';
constexpr char kRecordSep = '\x1E';

void append(std::string& out, std::string_view field, std::string_view value) {
  if (value.empty()) return;
  out.append(field);
  out += kFieldSep;
  for (char c : value)
    out += (c == kFieldSep || c == kRecordSep) ? ' ' : c;
  out += kRecordSep;
}

void append_all(std::string& out, std::string_view field, const std::vector<std::string>& values) {
  for (const auto& v : values)
    append(out, field, v);
}

}  // namespace

std::string section_of(const std::string& relative_path) {
  auto slash = relative_path.find('/');
  return slash == std::string::npos ? std::string() : relative_path.substr(0, slash);
}

std::string encode_facets(const Article& article) {
  std::string out;
  append_all(out, "tags", article.tags);
  append_all(out, "categories", article.categories);
  append_all(out, "keywords", article.keywords);
  append_all(out, "authors", article.authors);
  append_all(out, "series", article.series);
  append(out, "section", section_of(article.relative_path));
  append(out, "lang", article.language);
  if (article.date) {
    append(out, "year", std::to_string(year_of(*article.date, article.date_offset_seconds)));
  }
  for (const auto& [name, values] : article.taxonomies)
    append_all(out, name, values);
  return out;
}

void decode_facets(std::string_view packed, const std::function<bool(const FacetEntry&)>& visit) {
  std::size_t pos = 0;
  while (pos < packed.size()) {
    std::size_t end = packed.find(kRecordSep, pos);
    if (end == std::string_view::npos) end = packed.size();
    std::string_view record = packed.substr(pos, end - pos);
    std::size_t sep = record.find(kFieldSep);
    if (sep != std::string_view::npos) {
      if (!visit(FacetEntry{record.substr(0, sep), record.substr(sep + 1)})) return;
    }
    pos = end + 1;
  }
}

namespace {

bool same_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

void decode_distinct_facets(std::string_view packed, std::vector<FacetEntry>& seen,
                            const std::function<void(const FacetEntry&)>& visit) {
  seen.clear();
  decode_facets(packed, [&](const FacetEntry& entry) {
    for (const auto& earlier : seen) {
      if (earlier.field == entry.field && same_ignoring_ascii_case(earlier.value, entry.value)) {
        return true;
      }
    }
    seen.push_back(entry);
    visit(entry);
    return true;
  });
}

}  // namespace folio::detail
