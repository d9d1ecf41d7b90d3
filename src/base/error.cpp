#include "folio/error.hpp"

#include <utility>

namespace folio {
namespace {

std::string format_message(const std::string& reason, const SourceLocation& where) {
  if (where.path.empty()) return reason;
  std::string message = where.path;
  if (where.line > 0) {
    message += ':' + std::to_string(where.line);
    if (where.column > 0) message += ':' + std::to_string(where.column);
  }
  return message + ": " + reason;
}

}  // namespace

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::io:
      return "io";
    case ErrorCode::parse:
      return "parse";
    case ErrorCode::encoding:
      return "encoding";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::config:
      return "config";
    case ErrorCode::invalid_query:
      return "invalid_query";
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::database:
      return "database";
    case ErrorCode::locked:
      return "locked";
    case ErrorCode::not_found:
      return "not_found";
  }
  return "unknown";
}

Error::Error(ErrorCode code, std::string reason, SourceLocation where)
    : std::runtime_error(format_message(reason, where)),
      code_(code),
      reason_(std::move(reason)),
      where_(std::move(where)) {}

Error&& Error::with_param(std::string param) && {
  param_ = std::move(param);
  return std::move(*this);
}

}  // namespace folio
