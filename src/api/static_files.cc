#include "api/static_files.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace tamas::api {
namespace fs = std::filesystem;

std::string content_type_for(const std::string& path) {
  static const std::map<std::string, std::string> types{
      {".html", "text/html; charset=utf-8"}, {".js", "application/javascript"},
      {".mjs", "application/javascript"},    {".css", "text/css"},
      {".json", "application/json"},         {".svg", "image/svg+xml"},
      {".png", "image/png"},                 {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},              {".woff", "font/woff"},
      {".wav", "audio/wav"},                 {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}};
  const auto ext = fs::path(path).extension().string();
  const auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

Result<int> add_static_routes(Router& router, const std::string& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return 0;
  int count = 0;
  std::shared_ptr<const Response> index;
  for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    if (!in.good() && !in.eof()) return Error::unavailable("cannot read " + entry.path().string());
    const std::string rel = "/" + fs::relative(entry.path(), root).generic_string();
    auto res = std::make_shared<Response>();
    res->content_type = content_type_for(rel);
    res->body = data.str();
    // Vite puts content hashes in asset names: cache those for a year.
    if (rel.rfind("/assets/", 0) == 0) res->headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    if (rel == "/index.html") index = res;
    router.get(rel, [res](const Request&, Respond respond) { respond(*res); });
    ++count;
  }
  if (index) {
    router.get("/", [index](const Request&, Respond respond) { respond(*index); });
  }
  return count;
}

}  // namespace tamas::api
