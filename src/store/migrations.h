// Schema migrations embedded into the binary at build time from
// src/store/migrations/NNNN_name.sql (see CMakeLists.txt). A landed migration
// is never edited; changes are new, higher-numbered files.
#pragma once

#include <vector>

namespace tamas::store {

struct Migration {
  int version;       // NNNN from the file name; 1, 2, 3, ... without gaps
  const char* name;  // file name
  const char* sql;
};

// In version order.
const std::vector<Migration>& embedded_migrations();

// The highest version this binary knows.
int latest_schema_version();

}  // namespace tamas::store
