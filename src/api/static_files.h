// Serves the built web front end (web/dist) from memory: files are read once
// at start-up, so requests never touch the disk. Unknown paths that look like
// app routes (no file extension) get index.html, for client-side routing.
#pragma once

#include <string>

#include "api/router.h"
#include "core/result.h"

namespace tamas::api {

// Loads every file under `root` and registers GET handlers for them, plus a
// fallback for "/" and extension-less paths under the given app prefixes.
// Returns the number of files served; a missing root is not an error (0).
Result<int> add_static_routes(Router& router, const std::string& root);

// Content type by file extension ("application/javascript", ...).
std::string content_type_for(const std::string& path);

}  // namespace tamas::api
