#include "query/search_fields.hpp"

#include <algorithm>
#include <array>

#include "base/text.hpp"
#include "folio/schema.hpp"

namespace folio::detail {
namespace {

struct FixedField {
  std::string_view name;
  std::string_view alias;
  FieldKind kind;
  std::string_view prefix;
  unsigned slot;
  bool facet;
};

constexpr std::array kFixedFields = {
    FixedField{"title", "", FieldKind::text, schema::kTitle, 0, false},
    FixedField{"description", "summary", FieldKind::text, schema::kDescription, 0, false},
    FixedField{"heading", "headings", FieldKind::text, schema::kHeading, 0, false},
    FixedField{"body", "text", FieldKind::text, "", 0, false},
    FixedField{"code", "", FieldKind::text, schema::kCode, 0, false},
    FixedField{"tags", "tag", FieldKind::filter, schema::kTag, 0, true},
    FixedField{"categories", "category", FieldKind::filter, schema::kCategory, 0, true},
    FixedField{"keywords", "keyword", FieldKind::filter, schema::kKeyword, 0, true},
    FixedField{"authors", "author", FieldKind::filter, schema::kAuthor, 0, true},
    FixedField{"series", "", FieldKind::filter, schema::kSeries, 0, true},
    FixedField{"section", "", FieldKind::filter, schema::kSection, 0, true},
    FixedField{"lang", "language", FieldKind::filter, schema::kLanguage, 0, true},
    FixedField{"year", "", FieldKind::filter, schema::kYear, 0, true},
    FixedField{"month", "", FieldKind::filter, schema::kMonth, 0, false},
    FixedField{"id", "", FieldKind::filter, schema::kId, 0, false},
    FixedField{"date", "", FieldKind::date, "", schema::kDateWrittenSlot, false},
    FixedField{"lastmod", "updated", FieldKind::date, "", schema::kLastmodSlot, false},
};

FieldSpec spec_of(const FixedField& field) {
  return FieldSpec{std::string(field.name), field.kind, std::string(field.prefix), field.slot,
                   field.facet};
}

std::string digits_of(std::string_view value) {
  std::string digits;
  for (char c : value) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

// "2026-01", "2026-1", "202601", "2026/01" -> "202601"; empty if not a month.
std::string month_key(std::string_view value) {
  std::size_t sep = value.find_first_of("-/.");
  std::string year, month;
  if (sep == std::string_view::npos) {
    if (value.size() != 6 || !is_all_digits(value)) return {};
    year = std::string(value.substr(0, 4));
    month = std::string(value.substr(4));
  } else {
    year = std::string(value.substr(0, sep));
    month = std::string(value.substr(sep + 1));
    if (year.size() != 4 || !is_all_digits(year) || month.empty() || month.size() > 2 ||
        !is_all_digits(month)) {
      return {};
    }
    if (month.size() == 1) month = "0" + month;
  }
  int m = std::stoi(month);
  if (m < 1 || m > 12) return {};
  return year + month;
}

}  // namespace

FieldCatalog::FieldCatalog(std::vector<std::string> taxonomies)
    : taxonomies_(std::move(taxonomies)) {}

std::optional<FieldSpec> FieldCatalog::find(std::string_view name) const {
  std::string key = lowercase(name);
  for (const auto& field : kFixedFields) {
    if (key == field.name || (!field.alias.empty() && key == field.alias)) return spec_of(field);
  }
  for (const auto& taxonomy : taxonomies_) {
    if (key == lowercase(taxonomy)) {
      std::string prefix(schema::kTaxonomy);
      prefix += taxonomy;
      prefix += ':';
      return FieldSpec{taxonomy, FieldKind::filter, prefix, 0, true};
    }
  }
  return std::nullopt;
}

std::vector<std::string> FieldCatalog::facet_fields() const {
  std::vector<std::string> fields;
  for (const auto& field : kFixedFields) {
    if (field.facet) fields.emplace_back(field.name);
  }
  fields.insert(fields.end(), taxonomies_.begin(), taxonomies_.end());
  return fields;
}

std::string filter_term(const FieldSpec& field, std::string_view value) {
  if (field.name == "year") {
    std::string digits = digits_of(value);
    if (digits.size() != 4 || digits.size() != value.size()) return {};
    return field.prefix + digits;
  }
  if (field.name == "month") {
    std::string key = month_key(value);
    return key.empty() ? std::string() : field.prefix + key;
  }
  if (field.name == "id") return field.prefix + std::string(value);
  std::string normalised = schema::normalise_term_value(value);
  if (normalised.empty()) return {};
  return schema::boolean_term(field.prefix, value);
}

}  // namespace folio::detail
