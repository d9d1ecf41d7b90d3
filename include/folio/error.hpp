// The one error type of folio::core. Third-party exceptions (Xapian, toml11, yaml-cpp, JSON) are
// translated into folio::Error at the library boundary, so callers only ever catch this.
#pragma once

#include <stdexcept>
#include <string>

namespace folio {

enum class ErrorCode {
  io,             // a file or directory could not be read or written
  parse,          // front matter, Markdown or a config file could not be understood
  encoding,       // the input is not valid UTF-8 or looks binary
  too_large,      // the input is over a configured size limit
  config,         // a configuration value is wrong (type, range, unknown enum value)
  invalid_query,  // a search request cannot be served (page past the limit, unknown field in strict
                  // mode)
  invalid_argument,  // a caller passed a value outside the documented range
  database,          // the Xapian database is missing, corrupt or failed
  locked,            // another folio process holds the index's write lock
  not_found,         // the article or database asked for does not exist
};

// A short, stable name for an error code ("parse", "locked", ...), used in JSON reports.
const char* error_code_name(ErrorCode code) noexcept;

// Where in a source file an error was found. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string path;
  int line = 0;
  int column = 0;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string reason, SourceLocation where = {});

  ErrorCode code() const noexcept { return code_; }
  // The reason alone, without the location ("unclosed +++ front matter block").
  const std::string& reason() const noexcept { return reason_; }
  const SourceLocation& where() const noexcept { return where_; }
  // The parameter or field the error is about, for request errors ("page", "per_page").
  const std::string& param() const noexcept { return param_; }
  Error&& with_param(std::string param) &&;

  // what() is "path:line:col: reason" (parts omitted when unknown), the form compilers use.

 private:
  ErrorCode code_;
  std::string reason_;
  SourceLocation where_;
  std::string param_;
};

}  // namespace folio
