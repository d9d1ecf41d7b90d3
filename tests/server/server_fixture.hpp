// The index most server tests share: sample-content/ indexed once per test run.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "server/server_harness.hpp"

namespace folio::test {

// Built on first use, removed when the test program exits. Tests must not modify it.
const std::string& sample_index_path();

// GET a path; the parsed JSON body (null when the body is not JSON).
struct JsonResponse {
  int status = 0;
  nlohmann::json body;
  httplib::Headers headers;
};
JsonResponse get_json(const TestServer& server, const std::string& path,
                      const httplib::Headers& headers = {});

}  // namespace folio::test
