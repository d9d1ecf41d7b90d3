// The API's one error type: a status, a stable code and a message, which the HTTP layer turns into
// {"error": {"code", "message", "param"}}. It knows nothing of the HTTP library, so the code that
// decides a request is wrong (parameter parsing, handlers) compiles without the HTTP library.
#pragma once

#include <stdexcept>
#include <string>

namespace folio::api {

// Thrown by handlers and parameter parsing; caught in one place (App::run and the request
// screening) and turned into a response.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string message, std::string param = {});

  int status() const noexcept { return status_; }
  const std::string& code() const noexcept { return code_; }
  const std::string& param() const noexcept { return param_; }
  int retry_after_seconds() const noexcept { return retry_after_seconds_; }
  ApiError&& with_retry_after(int seconds) &&;

 private:
  int status_;
  std::string code_;
  std::string param_;
  int retry_after_seconds_ = 0;
};

// 400 bad_parameter, naming the parameter.
ApiError bad_parameter(std::string param, std::string message);
// 404 not_found.
ApiError not_found(std::string message);
// 503 unavailable, with Retry-After: the condition is expected to pass.
ApiError unavailable(std::string message, int retry_after_seconds = 1);

}  // namespace folio::api
