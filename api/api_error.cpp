#include "folio_api/api_error.hpp"

namespace folio::api {

ApiError::ApiError(int status, std::string code, std::string message, std::string param)
    : std::runtime_error(std::move(message)),
      status_(status),
      code_(std::move(code)),
      param_(std::move(param)) {}

ApiError&& ApiError::with_retry_after(int seconds) && {
  retry_after_seconds_ = seconds;
  return std::move(*this);
}

ApiError bad_parameter(std::string param, std::string message) {
  return ApiError(400, "bad_parameter", std::move(message), std::move(param));
}

ApiError not_found(std::string message) {
  return ApiError(404, "not_found", std::move(message));
}

ApiError unavailable(std::string message, int retry_after_seconds) {
  return ApiError(503, "unavailable", std::move(message)).with_retry_after(retry_after_seconds);
}

}  // namespace folio::api
