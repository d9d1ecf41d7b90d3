// gzip for responses (zlib): JSON answers, the widget and the demo page are text and shrink 3-8x.
#pragma once

#include <string>
#include <string_view>

#include "http/connection/http_message.hpp"

namespace folio::server {

// True when the Accept-Encoding value allows gzip (a "gzip" token without q=0).
bool accepts_gzip(std::string_view accept_encoding);

// Gzips the body in place (Content-Encoding: gzip, Vary: Accept-Encoding) when its type is text,
// JSON or JavaScript, it is large enough to gain, and it is not encoded already.
void compress_if_worthwhile(HttpResponse& response);

// The gzip member of `bytes` (zlib's default level).
std::string gzip(std::string_view bytes);

}  // namespace folio::server
