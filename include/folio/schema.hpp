// THE table of term prefixes and value slots in a folio index. docs/ARCHITECTURE.md shows the same
// table; change both together. Prefixes follow Xapian Omega's conventions (Q unique id, S title,
// A author, K keyword, L language, Y year, M month, D day; X... for our own).
#pragma once

#include <string>
#include <string_view>

namespace folio::schema {

// Free-text prefixes (stemmed with a Z in front as Xapian's TermGenerator does). Every field is
// also indexed without a prefix, weighted by FieldWeights, for plain queries; only that copy
// carries positions.
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kHeading = "XH";
inline constexpr std::string_view kDescription = "XD";
inline constexpr std::string_view kKeywordText = "XK";
inline constexpr std::string_view kCode = "XCODE";

// Boolean filter prefixes. Values are normalised with normalise_term_value().
inline constexpr std::string_view kId = "Q";  // unique id term, one per article
inline constexpr std::string_view kTag = "XTAG";
inline constexpr std::string_view kCategory = "XCAT";
inline constexpr std::string_view kKeyword = "K";
inline constexpr std::string_view kAuthor = "A";
inline constexpr std::string_view kSeries = "XSERIES";
inline constexpr std::string_view kSection = "XSECTION";  // first path segment ("posts")
inline constexpr std::string_view kLanguage = "L";
// The date's calendar parts as written in the file (at the UTC offset it was written with).
inline constexpr std::string_view kYear = "Y";         // Y2026
inline constexpr std::string_view kMonth = "M";        // M202601
inline constexpr std::string_view kDay = "D";          // D20260126
inline constexpr std::string_view kTaxonomy = "XTAX";  // XTAX<name>:<value>, custom taxonomies
inline constexpr std::string_view kDraft = "XDRAFT";   // present on drafts indexed with --drafts

// Value slots. A date "as written" is its wall-clock time in the file, the instant plus the
// offset it was written with, in seconds as if it were UTC: `2019-12-12 19:00:00 -0500` is
// 2019-12-12T19:00:00 there, so whole-day ranges find it on the day the file says.
enum Slot : unsigned {
  kDateSlot = 0,          // sortable_serialise(date seconds), the publication instant: sort order
  kLastmodSlot = 1,       // sortable_serialise(lastmod as written), falls back to date: lastmod:
  kWeightSlot = 2,        // sortable_serialise(front matter weight)
  kWordCountSlot = 3,     // sortable_serialise(word count)
  kContentHashSlot = 4,   // hex content hash of the source file, for incremental runs
  kSourcePathSlot = 5,    // relative path of the source file
  kFacetsSlot = 6,        // every facet value of the article, packed (see facet_codec.hpp)
  kIdSlot = 7,            // the article id (the Q term without its prefix)
  kTextSlot = 8,          // headings and section texts, zstd-compressed (see stored_record.hpp)
  kFileStampSlot = 9,     // "size:mtime_ns" of the source file when indexed ("" if too recent)
  kRecordSlot = 10,       // the display record of a hit (see stored_record.hpp)
  kDateWrittenSlot = 11,  // sortable_serialise(date as written): date: ranges
  kTitleKeySlot = 12,     // page kind and title words, for the title bonus (see title_key.hpp)
};

// Database metadata keys.
inline constexpr std::string_view kMetaSchemaVersion = "folio.schema_version";
inline constexpr std::string_view kMetaLastIndexed = "folio.last_indexed";  // ISO 8601 time
// The settings that shaped the documents (schema version, language, weights, ...), so that an
// incremental run with other settings rebuilds instead of mixing old and new documents.
inline constexpr std::string_view kMetaSettingsDigest = "folio.settings_digest";
inline constexpr std::string_view kMetaSite = "folio.site";  // the site the index was read from
inline constexpr std::string_view kMetaLanguage = "folio.language";  // default language (stemmer)
// Bumped whenever the terms, values or stored record written for an article change, including
// changes to what is extracted from Markdown: the next `folio index` rebuilds an index of another
// version in full, and a Searcher refuses it. 2: section texts in kTextSlot, positions only on
// unprefixed terms, file stamps. 3: the display record in kRecordSlot, not the document data.
// 4: dates as written (Y/M/D terms, the year facet, kLastmodSlot, kDateWrittenSlot, offsets in
// the display record), character references decoded in front matter and raw HTML.
// 5: the title key in kTitleKeySlot. 6: CJK text as character n-grams, every article with a
// language (L term and facet), regional codes stemmed by their language (pt-br).
inline constexpr int kSchemaVersion = 6;

// Lowercases (ASCII and common Latin letters), trims and collapses inner whitespace, so that
// `tags:go` finds "Go" and `tags:"backend  language"` finds "Backend Language".
std::string normalise_term_value(std::string_view value);

// prefix + normalised value, truncated safely to Xapian's term length limit.
std::string boolean_term(std::string_view prefix, std::string_view value);

// The unique id term of an article: "Q" + id as written (ids are case-sensitive), truncated safely.
std::string id_term(std::string_view id);

}  // namespace folio::schema
