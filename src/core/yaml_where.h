// Positions in YAML documents for error messages that say where:
// "<file>:<line>:<col>: <field>: <message>" (1-based line and column).
// Header-only; the includer links yaml-cpp.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "core/result.h"

namespace tamas {

struct YamlWhere {
  std::string file;

  // An invalid-input error at `mark`; `field` names the value ("agents[0].shift"),
  // empty when the message says it all.
  Error at(const YAML::Mark& mark, const std::string& field, const std::string& msg) const {
    return Error::invalid(file + ":" + std::to_string(mark.line + 1) + ":" +
                          std::to_string(mark.column + 1) + ": " +
                          (field.empty() ? "" : field + ": ") + msg);
  }
  Error at(const YAML::Node& n, const std::string& field, const std::string& msg) const {
    return at(n.Mark(), field, msg);
  }
  Error at(const YAML::Node& n, const std::string& msg) const { return at(n.Mark(), "", msg); }
  // A parser exception (yaml-cpp's own message at its mark).
  Error at(const YAML::Exception& e) const { return at(e.mark, "", e.msg); }
  // "<file>:<line>", for pointing back at a definition later.
  std::string line_of(const YAML::Node& n) const {
    return file + ":" + std::to_string(n.Mark().line + 1);
  }
};

}  // namespace tamas
